import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new metric: what figures measure, in one unit.' })
export class AddMetricInput {
  @Field({ description: 'Name, e.g. "NEV sales"; the id derives from it.' })
  name!: string;

  @Field({ description: 'What exactly is measured, in a sentence.' })
  description!: string;

  @Field({ description: 'The unit every figure of the metric is in, e.g. "vehicles", "percent".' })
  unit!: string;

  @Field(() => ID, { nullable: true, description: 'The Place the metric is scoped to, if any.' })
  place?: string | null;
}
