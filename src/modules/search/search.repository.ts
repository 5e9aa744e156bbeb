import { int, type Node as Neo4jNode } from 'neo4j-driver';

import { cypher, type Executor } from '../../db/executor';
import { mapEntity, type EntityData } from '../entities';

/**
 * Both full-text indexes (claims by text and quote; entities by name and description),
 * merged by Lucene relevance score.
 */
export const SEARCH = cypher(
  'search.fulltext',
  `CALL () {
    CALL db.index.fulltext.queryNodes('claim_search', $query, {limit: $limit}) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
    RETURN node, score
  }
  RETURN node, score ORDER BY score DESC, node.id LIMIT $limit`,
);

export interface SearchHit {
  score: number;
  node: EntityData;
}

/**
 * Lucene query syntax would let a search for "C++ (2023)" fail to parse, or turn words into
 * operators; every syntax character is escaped so user text is matched as plain words.
 */
export function toLuceneQuery(text: string): string {
  const escaped = text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (character) => `\\${character}`);
  return escaped.replace(/\b(AND|OR|NOT|TO)\b/g, (word) => word.toLowerCase());
}

export class SearchRepository {
  constructor(private readonly executor: Executor) {}

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const records = await this.executor.read(SEARCH, { query: toLuceneQuery(text), limit: int(limit) });
    return records.map((record) => ({
      score: record.get('score') as number,
      node: mapEntity(record.get('node') as Neo4jNode),
    }));
  }
}
