import { bookmarkManager } from 'neo4j-driver';

import type { Authentication } from './auth';
import type { Executor, QueryEvent } from './db/executor';
import type { Context } from './modules/context';
import { createLoaders } from './modules/loaders';
import { createReads } from './modules/reads';

/** Builds one request's context: its observed, causally chained executor, fresh loaders and reads. */
export function createContext(executor: Executor, auth: Authentication, initialBookmarks: string[] = []): Context {
  const queries: QueryEvent[] = [];
  const bookmarks = auth.viewer ? bookmarkManager({ initialBookmarks }) : null;
  const causal = bookmarks ? executor.withBookmarks(bookmarks) : executor;
  const requestExecutor = causal.withObserver((event) => queries.push(event));
  return {
    executor: requestExecutor,
    loaders: createLoaders(requestExecutor),
    reads: createReads(requestExecutor),
    auth,
    queries,
    bookmarks,
  };
}
