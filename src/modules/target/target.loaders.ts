import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { TargetRepository } from './target.repository';

export function createTargetLoaders(executor: Executor) {
  const targets = new TargetRepository(executor);
  return {
    byKey: loader((keys) => targets.byKeys(keys)),
    projectionByKey: loader((keys) => targets.projectionsByKeys(keys)),
    metric: loader((keys) => targets.metricsOf(keys)),
    place: loader((keys) => targets.placesOf(keys)),
    setBy: loader((keys) => targets.settersOf(keys)),
    projections: loader((keys) => targets.projectionsOf(keys)),
    statedIn: loader((keys) => targets.claimsStatingTargets(keys)),
    projectionStatedIn: loader((keys) => targets.claimsStatingProjections(keys)),
    projectionTarget: loader((keys) => targets.targetsOfProjections(keys)),
    projectedBy: loader((keys) => targets.authorsOfProjections(keys)),
  };
}
