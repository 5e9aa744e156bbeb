import { Field, InterfaceType } from 'type-graphql';

import { Node } from '../common/node.type';

/** Whoever a claim is attributed to: a person, an organization, or a virtual presenter. */
@InterfaceType({
  implements: Node,
  description: "Who a claim is attributed to: a Person, an Organization (an outlet's narration) or a VirtualPresenter.",
  resolveType: (value: { label: string }) => value.label,
})
export abstract class Speaker extends Node {
  @Field({ description: 'Display name.' })
  name!: string;
}
