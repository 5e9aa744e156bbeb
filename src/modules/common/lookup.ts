import { NotFoundError } from '../../errors';
import { idOf } from './global-id';

/** Loads one node by global id through a per-request loader; NOT_FOUND when there is none. */
export async function findByGlobalId<T>(
  id: string,
  type: string,
  load: (key: string) => Promise<T | undefined>,
): Promise<T> {
  const found = await load(idOf(id, [type]));
  if (found === undefined) throw new NotFoundError(type, id);
  return found;
}
