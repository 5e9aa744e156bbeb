import type { Executor } from '../db/executor';
import type { Page, PageRequest } from './common/pagination';
import { HistoryRepository, type VersionedLabel } from './history/history.repository';
import { MetricRepository } from './metric/metric.repository';
import { OrganizationRepository } from './organization/organization.repository';
import { PersonRepository } from './person/person.repository';
import { ReviewRepository } from './review/review.repository';
import { SearchRepository } from './search/search.repository';
import { SourceRepository } from './source/source.repository';
import { TargetRepository } from './target/target.repository';
import { TopicRepository } from './topic/topic.repository';

interface ListRepository<T> {
  page(request: PageRequest): Promise<Page<T>>;
  count(): Promise<number>;
}

/** A top-level list: one page, and its total (run only when a client asks for `totalCount`). */
const listOf = <T>(repository: ListRepository<T>) => ({
  page: (request: PageRequest) => repository.page(request),
  count: () => repository.count(),
});

/**
 * The reads a request makes once, not per parent: a search, the top-level lists and their counts.
 * Each call runs one statement. Every read that a level of a query makes for many parents goes
 * through the batching `context.loaders` instead; resolvers use those two doors and nothing else.
 */
export function createReads(executor: Executor) {
  const search = new SearchRepository(executor);
  const topics = new TopicRepository(executor);
  const reviews = new ReviewRepository(executor);
  const history = new HistoryRepository(executor);
  return {
    /** What a claim or figure stored at a moment (claim(id, asOf), figure(id, asOf)). */
    asOf: (label: VersionedLabel, key: string, at: string) => history.asOf(label, key, at),
    search: (text: string, limit: number) => search.search(text, limit),
    metrics: listOf(new MetricRepository(executor)),
    organizations: listOf(new OrganizationRepository(executor)),
    people: listOf(new PersonRepository(executor)),
    sources: listOf(new SourceRepository(executor)),
    targets: listOf(new TargetRepository(executor)),
    /** The newest reviews of any claim, at most `limit`. */
    latestReviews: (limit: number) => reviews.latest(limit),
    /** Topics form a small controlled vocabulary: listed whole, not paged. */
    allTopics: () => topics.all(),
  };
}
