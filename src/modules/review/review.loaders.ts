import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { ReviewRepository } from './review.repository';

export function createReviewLoaders(executor: Executor) {
  const reviews = new ReviewRepository(executor);
  return {
    byKey: loader((keys) => reviews.byKeys(keys)),
    ofClaim: loader((keys) => reviews.reviewsOf(keys)),
    evidence: loader((keys) => reviews.evidenceOf(keys)),
    claim: loader((keys) => reviews.claimsOf(keys)),
  };
}
