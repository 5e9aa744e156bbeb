import type { Executor } from '../../db/executor';
import { loader, objectLoader } from '../common/loaders';
import { FigureRepository, type FigureFilter, type FigurePageRequest } from './figure.repository';

export function createFigureLoaders(executor: Executor) {
  const figures = new FigureRepository(executor);
  return {
    byKey: loader((keys) => figures.byKeys(keys)),
    pages: objectLoader((requests: readonly FigurePageRequest[]) => figures.pages(requests)),
    counts: objectLoader((filters: readonly FigureFilter[]) => figures.counts(filters)),
    metric: loader((keys) => figures.metricsOf(keys)),
    place: loader((keys) => figures.placesOf(keys)),
    citedBy: loader((keys) => figures.citingClaimsOf(keys)),
    siblings: loader((keys) => figures.siblingsOf(keys)),
    producedBy: loader((keys) => figures.producersOf(keys)),
    relayedBy: loader((keys) => figures.relaysOf(keys)),
    changeOf: loader((keys) => figures.changedLevelsOf(keys)),
    inputs: loader((keys) => figures.inputsOf(keys)),
  };
}
