import { Arg, Ctx, createUnionType, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { BadUserInputError } from '../../errors';
import type { PrefetchedClaim } from '../claim/lineage.repository';
import { Claim } from '../claim/claim.type';
import { idOf } from '../common/global-id';
import { missingReference } from '../common/lookup';
import { checkHttpUrl, cleanText, idList } from '../common/input-validation';
import { Figure } from '../figure/figure.type';
import { Source } from '../source/source.type';
import { RATING_LABELS, toClaimReview } from './claim-review';
import { ReviewClaimInput } from './review.inputs';
import type { ReviewData } from './review.mapper';
import { ReviewRepository } from './review.repository';
import { Review } from './review.type';

export const ReviewEvidence = createUnionType({
  name: 'ReviewEvidence',
  description: 'What a review rests on: a claim, a figure or a source.',
  types: () => [Claim, Figure, Source] as const,
  resolveType: (value: { label: string }) => value.label,
});

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Claim, { nullable: true, description: 'The claim reviewed.' })
  claim(@Root() review: ReviewData, @Ctx() context: Context) {
    return context.loaders.reviews.claim.load(review.key);
  }

  @FieldResolver(() => [ReviewEvidence], { description: 'Claims, figures and sources the verdict rests on.' })
  evidence(@Root() review: ReviewData, @Ctx() context: Context) {
    return context.loaders.reviews.evidence.load(review.key);
  }

  @Mutation(() => Review, {
    description: 'Publishes a verdict on a claim (reviewer role). One transaction: nothing is written on any error.',
  })
  async reviewClaim(
    @Arg('input', () => ReviewClaimInput) input: ReviewClaimInput,
    @Ctx() context: Context,
  ): Promise<ReviewData> {
    const viewer = requireRole(context.auth, 'reviewer');
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      throw new BadUserInputError('"input.rating" must be an integer from 1 to 5', 'input.rating');
    }
    const evidence = input.evidence ?? [];
    if (evidence.length > 50)
      throw new BadUserInputError('"input.evidence" may list at most 50 items', 'input.evidence');
    const result = await new ReviewRepository(context.executor).create({
      claimKey: idOf(input.claim, ['Claim'], 'input.claim'),
      rating: input.rating,
      ratingLabel:
        input.ratingLabel == null
          ? (RATING_LABELS[input.rating - 1] as string)
          : cleanText(input.ratingLabel, 'input.ratingLabel', 100),
      explanation: cleanText(input.explanation, 'input.explanation', 10_000),
      reviewer: viewer.name,
      url: input.url == null ? null : checkHttpUrl(input.url, 'input.url'),
      evidenceKeys: idList(input.evidence, 'input.evidence', 50, (id, field) =>
        idOf(id, ['Claim', 'Figure', 'Source'], field),
      ),
    });
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
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
    const [reviews, speaker, role, source, publisher] = fetched
      ? [fetched.reviews, fetched.speaker, fetched.role, fetched.source, fetched.publisher]
      : await Promise.all([
          loaders.reviews.ofClaim.load(claim.key),
          loaders.claims.speaker.load(claim.key),
          loaders.claims.role.load(claim.key),
          loaders.sources.byKey.load(claim.sourceKey),
          loaders.sources.publisher.load(claim.sourceKey),
        ]);
    return reviews.map((review) => toClaimReview({ review, claim, speaker, role, source, publisher }));
  }
}
