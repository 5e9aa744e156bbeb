import { Field, ObjectType } from 'type-graphql';

import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A subject claims are about, or a factor named as a cause or effect.' })
export class Topic extends Node {
  @Field({ description: 'Name of the topic, e.g. "charging infrastructure".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the topic covers.' })
  description!: string | null;
}
