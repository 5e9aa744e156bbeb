import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { TopicRepository } from './topic.repository';

export function createTopicLoaders(executor: Executor) {
  const topics = new TopicRepository(executor);
  return {
    byKey: loader((keys) => topics.byKeys(keys)),
    broader: loader((keys) => topics.broaderOf(keys)),
    narrower: loader((keys) => topics.narrowerOf(keys)),
    includes: loader((keys) => topics.includedIn(keys)),
  };
}
