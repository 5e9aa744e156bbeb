import { cypher, type Executor } from '../../db/executor';
import { firstOf, nodesByKeys, relatedByKeys } from '../common/repository';
import { mapTopic, type TopicData } from './topic.mapper';

export const TOPICS_BY_KEYS = cypher(
  'topic.byKeys',
  'UNWIND $keys AS key MATCH (node:Topic {id: key}) RETURN key, node',
);

export const BROADER_TOPICS = cypher(
  'topic.broader',
  'UNWIND $keys AS key MATCH (:Topic {id: key})-[:SUBTOPIC_OF]->(node:Topic) RETURN key, node',
);

export const NARROWER_TOPICS = cypher(
  'topic.narrower',
  'UNWIND $keys AS key MATCH (:Topic {id: key})<-[:SUBTOPIC_OF]-(node:Topic) RETURN key, node ORDER BY node.name',
);

export const INCLUDED_TOPICS = cypher(
  'topic.includes',
  'UNWIND $keys AS key MATCH (:Topic {id: key})-[:INCLUDES]->(node:Topic) RETURN key, node ORDER BY node.name',
);

export const ALL_TOPICS = cypher('topic.all', 'MATCH (node:Topic) RETURN node ORDER BY node.name, node.id');

export class TopicRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(TopicData | undefined)[]> {
    return nodesByKeys(this.executor, TOPICS_BY_KEYS, keys, mapTopic);
  }

  async broaderOf(keys: readonly string[]): Promise<(TopicData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, BROADER_TOPICS, keys, mapTopic));
  }

  narrowerOf(keys: readonly string[]): Promise<TopicData[][]> {
    return relatedByKeys(this.executor, NARROWER_TOPICS, keys, mapTopic);
  }

  includedIn(keys: readonly string[]): Promise<TopicData[][]> {
    return relatedByKeys(this.executor, INCLUDED_TOPICS, keys, mapTopic);
  }

  /** Topics form a small controlled vocabulary, so they are listed whole rather than paged. */
  async all(): Promise<TopicData[]> {
    const records = await this.executor.read(ALL_TOPICS);
    return records.map((record) => mapTopic(record.get('node').properties));
  }
}
