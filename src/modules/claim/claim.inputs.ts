import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { Attribution, ClaimKind } from '../common/enums';

@InputType({ description: 'A range of dates; either end may be left open.' })
export class DateRangeInput {
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day included.' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day included.' })
  to?: string | null;
}

@InputType({ description: 'Which claims to list. Every field narrows the list; all are optional.' })
export class ClaimFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Claims attributed to this Person, Organization or VirtualPresenter.',
  })
  speaker?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims made in this Source.' })
  source?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this Topic.' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this Metric, directly or through a cited figure.' })
  metric?: string | null;

  @Field(() => [ClaimKind], { nullable: true, description: 'Claims of any of these kinds.' })
  kinds?: ClaimKind[] | null;

  @Field(() => [Attribution], { nullable: true, description: 'Claims with any of these attributions.' })
  attributions?: Attribution[] | null;

  @Field(() => DateRangeInput, {
    nullable: true,
    description: 'Claims citing a figure whose period overlaps this range.',
  })
  period?: DateRangeInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'Claims whose text or quote contains these words (case-insensitive).',
  })
  text?: string | null;
}
