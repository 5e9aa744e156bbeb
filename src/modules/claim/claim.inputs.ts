import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { Attribution, ClaimKind, Stance } from '../common/enums';

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

  @Field(() => ID, { nullable: true, description: 'Claims citing this Figure.' })
  figure?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims stating this Target or a projection of it.' })
  target?: string | null;

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

  @Field(() => ID, {
    nullable: true,
    description:
      'Claims resting on data of this Organization or dataset/report Source: the claim or a figure it cites (or an ' +
      'input of a derived figure it cites) was PRODUCED_BY it, or by a source it publishes. "Which of our claims rest ' +
      'on data of this organisation?"',
  })
  basedOnDataOf?: string | null;
}

@InputType({ description: 'A new claim in an existing source, anchored by its exact quote.' })
export class AddClaimInput {
  @Field(() => ID, { description: 'The Source the claim is made in.' })
  source!: string;

  @Field({ description: 'The claim as a normalized, self-contained statement.' })
  text!: string;

  @Field(() => ClaimKind, { description: 'What sort of statement it is.' })
  kind!: ClaimKind;

  @Field(() => Attribution, { description: "Direct quote, paraphrase, or the outlet's narration." })
  attribution!: Attribution;

  @Field(() => ID, { description: 'Who made the claim: a Person, Organization or VirtualPresenter.' })
  speaker!: string;

  @Field(() => ID, { nullable: true, description: 'The Role the speaker held, if the source presents one.' })
  role?: string | null;

  @Field({ description: 'The exact words of the source that make the claim; offsets are computed from it.' })
  quote!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Which occurrence of the quote is meant (1 = first), if it occurs more than once.',
  })
  occurrence?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Figures the claim cites.' })
  figures?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Topics the claim is about.' })
  topics?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Metrics the claim is about.' })
  metrics?: string[] | null;
}

@InputType({ description: 'Evidence that supports or contradicts a claim.' })
export class LinkEvidenceInput {
  @Field(() => ID, { description: 'The claim the evidence bears on.' })
  claim!: string;

  @Field(() => ID, { description: 'The evidence: another Claim or a Figure.' })
  evidence!: string;

  @Field(() => Stance, { description: 'SUPPORTS or CONTRADICTS.' })
  stance!: Stance;

  @Field(() => String, { nullable: true, description: 'Why the evidence bears on the claim.' })
  note?: string | null;
}
