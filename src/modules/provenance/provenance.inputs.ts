import { Field, ID, InputType, Int } from 'type-graphql';

import { ProvenanceLinkType } from './provenance.type';

@InputType({ description: 'A provenance link between two existing nodes.' })
export class LinkProvenanceInput {
  @Field(() => ID, { description: 'A Figure or Claim (PRODUCED_BY, RELAYED_BY), or a Source (REPUBLISHES, CITES).' })
  from!: string;

  @Field(() => ProvenanceLinkType, { description: 'Which link.' })
  relation!: ProvenanceLinkType;

  @Field(() => ID, { description: 'The producer, relay, or the source republished or cited.' })
  to!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'RELAYED_BY only: the place in the chain, 0 nearest the origin; by default after the relays recorded.',
  })
  position?: number | null;
}
