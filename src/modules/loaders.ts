import type { Executor } from '../db/executor';
import { createClaimLoaders } from './claim/claim.loaders';
import { createFigureLoaders } from './figure/figure.loaders';
import { createHistoryLoaders } from './history/history.loaders';
import { createMetricLoaders } from './metric/metric.loaders';
import { createOrganizationLoaders } from './organization/organization.loaders';
import { createPersonLoaders } from './person/person.loaders';
import { createPlaceLoaders } from './place/place.loaders';
import { createReviewLoaders } from './review/review.loaders';
import { createSourceLoaders } from './source/source.loaders';
import { createSpeakerLoaders } from './speaker/speaker.loaders';
import { createTargetLoaders } from './target/target.loaders';
import { createTopicLoaders } from './topic/topic.loaders';

/** Every DataLoader of one request. Built per request so batches and caches never outlive it. */
export function createLoaders(executor: Executor) {
  return {
    claims: createClaimLoaders(executor),
    figures: createFigureLoaders(executor),
    history: createHistoryLoaders(executor),
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
