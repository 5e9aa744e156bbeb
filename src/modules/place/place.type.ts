import { Field, ObjectType } from 'type-graphql';

import { Node } from '../common/node.type';

@ObjectType({ implements: Node, description: 'A country, region or city that figures and targets are scoped to.' })
export class Place extends Node {
  @Field({ description: 'Name of the place, e.g. "China".' })
  name!: string;

  @Field({ description: 'What sort of place: country, region, city or world.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code for countries, e.g. "CN".' })
  isoCode!: string | null;

  @Field(() => [String], {
    description:
      'External identifiers of the same entity (Wikidata entity URLs or other authoritative pages), as schema.org sameAs.',
  })
  sameAs!: string[];
}
