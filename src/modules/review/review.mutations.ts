import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { reviewRating } from '../../domain/review';
import { BadUserInputError } from '../../errors';
import { idOf } from '../common/global-id';
import { checked, checkHttpUrl, cleanText, idList } from '../common/input-validation';
import { missingReference } from '../common/lookup';
import { ReviewClaimInput } from './review.inputs';
import type { ReviewData } from './review.mapper';
import { Review } from './review.type';
import { ReviewWriter } from './review.writes';

@Resolver()
export class ReviewMutationResolver {
  @Mutation(() => Review, {
    description: 'Publishes a verdict on a claim (reviewer role). One transaction: nothing is written on any error.',
  })
  async reviewClaim(
    @Arg('input', () => ReviewClaimInput) input: ReviewClaimInput,
    @Ctx() context: Context,
  ): Promise<ReviewData> {
    const viewer = requireRole(context.auth, 'reviewer');
    const label = input.ratingLabel == null ? undefined : cleanText(input.ratingLabel, 'input.ratingLabel', 100);
    const rating = checked(reviewRating(input.rating, label), 'input');
    if ((input.evidence ?? []).length > 50) {
      throw new BadUserInputError('"input.evidence" may list at most 50 items', 'input.evidence');
    }
    const result = await new ReviewWriter(context.executor).create({
      claimKey: idOf(input.claim, ['Claim'], 'input.claim'),
      ...rating,
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
