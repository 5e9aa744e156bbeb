import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ClaimKind } from '../modules/common/enums';

export enum ClaimEventKind {
  CLAIM_ADDED = 'CLAIM_ADDED',
  REVIEW_ADDED = 'REVIEW_ADDED',
  EVIDENCE_LINKED = 'EVIDENCE_LINKED',
  CLAIM_CORRECTED = 'CLAIM_CORRECTED',
  CLAIM_RETRACTED = 'CLAIM_RETRACTED',
  FIGURE_CORRECTED = 'FIGURE_CORRECTED',
}

registerEnumType(ClaimEventKind, {
  name: 'ClaimEventKind',
  description: 'What happened to a claim.',
  valuesConfig: {
    CLAIM_ADDED: { description: 'The claim was added (addClaim).' },
    REVIEW_ADDED: { description: 'A review of the claim was published (reviewClaim); see `review`.' },
    EVIDENCE_LINKED: { description: 'Evidence was linked to the claim (linkEvidence); see `claim.evidence`.' },
    CLAIM_CORRECTED: { description: 'A new version of the claim was recorded (correctClaim); see `claim.history`.' },
    CLAIM_RETRACTED: { description: 'The claim was retracted (retractClaim); see `claim.retracted`.' },
    FIGURE_CORRECTED: {
      description: 'A figure the claim cites was corrected (correctFigure); one event per citing claim.',
    },
  },
});

@ObjectType({
  description:
    'A committed change to a claim, from the outbox. Every instance of the service delivers the same events in the same order.',
})
export class ClaimEvent {
  @Field(() => Int, {
    description: "The event's position in the outbox. Give the last one you received as `after` to resume.",
  })
  sequence!: number;

  @Field(() => ClaimEventKind, { description: 'What happened.' })
  kind!: ClaimEventKind;

  @Field(() => DateTimeResolver, {
    description:
      "The write transaction's clock (Neo4j's datetime.transaction()), a few milliseconds before it committed.",
  })
  writtenAt!: Date;
}

@InputType({ description: 'Which new claims to receive; every field given must match.' })
export class NewClaimFilterInput {
  @Field(() => ID, { nullable: true, description: 'Claims in this source.' })
  source?: string;

  @Field(() => ID, { nullable: true, description: 'Claims attributed to this speaker.' })
  speaker?: string;

  @Field(() => ID, { nullable: true, description: 'Claims about this topic.' })
  topic?: string;

  @Field(() => [ClaimKind], { nullable: true, description: 'Claims of any of these kinds.' })
  kinds?: ClaimKind[];
}
