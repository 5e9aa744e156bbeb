import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';

import { groupByKey } from '../../db/batch';
import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import { mapEntity, type EntityData } from '../entities';
import { mapFigure, type FigureData } from '../figure/figure.mapper';
import { mapMetric, type MetricData } from '../metric/metric.mapper';
import { mapRole, type RoleData } from '../person/person.mapper';
import { mapSource, type SourceData } from '../source/source.mapper';
import type { Page, PageRequest } from '../common/pagination';
import {
  batchedCounts,
  batchedPages,
  firstOf,
  nodesByKeys,
  relatedByKeys,
  relatedEntitiesByKeys,
} from '../common/repository';
import { mapProjection, mapTarget, type ProjectionData, type TargetData } from '../target/target.mapper';
import { mapTopic, type TopicData } from '../topic/topic.mapper';
import { mapClaim, type Attribution, type ClaimData, type ClaimKind } from './claim.mapper';
import type { Stance } from '../../domain/vocabulary';

/** Which claims a list shows. Keys are stored ids; absent fields do not filter. */
export interface ClaimFilter {
  speaker?: string;
  source?: string;
  topic?: string;
  metric?: string;
  figure?: string;
  target?: string;
  kinds?: ClaimKind[];
  attributions?: Attribution[];
  /** Claims citing a figure whose period overlaps [periodFrom, periodTo] (ISO dates). */
  periodFrom?: string;
  periodTo?: string;
  /** Case-insensitive substring of the claim text or its quote. */
  text?: string;
  /** Claims resting on data this organisation or dataset/report source produced (see CLAIM_FILTER). */
  basedOnDataOf?: string;
}

/**
 * The filter as one static predicate over `filter` (a map parameter bound by the statement):
 * every clause is switched off by a null field, so the statement text never depends on input.
 * `basedOnDataOf` follows PRODUCED_BY from the claim itself or a cited figure, through at most four
 * levels of a derived figure's inputs, to the producer or to a dataset it publishes.
 */
const CLAIM_FILTER = `
  (filter.source IS NULL OR EXISTS { (c)-[:APPEARS_IN]->(:Source {id: filter.source}) })
  AND (filter.kinds IS NULL OR c.kind IN filter.kinds)
  AND (filter.attributions IS NULL OR c.attribution IN filter.attributions)
  AND (filter.speaker IS NULL OR EXISTS { (c)-[:SAID_BY]->(speaker) WHERE speaker.id = filter.speaker })
  AND (filter.topic IS NULL OR EXISTS { (c)-[:ABOUT]->(:Topic {id: filter.topic}) })
  AND (filter.figure IS NULL OR EXISTS { (c)-[:CITES]->(:Figure {id: filter.figure}) })
  AND (filter.target IS NULL OR EXISTS { (c)-[:STATES]->(:Target {id: filter.target}) }
       OR EXISTS { (c)-[:STATES]->(:Projection)-[:PROJECTS]->(:Target {id: filter.target}) })
  AND (filter.metric IS NULL OR EXISTS { (c)-[:ABOUT_METRIC]->(:Metric {id: filter.metric}) }
       OR EXISTS { (c)-[:CITES]->(:Figure)-[:MEASURES]->(:Metric {id: filter.metric}) })
  AND (filter.periodFrom IS NULL AND filter.periodTo IS NULL OR EXISTS {
        (c)-[:CITES]->(f:Figure)
        WHERE (filter.periodFrom IS NULL OR f.periodEnd >= date(filter.periodFrom))
          AND (filter.periodTo IS NULL OR f.periodStart <= date(filter.periodTo)) })
  AND (filter.text IS NULL OR toLower(c.text) CONTAINS toLower(filter.text)
       OR toLower(c.quote) CONTAINS toLower(filter.text))
  AND (filter.basedOnDataOf IS NULL OR EXISTS {
        MATCH (c)-[:CITES*0..1]->(:Claim|Figure)-[:DERIVED_FROM*0..4]->(:Claim|Figure)-[:PRODUCED_BY]->(producer)
        WHERE producer.id = filter.basedOnDataOf
           OR EXISTS { (producer:Source)-[:PUBLISHED_BY]->(:Organization {id: filter.basedOnDataOf}) } })`;

/**
 * Where a list's claims are found, most selective first: the branches exclude each other (each
 * guard also says the earlier ones did not apply), so each request's rows come from exactly one.
 * A source's or a speaker's claims start from that node and its links: as many rows as it has
 * claims, not as the graph has. Static text: which branch runs depends on parameters only.
 */
const PAGE_STARTS = [
  `WHERE filter.source IS NOT NULL
    MATCH (:Source {id: filter.source})<-[:APPEARS_IN]-(c:Claim)`,
  `WHERE filter.source IS NULL AND filter.speaker IS NOT NULL
    MATCH (:Person|Organization|VirtualPresenter {id: filter.speaker})<-[:SAID_BY]-(c:Claim)`,
  `WHERE filter.source IS NULL AND filter.speaker IS NULL
    MATCH (c:Claim)`,
];

/**
 * Counts also start from a topic. A page does not: a topic holds many claims, and walking the
 * claims in id order finds the first page's worth sooner than sorting all of the topic's (311.9
 * against 10,744 db hits per page at `medium`, docs/cost-model.md); a count reads them all anyway.
 */
const COUNT_STARTS = [
  ...PAGE_STARTS.slice(0, 2),
  `WHERE filter.source IS NULL AND filter.speaker IS NULL AND filter.topic IS NOT NULL
    MATCH (:Topic {id: filter.topic})<-[:ABOUT]-(c:Claim)`,
  `WHERE filter.source IS NULL AND filter.speaker IS NULL AND filter.topic IS NULL
    MATCH (c:Claim)`,
];

/** One UNION ALL branch per start, each ending with `tail` (its WHERE and RETURN). */
const fromEachStart = (starts: readonly string[], tail: (start: string) => string): string =>
  starts.map((start) => tail(start)).join('\n    UNION ALL\n    ');

/**
 * Pages of claims for many lists at once (a person's claims for every person of a page, ...):
 * one statement per DataLoader batch. Ordered by key; on the whole graph `c.id > afterKey` is an
 * index range seek, so a deep page costs what the first one does.
 */
export const CLAIM_PAGES = cypher(
  'claim.pages',
  `UNWIND $requests AS request
  CALL (request) {
    ${fromEachStart(
      PAGE_STARTS,
      (start) => `WITH request, request.filter AS filter ${start}
    WHERE c.id > request.afterKey AND ${CLAIM_FILTER}
    RETURN c ORDER BY c.id LIMIT $limit`,
    )}
  }
  RETURN request.key AS key, c AS node`,
);

export const CLAIM_COUNTS = cypher(
  'claim.counts',
  `UNWIND $requests AS request
  CALL (request) {
    ${fromEachStart(
      COUNT_STARTS,
      (start) => `WITH request.filter AS filter ${start}
    WHERE ${CLAIM_FILTER}
    RETURN count(c) AS count`,
    )}
  }
  WITH request, sum(count) AS count
  RETURN request.key AS key, count`,
);

export const CLAIMS_BY_KEYS = cypher(
  'claim.byKeys',
  'UNWIND $keys AS key MATCH (node:Claim {id: key}) RETURN key, node',
);

/** The source a claim appears in: the one APPEARS_IN link every claim has (the export follows it too). */
export const CLAIM_SOURCES = cypher(
  'claim.source',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:APPEARS_IN]->(node:Source) RETURN key, node',
);

export const CLAIM_SPEAKERS = cypher(
  'claim.speaker',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:SAID_BY]->(node) RETURN key, node',
);

export const CLAIM_ROLES = cypher(
  'claim.role',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:SPOKEN_AS]->(node:Role) RETURN key, node',
);

export const CLAIM_FIGURES = cypher(
  'claim.figures',
  `UNWIND $keys AS key MATCH (:Claim {id: key})-[:CITES]->(node:Figure)
  RETURN key, node ORDER BY key, node.periodStart, node.id`,
);

/** Metrics a claim is about, directly or through the figures it cites. */
export const CLAIM_METRICS = cypher(
  'claim.metrics',
  `UNWIND $keys AS key MATCH (c:Claim {id: key})
  CALL (c) {
    MATCH (c)-[:ABOUT_METRIC]->(m:Metric) RETURN m
    UNION MATCH (c)-[:CITES]->(:Figure)-[:MEASURES]->(m:Metric) RETURN m
  }
  RETURN key, m AS node ORDER BY key, node.name`,
);

export const CLAIM_TARGETS = cypher(
  'claim.targets',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:STATES]->(node:Target) RETURN key, node ORDER BY key, node.id',
);

export const CLAIM_PROJECTIONS = cypher(
  'claim.projections',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:STATES]->(node:Projection) RETURN key, node ORDER BY key, node.id',
);

export const CLAIM_TOPICS = cypher(
  'claim.topics',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:ABOUT]->(node:Topic) RETURN key, node ORDER BY key, node.name',
);

export const CLAIM_CAUSES = cypher(
  'claim.causes',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:NAMES_CAUSE]->(node:Topic) RETURN key, node ORDER BY key, node.name',
);

export const CLAIM_EFFECTS = cypher(
  'claim.effects',
  'UNWIND $keys AS key MATCH (:Claim {id: key})-[:NAMES_EFFECT]->(node:Topic) RETURN key, node ORDER BY key, node.name',
);

/** Evidence pointing at a claim: claims or figures that support or contradict it. */
export const CLAIM_EVIDENCE = cypher(
  'claim.evidence',
  `UNWIND $keys AS key MATCH (:Claim {id: key})<-[link:SUPPORTS|CONTRADICTS]-(node:Claim|Figure)
  RETURN key, node, link ORDER BY key, type(link) DESC, node.id`,
);

/** What a claim itself supports or contradicts. */
export const CLAIM_BACKS = cypher(
  'claim.backs',
  `UNWIND $keys AS key MATCH (:Claim {id: key})-[link:SUPPORTS|CONTRADICTS]->(node:Claim)
  RETURN key, node, link ORDER BY key, type(link) DESC, node.id`,
);

export type { Stance };

export interface EvidenceLinkData {
  stance: Stance;
  /** The other end: the evidence (for CLAIM_EVIDENCE) or the claim backed (for CLAIM_BACKS). */
  item: EntityData;
  note: string | null;
  origin: string;
  addedBy: string | null;
  addedAt: string | null;
}

export function mapEvidenceLink(node: Neo4jNode, link: Relationship): EvidenceLinkData {
  const properties = link.properties as Properties;
  return {
    stance: link.type as Stance,
    item: mapEntity(node),
    note: (properties.note as string | undefined) ?? null,
    origin: (properties.origin as string | undefined) ?? 'annotation',
    addedBy: (properties.addedBy as string | undefined) ?? null,
    addedAt: properties.addedAt === undefined ? null : (properties.addedAt as { toString(): string }).toString(),
  };
}

export interface ClaimPageRequest {
  /** Names the list (e.g. "speaker:<key>"); part of the DataLoader cache key, not of the query. */
  key: string;
  filter: ClaimFilter;
  page: PageRequest;
}

/** Null for every filter field not given: the statement switches those clauses off. */
function filterParams(filter: ClaimFilter): Record<string, unknown> {
  return {
    speaker: filter.speaker ?? null,
    source: filter.source ?? null,
    topic: filter.topic ?? null,
    metric: filter.metric ?? null,
    figure: filter.figure ?? null,
    target: filter.target ?? null,
    kinds: filter.kinds ?? null,
    attributions: filter.attributions ?? null,
    periodFrom: filter.periodFrom ?? null,
    periodTo: filter.periodTo ?? null,
    text: filter.text ?? null,
    basedOnDataOf: filter.basedOnDataOf ?? null,
  };
}

export class ClaimRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(ClaimData | undefined)[]> {
    return nodesByKeys(this.executor, CLAIMS_BY_KEYS, keys, mapClaim);
  }

  pages(requests: readonly ClaimPageRequest[]): Promise<Page<ClaimData>[]> {
    return batchedPages(
      this.executor,
      CLAIM_PAGES,
      requests,
      // Keys are non-empty, so '' sorts before all of them: the first page needs no special case.
      (request) => ({ filter: filterParams(request.filter), afterKey: request.page.after?.key ?? '' }),
      mapClaim,
      (claim) => ({ sortValue: null, key: claim.key }),
    );
  }

  counts(filters: readonly ClaimFilter[]): Promise<number[]> {
    return batchedCounts(this.executor, CLAIM_COUNTS, filters, filterParams);
  }

  async sourcesOf(keys: readonly string[]): Promise<(SourceData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, CLAIM_SOURCES, keys, mapSource));
  }

  async speakersOf(keys: readonly string[]): Promise<(EntityData | null)[]> {
    return firstOf(await relatedEntitiesByKeys(this.executor, CLAIM_SPEAKERS, keys));
  }

  async rolesOf(keys: readonly string[]): Promise<(RoleData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, CLAIM_ROLES, keys, mapRole));
  }

  figuresOf(keys: readonly string[]): Promise<FigureData[][]> {
    return relatedByKeys(this.executor, CLAIM_FIGURES, keys, mapFigure);
  }

  metricsOf(keys: readonly string[]): Promise<MetricData[][]> {
    return relatedByKeys(this.executor, CLAIM_METRICS, keys, mapMetric);
  }

  targetsOf(keys: readonly string[]): Promise<TargetData[][]> {
    return relatedByKeys(this.executor, CLAIM_TARGETS, keys, mapTarget);
  }

  projectionsOf(keys: readonly string[]): Promise<ProjectionData[][]> {
    return relatedByKeys(this.executor, CLAIM_PROJECTIONS, keys, mapProjection);
  }

  topicsOf(keys: readonly string[]): Promise<TopicData[][]> {
    return relatedByKeys(this.executor, CLAIM_TOPICS, keys, mapTopic);
  }

  causesOf(keys: readonly string[]): Promise<TopicData[][]> {
    return relatedByKeys(this.executor, CLAIM_CAUSES, keys, mapTopic);
  }

  effectsOf(keys: readonly string[]): Promise<TopicData[][]> {
    return relatedByKeys(this.executor, CLAIM_EFFECTS, keys, mapTopic);
  }

  async evidenceFor(keys: readonly string[]): Promise<EvidenceLinkData[][]> {
    const records = await this.executor.read(CLAIM_EVIDENCE, { keys });
    return groupByKey(keys, records, (record) => mapEvidenceLink(record.get('node'), record.get('link')));
  }

  async backedBy(keys: readonly string[]): Promise<EvidenceLinkData[][]> {
    const records = await this.executor.read(CLAIM_BACKS, { keys });
    return groupByKey(keys, records, (record) => mapEvidenceLink(record.get('node'), record.get('link')));
  }
}
