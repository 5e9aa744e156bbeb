import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

import { Attribution, ClaimKind, Qualifier } from '../common/enums';

@InputType({ description: 'A correction of a claim: the values to change, based on the version read.' })
export class CorrectClaimInput {
  @Field(() => ID, { description: 'The claim to correct.' })
  claim!: string;

  @Field(() => Int, {
    description: 'The version the correction is based on; CONFLICT (naming the current one) if it is not current.',
  })
  expectedVersion!: number;

  @Field({ description: 'Why the claim is corrected; required.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The corrected statement.' })
  text?: string | null;

  @Field(() => ClaimKind, { nullable: true, description: 'The corrected kind.' })
  kind?: ClaimKind | null;

  @Field(() => Attribution, { nullable: true, description: 'The corrected attribution.' })
  attribution?: Attribution | null;
}

@InputType({ description: 'A correction of a figure: the values to change, based on the version read.' })
export class CorrectFigureInput {
  @Field(() => ID, { description: 'The figure to correct.' })
  figure!: string;

  @Field(() => Int, {
    description: 'The version the correction is based on; CONFLICT (naming the current one) if it is not current.',
  })
  expectedVersion!: number;

  @Field({ description: 'Why the figure is corrected; required.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The corrected value as written, e.g. "2.4".' })
  value?: string | null;

  @Field(() => Qualifier, { nullable: true, description: 'The corrected qualifier.' })
  qualifier?: Qualifier | null;

  @Field(() => String, {
    nullable: true,
    description: "The corrected period expression, resolved against the source's publication date.",
  })
  period?: string | null;
}

@InputType({ description: 'A claim withdrawn by its speaker (or shown not to have been made).' })
export class RetractClaimInput {
  @Field(() => ID, { description: 'The claim to mark retracted.' })
  claim!: string;

  @Field({ description: 'Why it is retracted; required.' })
  reason!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the retraction; today if not given.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the retraction is documented (an http(s) URL).' })
  evidence?: string | null;
}

@InputType({ description: 'A source retracted by its publisher.' })
export class RetractSourceInput {
  @Field(() => ID, { description: 'The source to mark retracted.' })
  source!: string;

  @Field({ description: 'Why it is retracted; required.' })
  reason!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the retraction; today if not given.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the retraction is documented (an http(s) URL).' })
  evidence?: string | null;
}
