import type { BookmarkManager } from 'neo4j-driver';

import type { Authentication } from '../auth';
import type { Executor, QueryEvent } from '../db/executor';
import type { createLoaders } from './loaders';
import type { createReads } from './reads';

/** Every DataLoader of one request (src/modules/loaders.ts). */
export type Loaders = ReturnType<typeof createLoaders>;

/** The unbatched reads of one request: a search, the top-level lists (src/modules/reads.ts). */
export type Reads = ReturnType<typeof createReads>;

/**
 * What every resolver receives. Only types live here, so a module reads its context without the
 * wiring that builds it (src/context.ts).
 */
export interface Context {
  /** This request's executor: it reports every statement to `queries`. */
  executor: Executor;
  /** Reads made for many parents at once, batched and cached for this request. */
  loaders: Loaders;
  reads: Reads;
  /** Who sent the request: reads are open, writes check it with requireRole. */
  auth: Authentication;
  /** Statements run for this request, in order: for the query-count extension, logs and tests. */
  queries: QueryEvent[];
  /**
   * Chains the request's transactions causally, starting from the bookmarks the client sent
   * (src/bookmarks.ts). Only for clients with a token: anonymous requests cannot write, so they have
   * no write of their own to wait for, and they get no bookmarks back.
   */
  bookmarks: BookmarkManager | null;
}
