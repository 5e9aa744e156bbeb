import { randomUUID } from 'node:crypto';

import { cypher, type Executor } from '../../db/executor';
import type { WriteResult } from '../common/repository';
import { mapReview, type ReviewData } from './review.mapper';

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

export class ReviewWriter {
  constructor(private readonly executor: Executor) {}

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
      const [created] = await tx.run(CREATE_REVIEW, {
        claimKey,
        evidenceKeys,
        review: { ...review, key: `review-${randomUUID()}` },
      });
      return { ok: true, value: mapReview(created?.get('node').properties) };
    });
  }
}
