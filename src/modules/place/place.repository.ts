import { cypher, type Executor } from '../../db/executor';
import { nodesByKeys } from '../common/repository';
import { mapPlace, type PlaceData } from './place.mapper';

export const PLACES_BY_KEYS = cypher(
  'place.byKeys',
  'UNWIND $keys AS key MATCH (node:Place {id: key}) RETURN key, node',
);

export class PlaceRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(PlaceData | undefined)[]> {
    return nodesByKeys(this.executor, PLACES_BY_KEYS, keys, mapPlace);
  }
}
