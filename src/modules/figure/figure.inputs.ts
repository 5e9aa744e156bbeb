import { Field, ID, InputType } from 'type-graphql';

import { DateRangeInput } from '../claim/claim.inputs';

@InputType({ description: 'Which figures to list. Every field narrows the list; all are optional.' })
export class FigureFilterInput {
  @Field(() => ID, { nullable: true, description: 'Figures of this Metric.' })
  metric?: string | null;

  @Field(() => ID, { nullable: true, description: 'Figures for this Place.' })
  place?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Figures whose period overlaps this range.' })
  period?: DateRangeInput | null;
}
