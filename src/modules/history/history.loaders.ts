import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { HistoryRepository } from './history.repository';

export function createHistoryLoaders(executor: Executor) {
  const history = new HistoryRepository(executor);
  return {
    /** The stored revisions of claims or figures by key, newest first (empty until a first change). */
    revisions: loader((keys) => history.histories(keys)),
  };
}
