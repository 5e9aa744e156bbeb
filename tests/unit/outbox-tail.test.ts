import type { OutboxEvent, OutboxRepository } from '../../src/events/outbox';
import { OutboxTail } from '../../src/events/outbox-tail';

/**
 * The fan-out logic of the outbox tail, with the outbox in memory (the Neo4j side is tested in
 * tests/integration/http/subscriptions.int.test.ts): replay then live, each event once, in order.
 */

const event = (seq: number, claimKey = 'c1'): OutboxEvent => ({
  seq,
  kind: 'REVIEW_ADDED',
  claimKey,
  subjectKey: `review-${seq}`,
  sourceKey: '',
  speakerKey: '',
  claimKind: '',
  topicKeys: [],
  writtenAt: seq,
});

function memoryOutbox(events: OutboxEvent[]): OutboxRepository {
  return {
    eventsAfter: async (after: number, upTo: number, limit: number) =>
      events.filter((each) => each.seq > after && each.seq <= upTo).slice(0, limit),
    latestSequence: async () => events.at(-1)?.seq ?? 0,
  } as unknown as OutboxRepository;
}

async function take(stream: AsyncIterator<OutboxEvent>, count: number): Promise<number[]> {
  const seqs: number[] = [];
  while (seqs.length < count) seqs.push((await stream.next()).value.seq);
  return seqs;
}

describe('OutboxTail', () => {
  let tail: OutboxTail | undefined;
  afterEach(() => tail?.stop());

  it('replays what came after `after`, then the live events, each once and in order', async () => {
    const events = [1, 2, 3, 4].map((seq) => event(seq));
    tail = new OutboxTail(memoryOutbox(events));
    tail.start();
    const stream = await tail.stream(1, () => true);
    events.push(event(5), event(6));
    expect(await take(stream, 5)).toEqual([2, 3, 4, 5, 6]);
  });

  it('delivers only matching events, and only new ones without `after`', async () => {
    const events = [event(1), event(2, 'c2')];
    tail = new OutboxTail(memoryOutbox(events));
    tail.start();
    const stream = await tail.stream(undefined, (each) => each.claimKey === 'c1');
    events.push(event(3, 'c2'), event(4, 'c1'));
    expect(await take(stream, 1)).toEqual([4]);
  });

  it('ends a waiting next() at once when the subscriber leaves', async () => {
    tail = new OutboxTail(memoryOutbox([]));
    tail.start();
    const stream = await tail.stream(undefined, () => true);
    const pending = stream.next();
    await stream.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});
