import { NotFoundError } from '../../errors';
import { idOf, toGlobalId } from './global-id';

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

/** NOT_FOUND for a reference a write checked, named by the global id the client sent. */
export function missingReference(missing: { what: string; key: string }): NotFoundError {
  const type = missing.what === 'Speaker' ? 'Person' : missing.what;
  return new NotFoundError(missing.what, missing.what === 'Speaker' ? missing.key : toGlobalId(type, missing.key));
}
