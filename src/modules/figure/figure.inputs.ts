import { Field, ID, InputType, Int } from 'type-graphql';

import { DateRangeInput } from '../claim/claim.inputs';
import { Qualifier } from '../common/enums';
import { ChangeType, DerivationOperation, FigureKind } from './figure.enums';

@InputType({ description: 'Which figures to list. Every field narrows the list; all are optional.' })
export class FigureFilterInput {
  @Field(() => ID, { nullable: true, description: 'Figures of this Metric.' })
  metric?: string | null;

  @Field(() => ID, { nullable: true, description: 'Figures for this Place.' })
  place?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Figures whose period overlaps this range.' })
  period?: DateRangeInput | null;
}

@InputType({ description: 'A range a figure states instead of a value; leave an end out for an open one.' })
export class FigureRangeInput {
  @Field(() => String, { nullable: true, description: 'The low end as written, e.g. "30000"; none: open.' })
  low?: string | null;

  @Field(() => String, { nullable: true, description: 'The high end as written, e.g. "1000000"; none: open.' })
  high?: string | null;
}

@InputType({ description: 'A change of a level ("+9.3 percentage points from the previous year").' })
export class FigureChangeInput {
  @Field(() => ChangeType, { description: 'ABSOLUTE, PERCENT or PERCENTAGE_POINTS (of a percent metric).' })
  type!: ChangeType;

  @Field(() => String, {
    nullable: true,
    description:
      'The period the change is measured from, e.g. "the previous year" (counted from the figure\'s period). Required.',
  })
  basePeriod?: string | null;

  @Field(() => ID, { nullable: true, description: 'The level Figure it changes, when the text gives it.' })
  of?: string | null;
}

@InputType({ description: 'How a derived figure is computed; its stated value is recomputed and checked.' })
export class FigureDerivationInput {
  @Field(() => DerivationOperation, { description: 'The operation (RATIO: first input / second input).' })
  operation!: DerivationOperation;

  @Field(() => [ID], { description: 'The input Figures, in order; each states a single value.' })
  inputs!: string[];
}

@InputType({
  description:
    'A new figure of a metric in an existing source: quoted (the quote is located in the stored text, or checked ' +
    'against the offsets given) or, in a dataset or report, located by a locator. Checked by the rules ingestion ' +
    'applies to annotation files.',
})
export class AddFigureInput {
  @Field(() => ID, { description: 'The Source the figure is read from.' })
  source!: string;

  @Field(() => ID, { description: 'The Metric it is a figure of.' })
  metric!: string;

  @Field(() => FigureKind, { nullable: true, description: 'OBSERVATION when left out.' })
  kind?: FigureKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value as written, a decimal such as "2.37" or "12870000"; none for a range or a rank.',
  })
  value?: string | null;

  @Field(() => FigureRangeInput, { nullable: true, description: 'A range instead of a value.' })
  range?: FigureRangeInput | null;

  @Field(() => Int, { nullable: true, description: 'An ordinal ranking: 10 for "the 10th".' })
  rank?: number | null;

  @Field(() => String, { nullable: true, description: 'What the rank counts, e.g. "consecutive years leading".' })
  rankOf?: string | null;

  @Field({ description: 'The unit: the metric\'s, or that of the change ("percent", "percentage points").' })
  unit!: string;

  @Field(() => Qualifier, { nullable: true, description: 'EXACT when left out; e.g. EXCEEDING for "exceeding 31".' })
  qualifier?: Qualifier | null;

  @Field({
    description:
      'When it applies, resolved against the publication date: "2024", "the previous year", "H1 2024", "Q3", ' +
      '"January-October 2024"...',
  })
  period!: string;

  @Field(() => String, { nullable: true, description: 'The words of the source the period was read from.' })
  periodWords?: string | null;

  @Field(() => ID, { nullable: true, description: 'The Place the figure is for.' })
  place?: string | null;

  @Field(() => FigureChangeInput, { nullable: true, description: 'When the figure is a change of a level.' })
  change?: FigureChangeInput | null;

  @Field(() => FigureDerivationInput, { nullable: true, description: 'For a DERIVED figure: operation and inputs.' })
  derived?: FigureDerivationInput | null;

  @Field(() => String, { nullable: true, description: 'The exact words of the source the figure is read from.' })
  quote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Which occurrence of the quote (1 = first), if it recurs.' })
  occurrence?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Where the quote starts, in code points; with quoteEnd, checked against the text instead of searched.',
  })
  quoteStart?: number | null;

  @Field(() => Int, { nullable: true, description: 'Where the quote ends (exclusive), in code points.' })
  quoteEnd?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where in a dataset or report the figure is ("table 2, row \'NEV sales\'"), instead of a quote.',
  })
  locator?: string | null;
}
