import type { Node as Neo4jNode, Record as Neo4jRecord, Relationship } from 'neo4j-driver';

import { alignByKey } from '../../db/batch';
import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import type { Prefetched } from '../common/prefetched';
import { mapEntity, type EntityData } from '../entities';
import { mapFigure, type PrefetchedFigure } from '../figure/figure.mapper';
import { mapSibling, SIBLING_ORDER, SIBLINGS_OF_F } from '../figure/figure.repository';
import { mapMetric } from '../metric/metric.mapper';
import { mapOrganization, type OrganizationData } from '../organization/organization.mapper';
import { mapRole, type PrefetchedRole } from '../person/person.mapper';
import { mapReview, type ReviewData } from '../review/review.mapper';
import { mapSource, type PrefetchedSource, type SourceData } from '../source/source.mapper';
import { mapClaim, type ClaimData } from './claim.mapper';
import { mapEvidenceLink, type EvidenceLinkData } from './claim.repository';
import { provenanceChain, type ClaimProvenanceData, type ProvenanceHopData } from './provenance';

/**
 * A claim and its lineage neighbourhood in one statement: what CLAIMS_BY_KEYS and SOURCES_BY_KEYS,
 * SOURCE_PUBLISHERS, CLAIM_SPEAKERS, CLAIM_ROLES (+ ROLE_ORGANIZATIONS), CLAIM_FIGURES
 * (+ FIGURE_METRICS), CLAIM_EVIDENCE and REVIEWS_OF_CLAIMS return, in their orders, and the
 * provenance chain (provenance.ts). Eight statements (each its own transaction) cost far more than
 * one: bench/README.md, "Findings". The other figures of each metric (FIGURE_SIBLINGS) come only
 * with `$withSiblings`: a metric's series is unbounded, so the statement reads it only when the
 * lineage asks for samePeriod, series or comparisons. Paths of republication are at most 6 long and
 * of derivation 4 deep, so the statement stays bounded.
 */
export const CLAIM_LINEAGES = cypher(
  'claim.lineage',
  `UNWIND $keys AS key MATCH (c:Claim {id: key})
  RETURN key, c AS claim,
    head(COLLECT { MATCH (c)-[:APPEARS_IN]->(s:Source) RETURN s }) AS source,
    head(COLLECT { MATCH (c)-[:APPEARS_IN]->(:Source)-[:PUBLISHED_BY]->(o:Organization) RETURN o }) AS publisher,
    head(COLLECT { MATCH (c)-[:SAID_BY]->(speaker) RETURN speaker }) AS speaker,
    head(COLLECT { MATCH (c)-[:SPOKEN_AS]->(r:Role)
                   RETURN { role: r, organization: head(COLLECT { MATCH (r)-[:ROLE_AT]->(o:Organization) RETURN o }) }
    }) AS role,
    COLLECT { MATCH (c)-[:CITES]->(f:Figure)
              RETURN { figure: f, metric: head(COLLECT { MATCH (f)-[:MEASURES]->(m:Metric) RETURN m }),
                       source: head(COLLECT { MATCH (f)-[:REPORTED_IN]->(s:Source) RETURN s }),
                       relays: COLLECT { MATCH (f)-[link:RELAYED_BY]->(agent)
                                         RETURN agent ORDER BY link.position DESC, agent.id },
                       producers: COLLECT {
                         MATCH path = (f)-[:DERIVED_FROM*0..4]->(input:Figure)-[:PRODUCED_BY]->(agent:Organization|Source)
                         RETURN { figure: input, agent: agent,
                                  source: head(COLLECT { MATCH (input)-[:REPORTED_IN]->(s:Source) RETURN s }) }
                         ORDER BY length(path), input.id, agent.id },
                       siblings: COLLECT {
    WITH f WHERE $withSiblings${SIBLINGS_OF_F}
    RETURN { node: other, relation: relation } ORDER BY ${SIBLING_ORDER} } }
              ORDER BY f.periodStart, f.id } AS figures,
    COLLECT { MATCH (c)<-[link:SUPPORTS|CONTRADICTS]-(node:Claim|Figure)
              RETURN { node: node, link: link } ORDER BY type(link) DESC, node.id } AS evidence,
    COLLECT { MATCH (c)<-[:REVIEWS]-(review:Review) RETURN review ORDER BY review.createdAt DESC, review.id } AS reviews,
    COLLECT { MATCH (c)-[link:RELAYED_BY]->(agent) RETURN agent ORDER BY link.position DESC, agent.id } AS relays,
    COLLECT { MATCH (c)-[:PRODUCED_BY]->(agent:Organization|Source) RETURN agent ORDER BY agent.id } AS producers,
    COLLECT { MATCH path = (c)-[:APPEARS_IN]->(:Source)-[:REPUBLISHES|CITES*1..6]->(earlier:Source)
              RETURN { relation: type(last(relationships(path))), source: earlier,
                       publisher: head(COLLECT { MATCH (earlier)-[:PUBLISHED_BY]->(o:Organization) RETURN o }) }
              ORDER BY length(path), earlier.publishedDate DESC, earlier.id } AS earlier`,
);

/**
 * A claim's lineage neighbourhood as CLAIM_LINEAGES fetched it, mapped as the single-purpose
 * statements map it. Nested objects carry, in their own `prefetched`, the relations the lineage's
 * nested fields ask for (a source's publisher, a role's organization, a figure's metric).
 */
export interface LineageData {
  source: PrefetchedSource | undefined;
  publisher: OrganizationData | null;
  speaker: EntityData | null;
  role: PrefetchedRole | null;
  figures: PrefetchedFigure[];
  evidence: EvidenceLinkData[];
  reviews: ReviewData[];
  provenance: ProvenanceHopData[];
}

/** A claim handed over with its lineage neighbourhood: what claim(id) and Claim.lineage resolve from. */
export type PrefetchedClaim = Prefetched<ClaimData, LineageData>;

interface FigureRow {
  figure: Neo4jNode;
  metric: Neo4jNode | null;
  source: Neo4jNode | null;
  relays: Neo4jNode[];
  producers: { figure: Neo4jNode; agent: Neo4jNode; source: Neo4jNode | null }[];
  siblings: { node: Neo4jNode; relation: string }[];
}

const props = (node: Neo4jNode) => node.properties as Properties;

const mapOrNull = <T>(node: Neo4jNode | null, map: (properties: Properties) => T): T | null =>
  node === null ? null : map(props(node));

function mapFigureRow(row: FigureRow, withSiblings: boolean) {
  const figure = mapFigure(props(row.figure));
  return {
    prefetched: {
      ...figure,
      prefetched: {
        metric: mapOrNull(row.metric, mapMetric),
        ...(withSiblings ? { siblings: row.siblings.map(mapSibling) } : {}),
      },
    },
    provenance: {
      figure,
      source: mapOrNull(row.source, mapSource),
      relays: row.relays.map(mapEntity),
      producers: row.producers.map((producer) => ({
        figure: mapFigure(props(producer.figure)),
        agent: mapEntity(producer.agent),
        source: mapOrNull(producer.source, mapSource),
      })),
    },
  };
}

function mapEarlier(record: Neo4jRecord): ClaimProvenanceData['earlier'] {
  const rows = record.get('earlier') as {
    relation: 'REPUBLISHES' | 'CITES';
    source: Neo4jNode;
    publisher: Neo4jNode | null;
  }[];
  return rows.map((row) => ({
    relation: row.relation,
    source: mapSource(props(row.source)),
    publisher: mapOrNull(row.publisher, mapOrganization),
  }));
}

function mapLineage(record: Neo4jRecord, withSiblings: boolean): PrefetchedClaim {
  const source: SourceData | null = mapOrNull(record.get('source'), mapSource);
  const publisher = mapOrNull(record.get('publisher'), mapOrganization);
  const speakerNode = record.get('speaker') as Neo4jNode | null;
  const speaker = speakerNode === null ? null : mapEntity(speakerNode);
  const role = record.get('role') as { role: Neo4jNode; organization: Neo4jNode | null } | null;
  const figures = (record.get('figures') as FigureRow[]).map((row) => mapFigureRow(row, withSiblings));
  const evidence = record.get('evidence') as { node: Neo4jNode; link: Relationship }[];
  const claim = mapClaim(props(record.get('claim') as Neo4jNode));
  const own: ClaimProvenanceData = {
    relays: (record.get('relays') as Neo4jNode[]).map(mapEntity),
    producers: (record.get('producers') as Neo4jNode[]).map(mapEntity),
    earlier: mapEarlier(record),
  };
  const prefetched: LineageData = {
    source: source === null ? undefined : { ...source, prefetched: { publisher } },
    publisher,
    speaker,
    role:
      role === null
        ? null
        : { ...mapRole(props(role.role)), prefetched: { organization: mapOrNull(role.organization, mapOrganization) } },
    figures: figures.map((figure) => figure.prefetched),
    evidence: evidence.map(({ node, link }) => mapEvidenceLink(node, link)),
    reviews: (record.get('reviews') as Neo4jNode[]).map((review) => mapReview(props(review))),
    provenance: provenanceChain(
      claim,
      source,
      speaker,
      own,
      figures.map((figure) => figure.provenance),
    ),
  };
  return { ...claim, prefetched };
}

export class LineageRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Claims with their lineage neighbourhood: one statement for the whole batch; with their cited
   * figures' siblings too when `withSiblings`.
   */
  withLineages(keys: readonly string[], withSiblings: boolean): Promise<(PrefetchedClaim | undefined)[]> {
    return this.executor
      .read(CLAIM_LINEAGES, { keys, withSiblings })
      .then((records) => alignByKey(keys, records, (record) => mapLineage(record, withSiblings), undefined));
  }
}
