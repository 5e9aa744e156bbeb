import { Field, ObjectType } from 'type-graphql';

import { Node } from '../common/node.type';
import { Speaker } from './speaker.type';

@ObjectType({
  implements: [Node, Speaker],
  description: 'A synthetic presenter such as an AI news anchor: it speaks for an organization but is not a person.',
})
export class VirtualPresenter extends Speaker {
  @Field({ description: 'What the presenter is, e.g. "CGTN\'s AI host".' })
  description!: string;
}
