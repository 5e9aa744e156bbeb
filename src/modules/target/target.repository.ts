import { cypher, type Executor } from '../../db/executor';
import type { Page, PageRequest } from '../common/pagination';
import { countOf, firstOf, nodesByKeys, pageOfNodes, relatedByKeys, relatedEntitiesByKeys } from '../common/repository';
import { mapClaim, type ClaimData } from '../claim/claim.mapper';
import type { EntityData } from '../entities';
import { mapMetric, type MetricData } from '../metric/metric.mapper';
import { mapPlace, type PlaceData } from '../place/place.mapper';
import { mapProjection, mapTarget, type ProjectionData, type TargetData } from './target.mapper';

export const TARGETS_BY_KEYS = cypher(
  'target.byKeys',
  'UNWIND $keys AS key MATCH (node:Target {id: key}) RETURN key, node',
);

export const PROJECTIONS_BY_KEYS = cypher(
  'projection.byKeys',
  'UNWIND $keys AS key MATCH (node:Projection {id: key}) RETURN key, node',
);

export const TARGET_METRICS = cypher(
  'target.metric',
  'UNWIND $keys AS key MATCH (:Target {id: key})-[:MEASURED_BY]->(node:Metric) RETURN key, node',
);

export const TARGET_PLACES = cypher(
  'target.place',
  'UNWIND $keys AS key MATCH (:Target {id: key})-[:FOR_PLACE]->(node:Place) RETURN key, node',
);

export const TARGET_SETTERS = cypher(
  'target.setBy',
  'UNWIND $keys AS key MATCH (:Target {id: key})-[:SET_BY]->(node) RETURN key, node',
);

export const TARGET_PROJECTIONS = cypher(
  'target.projections',
  'UNWIND $keys AS key MATCH (:Target {id: key})<-[:PROJECTS]-(node:Projection) RETURN key, node ORDER BY key, node.expectedBy, node.id',
);

export const TARGET_STATING_CLAIMS = cypher(
  'target.statedIn',
  'UNWIND $keys AS key MATCH (:Target {id: key})<-[:STATES]-(node:Claim) RETURN key, node ORDER BY key, node.id',
);

export const PROJECTION_STATING_CLAIMS = cypher(
  'projection.statedIn',
  'UNWIND $keys AS key MATCH (:Projection {id: key})<-[:STATES]-(node:Claim) RETURN key, node ORDER BY key, node.id',
);

export const PROJECTION_TARGETS = cypher(
  'projection.target',
  'UNWIND $keys AS key MATCH (:Projection {id: key})-[:PROJECTS]->(node:Target) RETURN key, node',
);

export const PROJECTION_AUTHORS = cypher(
  'projection.projectedBy',
  'UNWIND $keys AS key MATCH (:Projection {id: key})-[:PROJECTED_BY]->(node) RETURN key, node',
);

export const TARGETS_PAGE = cypher(
  'target.page',
  `MATCH (node:Target)
  WHERE $afterSortValue IS NULL OR node.deadline > date($afterSortValue)
     OR (node.deadline = date($afterSortValue) AND node.id > $afterKey)
  RETURN node ORDER BY node.deadline, node.id LIMIT $limit`,
);

export const TARGETS_COUNT = cypher('target.count', 'MATCH (node:Target) RETURN count(node) AS count');

export class TargetRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(TargetData | undefined)[]> {
    return nodesByKeys(this.executor, TARGETS_BY_KEYS, keys, mapTarget);
  }

  projectionsByKeys(keys: readonly string[]): Promise<(ProjectionData | undefined)[]> {
    return nodesByKeys(this.executor, PROJECTIONS_BY_KEYS, keys, mapProjection);
  }

  async metricsOf(keys: readonly string[]): Promise<(MetricData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, TARGET_METRICS, keys, mapMetric));
  }

  async placesOf(keys: readonly string[]): Promise<(PlaceData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, TARGET_PLACES, keys, mapPlace));
  }

  async settersOf(keys: readonly string[]): Promise<(EntityData | null)[]> {
    return firstOf(await relatedEntitiesByKeys(this.executor, TARGET_SETTERS, keys));
  }

  projectionsOf(keys: readonly string[]): Promise<ProjectionData[][]> {
    return relatedByKeys(this.executor, TARGET_PROJECTIONS, keys, mapProjection);
  }

  claimsStatingTargets(keys: readonly string[]): Promise<ClaimData[][]> {
    return relatedByKeys(this.executor, TARGET_STATING_CLAIMS, keys, mapClaim);
  }

  claimsStatingProjections(keys: readonly string[]): Promise<ClaimData[][]> {
    return relatedByKeys(this.executor, PROJECTION_STATING_CLAIMS, keys, mapClaim);
  }

  async targetsOfProjections(keys: readonly string[]): Promise<(TargetData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, PROJECTION_TARGETS, keys, mapTarget));
  }

  async authorsOfProjections(keys: readonly string[]): Promise<(EntityData | null)[]> {
    return firstOf(await relatedEntitiesByKeys(this.executor, PROJECTION_AUTHORS, keys));
  }

  page(request: PageRequest): Promise<Page<TargetData>> {
    return pageOfNodes(this.executor, TARGETS_PAGE, request, mapTarget, (target) => ({
      sortValue: target.deadline,
      key: target.key,
    }));
  }

  count(): Promise<number> {
    return countOf(this.executor, TARGETS_COUNT);
  }
}
