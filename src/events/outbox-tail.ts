import { logger } from '../logger';
import { OutboxRepository, type OutboxEvent } from './outbox';

/** How often an instance reads new outbox events, and how many at most per read. */
export const TAIL_INTERVAL_MS = 50;
const BATCH = 500;

type Listener = (events: readonly OutboxEvent[]) => void;

/**
 * One per service instance: polls the outbox by sequence (an index seek past the last one seen)
 * and hands each new batch, in order, to every open subscription. Every instance reads the same
 * committed sequence, so all deliver the same events in the same order.
 */
export class OutboxTail {
  private readonly listeners = new Set<Listener>();
  /** The last sequence handed to listeners; null until the first subscriber arrives. */
  private position: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private failing = false;

  constructor(private readonly outbox: OutboxRepository) {}

  /** Polls while anyone listens: with no subscriptions the tail costs Neo4j nothing. */
  start(): void {
    this.timer = setInterval(() => {
      if (this.listeners.size === 0) return;
      this.polling ??= this.poll().finally(() => (this.polling = undefined));
    }, TAIL_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    this.listeners.clear();
  }

  /**
   * The events with seq > `after` for which `matches` holds, replayed from the outbox and then
   * live, each once and in order; without `after`, only the live ones.
   */
  async stream(
    after: number | undefined,
    matches: (event: OutboxEvent) => boolean,
  ): Promise<AsyncIterableIterator<OutboxEvent>> {
    // Idle, the position is stale: catch up to the latest committed event first.
    if (this.listeners.size === 0 || this.position === null) {
      const latest = await this.outbox.latestSequence();
      this.position = Math.max(this.position ?? 0, latest);
    }
    const upTo = this.position;
    const stream = new EventStream(after ?? upTo, matches, () => this.listeners.delete(listener));
    const listener: Listener = (events) => stream.push(events);
    this.listeners.add(listener);
    if (after !== undefined && after < upTo) stream.replay(this.replay(after, upTo));
    return stream;
  }

  private async *replay(after: number, upTo: number): AsyncGenerator<OutboxEvent[]> {
    for (let from = after; from < upTo;) {
      const events = await this.outbox.eventsAfter(from, upTo, BATCH);
      if (events.length === 0) return;
      yield events;
      from = events[events.length - 1]!.seq;
    }
  }

  private async poll(): Promise<void> {
    try {
      for (;;) {
        const events = await this.outbox.eventsAfter(this.position ?? 0, Number.MAX_SAFE_INTEGER, BATCH);
        if (events.length === 0) break;
        this.position = events[events.length - 1]!.seq;
        for (const listener of this.listeners) listener(events);
        if (events.length < BATCH) break;
      }
      if (this.failing) logger.info('reading the outbox again');
      this.failing = false;
    } catch (error) {
      // Neo4j unavailable: keep the position and try again at the next tick; say so once.
      if (!this.failing) logger.warn('reading the outbox failed; retrying', { error });
      this.failing = true;
    }
  }
}

/**
 * An async iterator over outbox events that graphql-ws can end at any time (`return` resolves a
 * pending `next` at once, which an async generator waiting for the next event could not).
 * While the replay runs, live events wait in `held`; `cursor` drops anything already delivered.
 */
class EventStream implements AsyncIterableIterator<OutboxEvent> {
  private readonly ready: OutboxEvent[] = [];
  private held: OutboxEvent[] | null = null;
  private waiting: ((result: IteratorResult<OutboxEvent>) => void) | undefined;
  private done = false;

  constructor(
    private cursor: number,
    private readonly matches: (event: OutboxEvent) => boolean,
    private readonly close: () => void,
  ) {}

  push(events: readonly OutboxEvent[]): void {
    if (this.held) {
      this.held.push(...events);
      return;
    }
    for (const event of events) {
      if (event.seq <= this.cursor) continue;
      this.cursor = event.seq;
      if (!this.matches(event)) continue;
      if (this.waiting) {
        this.waiting({ value: event, done: false });
        this.waiting = undefined;
      } else this.ready.push(event);
    }
  }

  replay(batches: AsyncGenerator<OutboxEvent[]>): void {
    this.held = [];
    void (async () => {
      try {
        for await (const batch of batches) {
          const held = this.held;
          this.held = null;
          this.push(batch);
          this.held = held;
        }
      } catch (error) {
        // Ending the stream, not skipping: the client resumes from the last sequence it saw.
        logger.warn('replaying the outbox failed', { error });
        void this.return();
        return;
      }
      const held = this.held ?? [];
      this.held = null;
      this.push(held);
    })();
  }

  next(): Promise<IteratorResult<OutboxEvent>> {
    const event = this.ready.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<OutboxEvent>> {
    this.done = true;
    this.close();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<OutboxEvent> {
    return this;
  }
}
