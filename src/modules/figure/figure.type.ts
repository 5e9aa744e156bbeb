import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { TextQuote } from '../claim/claim.type';
import { Qualifier } from '../common/enums';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import { ChangeType, DerivationOperation, FigureKind } from './figure.enums';
import type { BasePeriodData, FigureData } from './figure.mapper';

@ObjectType({ description: 'When a figure applies: a year, a day, or an instant such as "end of 2023".' })
export class Period {
  @Field({ description: 'Human label of the resolved period, e.g. "2023" or "end of 2023".' })
  label!: string;

  @Field(() => LocalDateResolver, { description: 'First day covered.' })
  start!: string;

  @Field(() => LocalDateResolver, { description: 'Last day covered (equal to start for an instant).' })
  end!: string;

  @Field({ description: 'The period as the annotator wrote it, e.g. "end of last year".' })
  expression!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The words of the source it was read from, e.g. "By the end of last year".',
  })
  words!: string | null;

  @Field({ description: "True when the period was resolved against the source's publication date." })
  relative!: boolean;
}

@ObjectType({ description: 'A range of values; either end may be open (null).' })
export class FigureRange {
  @Field(() => Float, { nullable: true, description: 'Lowest value, in `unit`; null for an open end.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest value, in `unit`; null for an open end.' })
  high!: number | null;

  @Field(() => String, { nullable: true, description: 'The low end exactly as written.' })
  lowDecimal!: string | null;

  @Field(() => String, { nullable: true, description: 'The high end exactly as written.' })
  highDecimal!: string | null;
}

@ObjectType({ description: 'The period a change is measured from, e.g. "the previous year" → 2023.' })
export class BasePeriod {
  @Field({ description: 'Human label of the resolved period.' })
  label!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day covered.' })
  start!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day covered.' })
  end!: string | null;

  @Field(() => String, { nullable: true, description: 'The base period as the annotator wrote it.' })
  expression!: string | null;
}

@ObjectType({ description: 'How a change figure changes a level: by how much, measured from which period.' })
export class FigureChange {
  @Field(() => ChangeType, { description: 'ABSOLUTE, PERCENT or PERCENTAGE_POINTS.' })
  type!: ChangeType;

  @Field(() => BasePeriod, { nullable: true, description: 'The period the change is measured from.' })
  basePeriod!: BasePeriodData | null;

  /** The change figure itself, for `of`. */
  figureKey!: string;
}

@ObjectType({ description: 'How a derived figure is computed: an operation over input figures, in order.' })
export class Derivation {
  @Field(() => DerivationOperation, { description: 'The operation (RATIO is first input / second input).' })
  operation!: DerivationOperation;

  /** The derived figure itself, for `inputs`. */
  figureKey!: string;
}

@ObjectType({
  implements: Node,
  description:
    'One figure of a metric as reporting uses it: a value, a range or a ranking, possibly a change of another ' +
    'figure or derived from others, with unit, period, place, qualifier and where it came from.',
})
export class Figure extends Node {
  @Field({ description: 'Readable summary, e.g. "> 31 percent (2023)".' })
  name!: string;

  @Field(() => Float, { nullable: true, description: 'The number, in `unit`; null for a range or a ranking.' })
  value!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value exactly as written, as a decimal string ("2.4", "12870000"): exact arithmetic uses it.',
  })
  decimal!: string | null;

  @Field(() => FigureKind, { description: 'Observation (the default), forecast, estimate or derived.' })
  kind!: FigureKind;

  @Field(() => Int, { nullable: true, description: 'For a ranking: the rank, e.g. 10 for "10th".' })
  rank!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'For a ranking: what is ranked, e.g. "consecutive years leading world NEV sales".',
  })
  rankOf!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Where in a dataset or report the figure was read ("table 1, row \'NEV sales\'"), for a figure located ' +
      'rather than quoted.',
  })
  locator!: string | null;

  @Field({ description: 'Unit of the value; always the unit of the metric.' })
  unit!: string;

  @Field(() => Qualifier, {
    description: 'How the source qualifies the value, e.g. EXCEEDING for "exceeding 31 percent".',
  })
  qualifier!: Qualifier;

  @Field(() => Period, { description: 'When the value applies.' })
  period!: Period;

  @Field(() => TextQuote, {
    nullable: true,
    description: 'The words of the source the figure was read from; null for a figure located by `locator`.',
  })
  quote!: TextQuote | null;

  @Field(() => Int, { description: 'The current version: 1 until the first correction (see `history`).' })
  version!: number;

  sourceKey!: string;
}

export const FigureConnection = ConnectionType<FigureData>(Figure);
