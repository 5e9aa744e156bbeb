import { Field, ID, InterfaceType } from 'type-graphql';

import { toGlobalId } from './global-id';

/**
 * Every entity of the graph, refetchable by `Query.node(id)`.
 * Domain objects carry `label` (the Neo4j label, also the GraphQL type name) and `key`
 * (the stored id); the public `id` is derived from both, so no layer below the schema
 * ever handles global ids.
 */
@InterfaceType({
  description: 'An object with a global id, refetchable with `Query.node(id: ID!)`.',
  resolveType: (value: { label: string }) => value.label,
})
export abstract class Node {
  label!: string;

  key!: string;

  @Field(() => ID, { description: 'Global, opaque id of the object.' })
  get id(): string {
    return toGlobalId(this.label, this.key);
  }
}

export interface NodeData {
  label: string;
  key: string;
}
