import { cypher, type Executor } from '../../db/executor';
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

export class ReviewRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(ReviewData | undefined)[]> {
    return nodesByKeys(this.executor, REVIEWS_BY_KEYS, keys, mapReview);
  }

  reviewsOf(keys: readonly string[]): Promise<ReviewData[][]> {
    return relatedByKeys(this.executor, REVIEWS_OF_CLAIMS, keys, mapReview);
  }

  evidenceOf(keys: readonly string[]): Promise<EntityData[][]> {
    return relatedEntitiesByKeys(this.executor, REVIEW_EVIDENCE, keys);
  }

  async claimsOf(keys: readonly string[]): Promise<(ClaimData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, REVIEWED_CLAIMS, keys, mapClaim));
  }
}
