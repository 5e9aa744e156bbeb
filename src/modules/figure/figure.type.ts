import { Field, Float, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { TextQuote } from '../claim/claim.type';
import { Qualifier } from '../common/enums';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { FigureData } from './figure.mapper';

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

@ObjectType({
  implements: Node,
  description: 'One observation of a metric: a value with unit, period, place and qualifier.',
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

  @Field({ description: 'Unit of the value; always the unit of the metric.' })
  unit!: string;

  @Field(() => Qualifier, {
    description: 'How the source qualifies the value, e.g. EXCEEDING for "exceeding 31 percent".',
  })
  qualifier!: Qualifier;

  @Field(() => Period, { description: 'When the value applies.' })
  period!: Period;

  @Field(() => TextQuote, { description: 'The words of the source the figure was read from.' })
  quote!: TextQuote;

  sourceKey!: string;
}

export const FigureConnection = ConnectionType<FigureData>(Figure);
