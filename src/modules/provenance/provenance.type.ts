import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Node } from '../common/node.type';
import type { EntityData } from '../entities';

/** The provenance links the API adds (src/domain/provenance.ts). */
export enum ProvenanceLinkType {
  PRODUCED_BY = 'PRODUCED_BY',
  RELAYED_BY = 'RELAYED_BY',
  REPUBLISHES = 'REPUBLISHES',
  CITES = 'CITES',
}

registerEnumType(ProvenanceLinkType, {
  name: 'ProvenanceLinkType',
  description: 'A provenance link linkProvenance adds.',
  valuesConfig: {
    PRODUCED_BY: { description: 'Figure or Claim → the Organization or dataset/report Source that produced the data.' },
    RELAYED_BY: {
      description: 'Figure or Claim → a Person, Organization, VirtualPresenter or Source that passed it on.',
    },
    REPUBLISHES: { description: 'Source → a Source it republishes.' },
    CITES: { description: 'Source → a Source it cites.' },
  },
});

@ObjectType({ description: 'A provenance link, as linkProvenance recorded it.' })
export class ProvenanceLink {
  @Field(() => ProvenanceLinkType, { description: 'The link.' })
  relation!: ProvenanceLinkType;

  @Field(() => Node, { description: 'Where it starts.' })
  from!: EntityData;

  @Field(() => Node, { description: 'Where it leads.' })
  to!: EntityData;

  @Field(() => Int, {
    nullable: true,
    description: 'RELAYED_BY: the place in the chain, 0 nearest the origin; null for the other links.',
  })
  position!: number | null;
}
