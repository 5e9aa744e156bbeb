import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { MetricRepository } from './metric.repository';

export function createMetricLoaders(executor: Executor) {
  const metrics = new MetricRepository(executor);
  return {
    byKey: loader((keys) => metrics.byKeys(keys)),
    place: loader((keys) => metrics.placesOf(keys)),
    targets: loader((keys) => metrics.targetsOf(keys)),
  };
}
