import { int } from 'neo4j-driver';

import { cypher, type Executor, type TransactionRunner } from '../db/executor';

/**
 * The outbox: one `OutboxEvent` node per change a subscriber can watch, created by the same
 * transaction as the change, so an event exists exactly when its write committed.
 *
 * Invariant: `seq` increases in commit order, with no gaps. The append takes the write lock on
 * the single `OutboxSequence` node and holds it until commit, so event-writing transactions
 * commit one after the other and a reader never sees seq n+1 before seq n. (They also serialise
 * on it: fine for mutations made by people; see README "Live updates".)
 */

export type OutboxEventKind =
  'CLAIM_ADDED' | 'REVIEW_ADDED' | 'EVIDENCE_LINKED' | 'CLAIM_CORRECTED' | 'CLAIM_RETRACTED' | 'FIGURE_CORRECTED';

export interface NewOutboxEvent {
  kind: OutboxEventKind;
  claimKey: string;
  /** The review, the evidence (claim or figure) or the corrected figure the event is about, if any. */
  subjectKey?: string;
  /** For CLAIM_ADDED: what a subscription filter matches on. */
  sourceKey?: string;
  speakerKey?: string;
  claimKind?: string;
  topicKeys?: string[];
}

export interface OutboxEvent extends Required<Omit<NewOutboxEvent, 'subjectKey'>> {
  seq: number;
  subjectKey: string | null;
  /** The writing transaction's clock (set as it starts, so just before commit), in epoch milliseconds. */
  writtenAt: number;
}

const APPEND_EVENT = cypher(
  'outbox.append',
  `MERGE (sequence:OutboxSequence {id: 'outbox'})
   SET sequence.value = coalesce(sequence.value, 0) + 1
   CREATE (:OutboxEvent {seq: sequence.value, kind: $event.kind, claimKey: $event.claimKey,
                         subjectKey: $event.subjectKey, sourceKey: $event.sourceKey,
                         speakerKey: $event.speakerKey, claimKind: $event.claimKind,
                         topicKeys: $event.topicKeys, writtenAt: datetime.transaction().epochMillis})`,
);

/** Appends an event inside the writer's transaction: it commits or rolls back with the change. */
export async function appendEvent(tx: TransactionRunner, event: NewOutboxEvent): Promise<void> {
  const { subjectKey = null, sourceKey = null, speakerKey = null, claimKind = null, topicKeys = [] } = event;
  await tx.run(APPEND_EVENT, { event: { ...event, subjectKey, sourceKey, speakerKey, claimKind, topicKeys } });
}

const EVENTS_AFTER = cypher(
  'outbox.eventsAfter',
  `MATCH (e:OutboxEvent) WHERE e.seq > $after AND e.seq <= $upTo
   RETURN e ORDER BY e.seq LIMIT $limit`,
);

const LATEST_SEQUENCE = cypher(
  'outbox.latestSequence',
  `OPTIONAL MATCH (sequence:OutboxSequence {id: 'outbox'}) RETURN coalesce(sequence.value, 0) AS seq`,
);

const toNumber = (value: unknown) => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0));

const mapEvent = (properties: Record<string, unknown>): OutboxEvent => ({
  seq: toNumber(properties.seq),
  kind: properties.kind as OutboxEventKind,
  claimKey: properties.claimKey as string,
  subjectKey: (properties.subjectKey as string | undefined) ?? null,
  sourceKey: (properties.sourceKey as string | undefined) ?? '',
  speakerKey: (properties.speakerKey as string | undefined) ?? '',
  claimKind: (properties.claimKind as string | undefined) ?? '',
  topicKeys: (properties.topicKeys as string[] | undefined) ?? [],
  writtenAt: toNumber(properties.writtenAt),
});

export class OutboxRepository {
  constructor(private readonly executor: Executor) {}

  /** Events with `after` < seq ≤ `upTo`, in order, at most `limit`. */
  async eventsAfter(after: number, upTo: number, limit: number): Promise<OutboxEvent[]> {
    const records = await this.executor.read(EVENTS_AFTER, { after: int(after), upTo: int(upTo), limit: int(limit) });
    return records.map((record) => mapEvent(record.get('e').properties));
  }

  /** The sequence of the last committed event (0 for none). */
  async latestSequence(): Promise<number> {
    const [record] = await this.executor.read(LATEST_SEQUENCE);
    return toNumber(record?.get('seq'));
  }
}
