import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { Comparator } from '../common/enums';
import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { TargetData } from './target.mapper';

@ObjectType({
  implements: Node,
  description: 'A goal for a metric: comparator, threshold and deadline, and who set it.',
})
export class Target extends Node {
  @Field({ description: 'The target in words.' })
  name!: string;

  @Field(() => Comparator, {
    description: 'How the metric must compare with the threshold (GT for "over 50 percent").',
  })
  comparator!: Comparator;

  @Field(() => Float, { description: 'The threshold, in `unit`.' })
  threshold!: number;

  @Field({ description: 'Unit of the threshold; the unit of the metric.' })
  unit!: string;

  @Field(() => LocalDateResolver, { description: 'Last day by which the target is to be met.' })
  deadline!: string;

  @Field({ description: 'The deadline as stated, e.g. "2035".' })
  deadlineLabel!: string;
}

@ObjectType({ implements: Node, description: "Someone's expectation of when a target will be met." })
export class Projection extends Node {
  @Field({ description: 'Readable summary, e.g. "Met by 2025 (10 years early)".' })
  name!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period by which the target is expected to be met.' })
  expectedBy!: string;

  @Field({ description: 'The expected period as stated, e.g. "2025".' })
  expectedLabel!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'How many years before the deadline, as stated ("10 years earlier").',
  })
  yearsEarlier!: number | null;

  sourceKey!: string;
}

export const TargetConnection = ConnectionType<TargetData>(Target);
