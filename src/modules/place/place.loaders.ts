import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { PlaceRepository } from './place.repository';

export function createPlaceLoaders(executor: Executor) {
  const places = new PlaceRepository(executor);
  return { byKey: loader((keys) => places.byKeys(keys)) };
}
