import type { Node as Neo4jNode } from 'neo4j-driver';

import { groupByKey } from '../../db/batch';
import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import type { Page, PageRequest } from '../common/pagination';
import {
  batchedCounts,
  batchedPages,
  firstOf,
  nodesByKeys,
  relatedByKeys,
  relatedEntitiesByKeys,
} from '../common/repository';
import type { EntityData } from '../entities';
import { mapClaim, type ClaimData } from '../claim/claim.mapper';
import { mapMetric, type MetricData } from '../metric/metric.mapper';
import { mapPlace, type PlaceData } from '../place/place.mapper';
import { mapFigure, type FigureData, type SiblingData, type SiblingRelation } from './figure.mapper';

/** A figure SIBLINGS_OF_F found, with its `relation`. */
export const mapSibling = ({ node, relation }: { node: Neo4jNode; relation: string }): SiblingData => ({
  figure: mapFigure(node.properties as Properties),
  relation: relation as SiblingRelation,
});

/** Which figures a series shows; keys are stored ids, dates ISO. */
export interface FigureFilter {
  metric?: string;
  place?: string;
  periodFrom?: string;
  periodTo?: string;
}

const FIGURE_FILTER = `
  (filter.metric IS NULL OR EXISTS { (f)-[:MEASURES]->(:Metric {id: filter.metric}) })
  AND (filter.place IS NULL OR EXISTS { (f)-[:FOR_PLACE]->(:Place {id: filter.place}) })
  AND (filter.periodFrom IS NULL OR f.periodEnd >= date(filter.periodFrom))
  AND (filter.periodTo IS NULL OR f.periodStart <= date(filter.periodTo))`;

/**
 * The candidate figures: a metric's series starts from the metric (an index seek and its MEASURES
 * links) instead of testing every Figure in the database; PROFILE at 20,000 figures showed the
 * label scan (bench/README.md, "Findings"). Without a metric filter, all figures. The scan sits in
 * its own subquery because the planner otherwise runs it first and applies `filter.metric IS NULL`
 * afterwards, scanning every figure for a metric's series too (PROFILE: 21,736 → 1,204 db hits).
 */
const FIGURES_OF_FILTER = `
    CALL (filter) {
      MATCH (:Metric {id: filter.metric})<-[:MEASURES]-(f:Figure) RETURN f
      UNION ALL
      WITH filter WHERE filter.metric IS NULL
      CALL (filter) { MATCH (f:Figure) RETURN f }
      RETURN f
    }`;

/**
 * Figures in time order (a chartable series): keyset (periodStart, key). Batched like claim pages,
 * so `metrics { figures }` costs one statement for the whole level.
 */
export const FIGURE_PAGES = cypher(
  'figure.pages',
  `UNWIND $requests AS request
  CALL (request) {
    WITH request.filter AS filter
    ${FIGURES_OF_FILTER}
    WITH f, filter WHERE ${FIGURE_FILTER}
      AND (request.afterSortValue IS NULL OR f.periodStart > date(request.afterSortValue)
           OR (f.periodStart = date(request.afterSortValue) AND f.id > request.afterKey))
    RETURN f ORDER BY f.periodStart, f.id LIMIT $limit
  }
  RETURN request.key AS key, f AS node`,
);

export const FIGURE_COUNTS = cypher(
  'figure.counts',
  `UNWIND $requests AS request
  CALL (request) {
    WITH request.filter AS filter
    ${FIGURES_OF_FILTER}
    WITH f, filter WHERE ${FIGURE_FILTER}
    RETURN count(f) AS count
  }
  RETURN request.key AS key, count`,
);

export const FIGURES_BY_KEYS = cypher(
  'figure.byKeys',
  'UNWIND $keys AS key MATCH (node:Figure {id: key}) RETURN key, node',
);

export const FIGURE_METRICS = cypher(
  'figure.metric',
  'UNWIND $keys AS key MATCH (:Figure {id: key})-[:MEASURES]->(node:Metric) RETURN key, node',
);

export const FIGURE_PLACES = cypher(
  'figure.place',
  'UNWIND $keys AS key MATCH (:Figure {id: key})-[:FOR_PLACE]->(node:Place) RETURN key, node',
);

export const FIGURE_CITING_CLAIMS = cypher(
  'figure.citedBy',
  'UNWIND $keys AS key MATCH (:Figure {id: key})<-[:CITES]-(node:Claim) RETURN key, node ORDER BY key, node.id',
);

/**
 * The other figures of `f`'s metric, each with how it stands to `f` (`relation`, a SiblingRelation):
 * a figure of another place, or of another measure (a percent change beside a level), compares with
 * nothing; of the same period it is a check of `f` unless the same source reports both; otherwise it
 * is a point of the series. Binds `other` and `relation`; used per key here and inside a lineage.
 */
export const SIBLINGS_OF_F = `
    MATCH (f)-[:MEASURES]->(:Metric)<-[:MEASURES]-(other:Figure)
    WHERE other <> f
    WITH f, other, CASE
      WHEN coalesce(head(COLLECT { MATCH (other)-[:FOR_PLACE]->(p:Place) RETURN p.id }), '')
           <> coalesce(head(COLLECT { MATCH (f)-[:FOR_PLACE]->(p:Place) RETURN p.id }), '') THEN 'other-place'
      WHEN coalesce(other.changeType, 'level') <> coalesce(f.changeType, 'level') THEN 'other-measure'
      WHEN other.periodStart <> f.periodStart OR other.periodEnd <> f.periodEnd THEN 'other-period'
      WHEN EXISTS { (f)-[:REPORTED_IN]->(:Source)<-[:REPORTED_IN]-(other) } THEN 'same-source'
      ELSE 'same-period'
    END AS relation`;

/** Rows of SIBLINGS_OF_F in series order: by period, then id. */
export const SIBLING_ORDER = 'other.periodStart, other.periodEnd, other.id';

/** What a cited number is compared with in a lineage: FigureLineage.samePeriod, series and comparisons. */
export const FIGURE_SIBLINGS = cypher(
  'figure.siblings',
  `UNWIND $keys AS key MATCH (f:Figure {id: key})
  CALL (f) {
    ${SIBLINGS_OF_F}
    RETURN other, relation ORDER BY ${SIBLING_ORDER}
  }
  RETURN key, other AS node, relation`,
);

/** Who produced a figure's data: an organisation, or a dataset or report source. */
export const FIGURE_PRODUCERS = cypher(
  'figure.producedBy',
  'UNWIND $keys AS key MATCH (:Figure {id: key})-[:PRODUCED_BY]->(node:Organization|Source) RETURN key, node',
);

/** Who passed a figure on, from the origin towards the quoting source (RELAYED_BY position). */
export const FIGURE_RELAYS = cypher(
  'figure.relayedBy',
  `UNWIND $keys AS key MATCH (:Figure {id: key})-[link:RELAYED_BY]->(node)
  RETURN key, node ORDER BY key, link.position, node.id`,
);

/** The level a change figure changes, when the text gives it. */
export const FIGURE_CHANGE_OF = cypher(
  'figure.changeOf',
  'UNWIND $keys AS key MATCH (:Figure {id: key})-[:CHANGE_OF]->(node:Figure) RETURN key, node',
);

/** A derived figure's inputs, in their order. */
export const FIGURE_INPUTS = cypher(
  'figure.inputs',
  `UNWIND $keys AS key MATCH (:Figure {id: key})-[link:DERIVED_FROM]->(node:Figure)
  RETURN key, node ORDER BY key, link.position`,
);

export interface FigurePageRequest {
  filter: FigureFilter;
  page: PageRequest;
}

const filterParams = (filter: FigureFilter) => ({
  metric: filter.metric ?? null,
  place: filter.place ?? null,
  periodFrom: filter.periodFrom ?? null,
  periodTo: filter.periodTo ?? null,
});

export class FigureRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(FigureData | undefined)[]> {
    return nodesByKeys(this.executor, FIGURES_BY_KEYS, keys, mapFigure);
  }

  pages(requests: readonly FigurePageRequest[]): Promise<Page<FigureData>[]> {
    return batchedPages(
      this.executor,
      FIGURE_PAGES,
      requests,
      (request) => ({
        filter: filterParams(request.filter),
        afterSortValue: request.page.after?.sortValue ?? null,
        afterKey: request.page.after?.key ?? null,
      }),
      mapFigure,
      (figure) => ({ sortValue: figure.period.start, key: figure.key }),
    );
  }

  counts(filters: readonly FigureFilter[]): Promise<number[]> {
    return batchedCounts(this.executor, FIGURE_COUNTS, filters, filterParams);
  }

  async metricsOf(keys: readonly string[]): Promise<(MetricData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, FIGURE_METRICS, keys, mapMetric));
  }

  async placesOf(keys: readonly string[]): Promise<(PlaceData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, FIGURE_PLACES, keys, mapPlace));
  }

  citingClaimsOf(keys: readonly string[]): Promise<ClaimData[][]> {
    return relatedByKeys(this.executor, FIGURE_CITING_CLAIMS, keys, mapClaim);
  }

  async producersOf(keys: readonly string[]): Promise<(EntityData | null)[]> {
    return firstOf(await relatedEntitiesByKeys(this.executor, FIGURE_PRODUCERS, keys));
  }

  relaysOf(keys: readonly string[]): Promise<EntityData[][]> {
    return relatedEntitiesByKeys(this.executor, FIGURE_RELAYS, keys);
  }

  async changedLevelsOf(keys: readonly string[]): Promise<(FigureData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, FIGURE_CHANGE_OF, keys, mapFigure));
  }

  inputsOf(keys: readonly string[]): Promise<FigureData[][]> {
    return relatedByKeys(this.executor, FIGURE_INPUTS, keys, mapFigure);
  }

  async siblingsOf(keys: readonly string[]): Promise<SiblingData[][]> {
    const records = await this.executor.read(FIGURE_SIBLINGS, { keys });
    return groupByKey(keys, records, (record) =>
      mapSibling({ node: record.get('node'), relation: record.get('relation') }),
    );
  }
}
