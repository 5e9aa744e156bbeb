import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';

import type { Context } from '../modules/context';
import { createLoaders } from '../modules/loaders';
import type { OutboxEvent } from '../events/outbox';
import type { OutboxTail } from '../events/outbox-tail';
import type { ClaimData } from '../modules/claim/claim.mapper';
import { Claim } from '../modules/claim/claim.type';
import { idOf } from '../modules/common/global-id';
import type { ReviewData } from '../modules/review/review.mapper';
import { Review } from '../modules/review/review.type';
import { ClaimEvent, ClaimEventKind, NewClaimFilterInput } from './claim-event.type';

/** The context of a subscription: a request's, plus the instance's outbox tail. */
export interface SubscriptionContext extends Context {
  outbox: OutboxTail;
}

interface ClaimEventData {
  sequence: number;
  kind: ClaimEventKind;
  writtenAt: Date;
  claimKey: string;
  subjectKey: string | null;
}

/**
 * Each event is resolved like a new request: one context serves the whole subscription, and
 * loaders cached from an earlier event would show a claim's reviews as they were then.
 */
function resolveEvent(event: OutboxEvent, context: Context): ClaimEventData {
  context.loaders = createLoaders(context.executor);
  return {
    sequence: event.seq,
    kind: event.kind as ClaimEventKind,
    writtenAt: new Date(event.writtenAt),
    claimKey: event.claimKey,
    subjectKey: event.subjectKey,
  };
}

const afterDescription =
  'Resume after this sequence (the last `sequence` you received): missed events are replayed first. Without it, only events from now on.';

@Resolver(() => ClaimEvent)
export class ClaimEventResolver {
  @Subscription(() => ClaimEvent, {
    description: 'New reviews of a claim and evidence linked to it, as they commit.',
    subscribe: ({ args, context }) => {
      const key = idOf(args.claim as string, ['Claim'], 'claim');
      return (context as SubscriptionContext).outbox.stream(
        args.after ?? undefined,
        (event) => event.claimKey === key && event.kind !== 'CLAIM_ADDED',
      );
    },
  })
  claimUpdated(
    @Arg('claim', () => ID, { description: 'Global id of the claim to watch.' }) _claim: string,
    @Arg('after', () => Int, { nullable: true, description: afterDescription }) _after: number | null,
    @Root() event: OutboxEvent,
    @Ctx() context: Context,
  ): ClaimEventData {
    return resolveEvent(event, context);
  }

  @Subscription(() => ClaimEvent, {
    description: 'Claims added through the API that match the filter, as they commit.',
    subscribe: ({ args, context }) => {
      const filter = (args.filter ?? {}) as NewClaimFilterInput;
      const source = filter.source ? idOf(filter.source, ['Source'], 'filter.source') : undefined;
      const speaker = filter.speaker
        ? idOf(filter.speaker, ['Person', 'Organization', 'VirtualPresenter'], 'filter.speaker')
        : undefined;
      const topic = filter.topic ? idOf(filter.topic, ['Topic'], 'filter.topic') : undefined;
      const kinds = filter.kinds && filter.kinds.length > 0 ? new Set<string>(filter.kinds) : undefined;
      return (context as SubscriptionContext).outbox.stream(
        args.after ?? undefined,
        (event) =>
          event.kind === 'CLAIM_ADDED' &&
          (source === undefined || event.sourceKey === source) &&
          (speaker === undefined || event.speakerKey === speaker) &&
          (topic === undefined || event.topicKeys.includes(topic)) &&
          (kinds === undefined || kinds.has(event.claimKind)),
      );
    },
  })
  claimAdded(
    @Arg('filter', () => NewClaimFilterInput, { nullable: true, description: 'Which claims.' })
    _filter: NewClaimFilterInput | null,
    @Arg('after', () => Int, { nullable: true, description: afterDescription }) _after: number | null,
    @Root() event: OutboxEvent,
    @Ctx() context: Context,
  ): ClaimEventData {
    return resolveEvent(event, context);
  }

  @FieldResolver(() => Claim, { description: 'The claim, as it is now.' })
  async claim(@Root() event: ClaimEventData, @Ctx() context: Context): Promise<ClaimData> {
    const claim = await context.loaders.claims.byKey.load(event.claimKey);
    // An event is appended in the claim's own transaction, and claims are never deleted through the API.
    if (!claim) throw new Error(`outbox event ${event.sequence} names a claim that does not exist`);
    return claim;
  }

  @FieldResolver(() => Review, { nullable: true, description: 'For REVIEW_ADDED: the review.' })
  async review(@Root() event: ClaimEventData, @Ctx() context: Context): Promise<ReviewData | null> {
    if (event.kind !== ClaimEventKind.REVIEW_ADDED || event.subjectKey === null) return null;
    return (await context.loaders.reviews.byKey.load(event.subjectKey)) ?? null;
  }
}
