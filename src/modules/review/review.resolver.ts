import { Arg, Ctx, createUnionType, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';

import { BadUserInputError } from '../../errors';
import type { Context } from '../context';
import type { PrefetchedClaim } from '../claim/lineage.repository';
import { Claim } from '../claim/claim.type';
import { Figure } from '../figure/figure.type';
import { Source } from '../source/source.type';
import { toClaimReview } from './claim-review';
import type { ReviewData } from './review.mapper';
import { Review } from './review.type';

export const ReviewEvidence = createUnionType({
  name: 'ReviewEvidence',
  description: 'What a review rests on: a claim, a figure or a source.',
  types: () => [Claim, Figure, Source] as const,
  resolveType: (value: { label: string }) => value.label,
});

/** The most reviews `latestReviews` returns in one answer. */
export const MAX_LATEST_REVIEWS = 50;

@Resolver(() => Review)
export class ReviewResolver {
  @Query(() => [Review], { description: 'The newest reviews of any claim, newest first (by publication date).' })
  latestReviews(
    @Arg('first', () => Int, { defaultValue: 10, description: `How many reviews (0 to ${MAX_LATEST_REVIEWS}).` })
    first: number,
    @Ctx() context: Context,
  ) {
    if (!Number.isInteger(first) || first < 0 || first > MAX_LATEST_REVIEWS) {
      throw new BadUserInputError(`first must be between 0 and ${MAX_LATEST_REVIEWS}`, 'first');
    }
    return context.reads.latestReviews(first);
  }

  @FieldResolver(() => Claim, { nullable: true, description: 'The claim reviewed.' })
  claim(@Root() review: ReviewData, @Ctx() context: Context) {
    return context.loaders.reviews.claim.load(review.key);
  }

  @FieldResolver(() => [ReviewEvidence], { description: 'Claims, figures and sources the verdict rests on.' })
  evidence(@Root() review: ReviewData, @Ctx() context: Context) {
    return context.loaders.reviews.evidence.load(review.key);
  }
}

@Resolver(() => Claim)
export class ClaimReviewResolver {
  @FieldResolver(() => [Review], { description: 'Reviews (verdicts) of the claim, newest first.' })
  reviews(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.reviews : context.loaders.reviews.ofClaim.load(claim.key);
  }

  @FieldResolver(() => [JSONObjectResolver], {
    description: "The claim's reviews as schema.org ClaimReview JSON-LD objects, ready to embed in a page.",
  })
  async claimReview(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    const { loaders } = context;
    const fetched = claim.prefetched;
    if (fetched) {
      const { reviews, speaker, role, source, publisher } = fetched;
      return reviews.map((review) => toClaimReview({ review, claim, speaker, role, source, publisher }));
    }
    const [reviews, speaker, role, source] = await Promise.all([
      loaders.reviews.ofClaim.load(claim.key),
      loaders.claims.speaker.load(claim.key),
      loaders.claims.role.load(claim.key),
      loaders.claims.source.load(claim.key),
    ]);
    const publisher = source ? await loaders.sources.publisher.load(source.key) : null;
    return reviews.map((review: ReviewData) =>
      toClaimReview({ review, claim, speaker, role, source: source ?? undefined, publisher }),
    );
  }
}
