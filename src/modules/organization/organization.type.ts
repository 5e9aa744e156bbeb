import { Directive, Field, ObjectType } from 'type-graphql';

import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { OrganizationData } from './organization.mapper';
import { Speaker } from '../speaker/speaker.type';

// A federation entity: other subgraphs refer to it by its global id (src/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({
  implements: [Node, Speaker],
  description: "A broadcaster, ministry, committee or other body; may speak (an outlet's narration) and hold roles.",
})
export class Organization extends Speaker {
  @Field(() => String, {
    nullable: true,
    description: 'The full official name where `name` is short, e.g. "China Global Television Network".',
  })
  fullName!: string | null;

  @Field({ description: 'What sort of body it is, e.g. "broadcaster", "ministry", "committee".' })
  kind!: string;

  @Field(() => [String], {
    description:
      'External identifiers of the same entity (Wikidata entity URLs or other authoritative pages), as schema.org sameAs.',
  })
  sameAs!: string[];
}

export const OrganizationConnection = ConnectionType<OrganizationData>(Organization);
