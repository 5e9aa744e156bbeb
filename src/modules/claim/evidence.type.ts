import { createUnionType, Field, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

import { Stance } from '../common/enums';
import { Figure } from '../figure/figure.type';
import { Claim } from './claim.type';

export const EvidenceItem = createUnionType({
  name: 'EvidenceItem',
  description: 'Something that can support or contradict a claim: another claim or a figure.',
  types: () => [Claim, Figure] as const,
  resolveType: (value: { label: string }) => value.label,
});

@ObjectType({ description: 'A link between a claim and evidence, with its stance and who added it.' })
export class EvidenceLink {
  @Field(() => Stance, { description: 'SUPPORTS or CONTRADICTS.' })
  stance!: Stance;

  @Field(() => EvidenceItem, { description: 'The claim or figure at the other end of the link.' })
  item!: typeof EvidenceItem;

  @Field(() => String, { nullable: true, description: 'Why the evidence bears on the claim.' })
  note!: string | null;

  @Field({ description: '"annotation" when it came with the source\'s annotation, "api" when a user added it.' })
  origin!: string;

  @Field(() => String, { nullable: true, description: 'Who added the link through the API.' })
  addedBy!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the link was added through the API.' })
  addedAt!: string | null;
}
