import { cypher, type Executor } from '../../db/executor';
import type { Page, PageRequest } from '../common/pagination';
import { countOf, firstOf, nodesByKeys, nameOrderedList, pageOfNodes, relatedByKeys } from '../common/repository';
import { mapPlace, type PlaceData } from '../place/place.mapper';
import { mapTarget, type TargetData } from '../target/target.mapper';
import { mapMetric, type MetricData } from './metric.mapper';

export const METRICS_BY_KEYS = cypher(
  'metric.byKeys',
  'UNWIND $keys AS key MATCH (node:Metric {id: key}) RETURN key, node',
);

export const METRIC_PLACES = cypher(
  'metric.place',
  'UNWIND $keys AS key MATCH (:Metric {id: key})-[:SCOPED_TO]->(node:Place) RETURN key, node',
);

export const METRIC_TARGETS = cypher(
  'metric.targets',
  'UNWIND $keys AS key MATCH (:Metric {id: key})<-[:MEASURED_BY]-(node:Target) RETURN key, node ORDER BY key, node.deadline, node.id',
);

export const METRICS_LIST = nameOrderedList('metric', 'Metric');

export class MetricRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(MetricData | undefined)[]> {
    return nodesByKeys(this.executor, METRICS_BY_KEYS, keys, mapMetric);
  }

  async placesOf(keys: readonly string[]): Promise<(PlaceData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, METRIC_PLACES, keys, mapPlace));
  }

  targetsOf(keys: readonly string[]): Promise<TargetData[][]> {
    return relatedByKeys(this.executor, METRIC_TARGETS, keys, mapTarget);
  }

  page(request: PageRequest): Promise<Page<MetricData>> {
    return pageOfNodes(this.executor, METRICS_LIST.page, request, mapMetric, (metric) => ({
      sortValue: metric.name,
      key: metric.key,
    }));
  }

  count(): Promise<number> {
    return countOf(this.executor, METRICS_LIST.count);
  }
}
