import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedEvent<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** When the client received it (epoch ms). */
  receivedAt: number;
}

export interface Subscription<T> {
  received: ReceivedEvent<T>[];
  /** Resolves once `count` results arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEvent<T>[]>;
  /** Resolves when the server ended the subscription (complete or error). */
  ended: Promise<unknown>;
  close(): Promise<void>;
}

/** A graphql-ws client on `httpUrl`'s /graphql; `token` goes in connection_init. */
export function wsClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // Failures reach each subscription's sink (tests read them there), not the console.
    onNonLazyError: () => undefined,
  });
}

/** Subscribes and collects every result the server sends. */
export function subscribe<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription<T> {
  const received: ReceivedEvent<T>[] = [];
  const waiters: (() => void)[] = [];
  let settle: (value: unknown) => void = () => undefined;
  const ended = new Promise((resolve) => (settle = resolve));
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        received.push({ ...(result as Omit<ReceivedEvent<T>, 'receivedAt'>), receivedAt: Date.now() });
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => settle(error),
      complete: () => settle('complete'),
    },
  );
  return {
    received,
    ended,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`got ${received.length} of ${count} events in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received.slice(0, count);
    },
    async close() {
      unsubscribe();
    },
  };
}
