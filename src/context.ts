import { bookmarkManager, type BookmarkManager } from 'neo4j-driver';

import type { Executor, QueryEvent } from './db/executor';
import { createClaimLoaders } from './modules/claim/claim.loaders';
import { createFigureLoaders } from './modules/figure/figure.loaders';
import { createMetricLoaders } from './modules/metric/metric.loaders';
import { createOrganizationLoaders } from './modules/organization/organization.loaders';
import { createPersonLoaders } from './modules/person/person.loaders';
import { createPlaceLoaders } from './modules/place/place.loaders';
import { createReviewLoaders } from './modules/review/review.loaders';
import { createSourceLoaders } from './modules/source/source.loaders';
import { createSpeakerLoaders } from './modules/speaker/speaker.loaders';
import { createTargetLoaders } from './modules/target/target.loaders';
import { createTopicLoaders } from './modules/topic/topic.loaders';
import type { Authentication } from './auth';

/** Every DataLoader of one request. Built per request so batches and caches never outlive it. */
export function createLoaders(executor: Executor) {
  return {
    claims: createClaimLoaders(executor),
    figures: createFigureLoaders(executor),
    metrics: createMetricLoaders(executor),
    organizations: createOrganizationLoaders(executor),
    people: createPersonLoaders(executor),
    places: createPlaceLoaders(executor),
    reviews: createReviewLoaders(executor),
    sources: createSourceLoaders(executor),
    speakers: createSpeakerLoaders(executor),
    targets: createTargetLoaders(executor),
    topics: createTopicLoaders(executor),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  /** This request's executor: it reports every statement to `queries`. */
  executor: Executor;
  loaders: Loaders;
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

export function createContext(executor: Executor, auth: Authentication, initialBookmarks: string[] = []): Context {
  const queries: QueryEvent[] = [];
  const bookmarks = auth.viewer ? bookmarkManager({ initialBookmarks }) : null;
  const causal = bookmarks ? executor.withBookmarks(bookmarks) : executor;
  const requestExecutor = causal.withObserver((event) => queries.push(event));
  return { executor: requestExecutor, loaders: createLoaders(requestExecutor), auth, queries, bookmarks };
}
