import { randomUUID } from 'node:crypto';

import { cypher, type Executor } from '../../db/executor';
import { appendEvent } from '../../events/outbox';
import { firstOf, nodesByKeys, relatedByKeys, relatedEntitiesByKeys } from '../common/repository';
import { mapClaim, type ClaimData } from '../claim/claim.mapper';
import type { EntityData } from '../entities';
import type { WriteResult } from '../common/repository';
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

/** Which of the referenced nodes exist: a review is refused before anything is written if one is missing. */
export const FIND_REVIEW_REFERENCES = cypher(
  'review.findReferences',
  `OPTIONAL MATCH (claim:Claim {id: $claimKey})
  CALL () {
    UNWIND $evidenceKeys AS key
    OPTIONAL MATCH (item:Claim|Figure|Source {id: key})
    RETURN collect(CASE WHEN item IS NULL THEN key END) AS missingEvidence
  }
  RETURN claim IS NOT NULL AS claimExists, missingEvidence`,
);

export const CREATE_REVIEW = cypher(
  'review.create',
  `MATCH (claim:Claim {id: $claimKey})
  CREATE (review:Review {id: $review.key, name: $review.ratingLabel + ' (' + $review.reviewer + ')',
                         rating: $review.rating, ratingLabel: $review.ratingLabel, explanation: $review.explanation,
                         reviewer: $review.reviewer, url: $review.url, datePublished: date(), createdAt: datetime()})
  CREATE (review)-[:REVIEWS]->(claim)
  WITH review
  CALL (review) {
    UNWIND $evidenceKeys AS key
    MATCH (item:Claim|Figure|Source {id: key})
    CREATE (review)-[:CITES_EVIDENCE]->(item)
  }
  RETURN review AS node`,
);

export interface NewReview {
  claimKey: string;
  rating: number;
  ratingLabel: string;
  explanation: string;
  reviewer: string;
  url: string | null;
  evidenceKeys: string[];
}

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

  /**
   * One transaction: checks every reference and writes nothing if one is missing (reporting
   * which), else writes the review and its evidence links.
   */
  create(input: NewReview): Promise<WriteResult<ReviewData>> {
    const { claimKey, evidenceKeys, ...review } = input;
    return this.executor.writeTransaction(async (tx) => {
      const [check] = await tx.run(FIND_REVIEW_REFERENCES, { claimKey, evidenceKeys });
      if (!check?.get('claimExists')) return { ok: false, missing: { what: 'Claim', key: claimKey } };
      const missingEvidence = check.get('missingEvidence') as string[];
      if (missingEvidence[0] !== undefined)
        return { ok: false, missing: { what: 'Evidence', key: missingEvidence[0] } };
      const key = `review-${randomUUID()}`;
      const [created] = await tx.run(CREATE_REVIEW, { claimKey, evidenceKeys, review: { ...review, key } });
      await appendEvent(tx, { kind: 'REVIEW_ADDED', claimKey, subjectKey: key });
      return { ok: true, value: mapReview(created?.get('node').properties) };
    });
  }
}
