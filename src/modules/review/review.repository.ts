import { int, type Node as Neo4jNode } from 'neo4j-driver';

import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import { firstOf, nodesByKeys, relatedByKeys, relatedEntitiesByKeys } from '../common/repository';
import { mapClaim, type ClaimData } from '../claim/claim.mapper';
import type { EntityData } from '../entities';
import { mapReview, type ReviewData } from './review.mapper';

export const REVIEWS_BY_KEYS = cypher(
  'review.byKeys',
  'UNWIND $keys AS key MATCH (node:Review {id: key}) RETURN key, node',
);

export const REVIEWS_OF_CLAIMS = cypher(
  'review.ofClaims',
  `UNWIND $keys AS key MATCH (:Claim {id: key})<-[:REVIEWS]-(node:Review)
  RETURN key, node ORDER BY key, node.createdAt DESC, node.id`,
);

export const REVIEW_EVIDENCE = cypher(
  'review.evidence',
  'UNWIND $keys AS key MATCH (:Review {id: key})-[:CITES_EVIDENCE]->(node) RETURN key, node ORDER BY key, node.id',
);

export const REVIEWED_CLAIMS = cypher(
  'review.claim',
  'UNWIND $keys AS key MATCH (:Review {id: key})-[:REVIEWS]->(node:Claim) RETURN key, node',
);

/** The newest reviews in the whole graph: by publication date, then by when they were recorded. */
export const LATEST_REVIEWS = cypher(
  'review.latest',
  `MATCH (node:Review)
  RETURN node ORDER BY node.datePublished DESC, node.createdAt DESC, node.id LIMIT $limit`,
);

export class ReviewRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(ReviewData | undefined)[]> {
    return nodesByKeys(this.executor, REVIEWS_BY_KEYS, keys, mapReview);
  }

  reviewsOf(keys: readonly string[]): Promise<ReviewData[][]> {
    return relatedByKeys(this.executor, REVIEWS_OF_CLAIMS, keys, mapReview);
  }

  async latest(limit: number): Promise<ReviewData[]> {
    const records = await this.executor.read(LATEST_REVIEWS, { limit: int(limit) });
    return records.map((record) => mapReview((record.get('node') as Neo4jNode).properties as Properties));
  }

  evidenceOf(keys: readonly string[]): Promise<EntityData[][]> {
    return relatedEntitiesByKeys(this.executor, REVIEW_EVIDENCE, keys);
  }

  async claimsOf(keys: readonly string[]): Promise<(ClaimData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, REVIEWED_CLAIMS, keys, mapClaim));
  }
}
