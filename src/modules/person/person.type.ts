import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { ConnectionType } from '../common/connection.type';
import { Node } from '../common/node.type';
import type { PersonData } from './person.mapper';
import { RoleStatus } from '../common/enums';
import { Speaker } from '../speaker/speaker.type';

// A federation entity: other subgraphs refer to it by its global id (src/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({ implements: [Node, Speaker], description: 'A human being who makes claims or holds roles.' })
export class Person extends Speaker {
  @Field(() => String, { nullable: true, description: 'A short description of who the person is.' })
  description!: string | null;

  @Field(() => [String], {
    description:
      'External identifiers of the same entity (Wikidata entity URLs or other authoritative pages), as schema.org sameAs.',
  })
  sameAs!: string[];
}

@ObjectType({
  implements: Node,
  description: 'A position a person holds or held in an organization, with when it was held where known.',
})
export class Role extends Node {
  @Field({ description: 'Title and organization together, e.g. "Vice chairman, Committee on Economic Affairs ...".' })
  name!: string;

  @Field({ description: 'The title alone, e.g. "Vice chairman".' })
  title!: string;

  @Field(() => RoleStatus, { description: 'CURRENT if held at the publication date of the source that reports it.' })
  status!: RoleStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the role began, if known.' })
  from!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the role ended, if known.' })
  to!: string | null;
}

export const PersonConnection = ConnectionType<PersonData>(Person);
