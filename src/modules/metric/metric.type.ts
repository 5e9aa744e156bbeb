import { Directive, Field, ObjectType } from 'type-graphql';

import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { MetricData } from './metric.mapper';

// A federation entity: other subgraphs refer to it by its global id (src/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  description: 'Something measured, e.g. "NEV share of new car sales"; figures are its observations.',
})
export class Metric extends Node {
  @Field({ description: 'Name of the metric.' })
  name!: string;

  @Field({ description: 'What exactly is measured, and how.' })
  description!: string;

  @Field({ description: 'The unit every figure of this metric is expressed in, e.g. "percent".' })
  unit!: string;
}

export const MetricConnection = ConnectionType<MetricData>(Metric);
