import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new organisation: a producer of data, a publisher, a body a role is held at.' })
export class AddOrganizationInput {
  @Field({ description: 'Short name, e.g. "CAAM"; its id derives from it. Refused when close to an existing name.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Full official name, e.g. "China Association of Automobile Manufacturers".',
  })
  fullName?: string | null;

  @Field({ description: 'What sort of body, e.g. "association", "ministry", "broadcaster".' })
  kind!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'External identifiers (Wikidata or official pages), http(s) URLs.',
  })
  sameAs?: string[] | null;
}
