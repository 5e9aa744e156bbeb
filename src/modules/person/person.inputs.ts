import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

import { RoleStatus } from '../common/enums';

@InputType({ description: 'A role a new person holds or held; an independent one has no organization.' })
export class RoleInput {
  @Field({ description: 'The title, e.g. "automobile industry analyst".' })
  title!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The Organization the role is held at; none for an independent role.',
  })
  organization?: string | null;

  @Field(() => RoleStatus, { description: 'CURRENT or FORMER.' })
  status!: RoleStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the role began, if known.' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the role ended, if known.' })
  to?: string | null;
}

@InputType({ description: 'A new person, with the roles they are quoted in.' })
export class AddPersonInput {
  @Field({ description: 'Full name; the id derives from it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who the person is, in a sentence.' })
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'External identifiers (Wikidata or official pages), http(s) URLs.',
  })
  sameAs?: string[] | null;

  @Field(() => [RoleInput], { nullable: true, description: 'Roles, at most 20.' })
  roles?: RoleInput[] | null;
}
