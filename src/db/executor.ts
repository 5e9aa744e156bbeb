import {
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  Neo4jError,
  isRetryableError,
} from 'neo4j-driver';

import { BadUserInputError, ServiceUnavailableError } from '../errors';

/** A Cypher statement with a name, so logs, metrics and query counts say which one ran. */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

export const cypher = (name: string, text: string): CypherQuery => ({ name, text });

export type Params = Record<string, unknown>;

export interface QueryEvent {
  name: string;
  mode: 'READ' | 'WRITE';
  durationMs: number;
  ok: boolean;
  /** The statement's parameters, by reference: observers must not log their values. */
  params: Params;
}

export type QueryObserver = (event: QueryEvent) => void;

type AccessMode = 'READ' | 'WRITE';

/**
 * Transactions of this process that hold a pooled connection or wait for one, by access mode. The
 * driver has no public API for its pool; every transaction uses exactly one connection, so this is
 * the pool's usage (waiting included) that /metrics reports next to the pool's size.
 */
export const transactionsInFlight: Record<AccessMode, number> = { READ: 0, WRITE: 0 };

export interface ExecutorOptions {
  observers?: readonly QueryObserver[];
  /** Neo4j aborts a transaction that runs longer. */
  timeoutMs?: number;
  /**
   * Causal consistency: every transaction waits until the database has caught up with these
   * bookmarks and adds its own. One manager per request gives read-your-writes within the request
   * and, when the client sends the bookmarks of an earlier response, across requests and replicas.
   */
  bookmarks?: BookmarkManager;
}

/** Runs statements inside a write transaction opened by `Executor.writeTransaction`. */
export interface TransactionRunner {
  run(query: CypherQuery, params?: Params): Promise<Neo4jRecord[]>;
}

/**
 * Which driver errors mean "the database cannot serve this now" rather than "this statement is
 * wrong": connectivity codes of the driver itself (ServiceUnavailable, SessionExpired, a pool or
 * acquisition failure), and every transient or database-side error of the server. Client errors
 * (Neo.ClientError.*: syntax, constraints, security) are bugs or misconfiguration and stay
 * internal, masked for the client and logged.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return (
    isRetryableError(error) ||
    !error.code.startsWith('Neo.ClientError.') ||
    isTransactionTimeout(error) ||
    isTerminated(error)
  );
}

/**
 * Every statement the service sends is bounded (pages of at most 100, indexed lookups), so a
 * transaction that outlives NEO4J_TRANSACTION_TIMEOUT_MS means the database is overloaded or
 * restarting: the client should retry later, as for any other outage, not see an internal error.
 */
const isTransactionTimeout = (error: Neo4jError) =>
  error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
  error.code === 'Neo.ClientError.Transaction.TransactionTimedOut';

/**
 * The database ended the transaction (our timeout while it waited for a lock, a restart, an
 * administrator): Neo4j reports these as client errors that the driver does not retry, yet its own
 * message says to "retry your operation in a new transaction". Seen in the outage test while Neo4j
 * restarts under load (LockClientStopped), so the client gets SERVICE_UNAVAILABLE, not an internal error.
 */
const isTerminated = (error: Neo4jError) =>
  error.code === 'Neo.ClientError.Transaction.LockClientStopped' ||
  error.code === 'Neo.ClientError.Transaction.Terminated';

/**
 * A bookmark the client sent that this database cannot use (unknown, malformed, or mixing
 * databases: Neo.ClientError.Transaction.InvalidBookmark and InvalidBookmarkMixture); Neo4j refuses
 * it before running anything.
 */
const isInvalidBookmark = (error: unknown) =>
  error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark');

function mapError(error: unknown): unknown {
  if (isInvalidBookmark(error)) {
    return new BadUserInputError(
      'The Neo4j-Bookmarks header holds a bookmark this database does not know',
      'Neo4j-Bookmarks',
    );
  }
  return isUnavailable(error) ? new ServiceUnavailableError() : error;
}

/**
 * The one door to Neo4j. Single statements go through `driver.executeQuery` (a managed
 * transaction whose BEGIN is pipelined with the statement: one round trip fewer than
 * `session.executeRead`), with READ or WRITE routing so a cluster sends reads to secondaries;
 * several statements that must commit together go through `writeTransaction`. Both retry transient
 * failures. Observers see every statement, which is how tests count round trips and metrics time them.
 */
export class Executor {
  private readonly observers: readonly QueryObserver[];
  private readonly timeoutMs: number;
  private readonly bookmarks: BookmarkManager | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    options: ExecutorOptions = {},
  ) {
    this.observers = options.observers ?? [];
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.bookmarks = options.bookmarks;
  }

  /** The same executor, also reporting to `observer` (for example a per-request query counter). */
  withObserver(observer: QueryObserver): Executor {
    return this.derive({ observers: [...this.observers, observer] });
  }

  /** The same executor, chaining its transactions causally through `bookmarks` (see ExecutorOptions). */
  withBookmarks(bookmarks: BookmarkManager): Executor {
    return this.derive({ bookmarks });
  }

  read(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.runStatement('READ', query, params);
  }

  write(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.runStatement('WRITE', query, params);
  }

  /**
   * Several statements in one write transaction: all of them commit or none does.
   * `work` may be retried on transient errors, so it must not have side effects outside the transaction.
   */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, bookmarkManager: this.bookmarks });
    return this.tracked('WRITE', async () => {
      try {
        return await session.executeWrite(
          (tx) => work({ run: (query, params = {}) => this.observed(tx, 'WRITE', query, params) }),
          { timeout: this.timeoutMs },
        );
      } finally {
        await session.close();
      }
    });
  }

  private derive(changes: ExecutorOptions): Executor {
    const current = { observers: this.observers, timeoutMs: this.timeoutMs, bookmarks: this.bookmarks };
    return new Executor(this.driver, this.database, { ...current, ...changes });
  }

  private runStatement(mode: AccessMode, query: CypherQuery, params: Params): Promise<Neo4jRecord[]> {
    return this.tracked(mode, () =>
      this.timed(mode, query, params, async () => {
        const result = await this.driver.executeQuery(query.text, params, {
          database: this.database,
          routing: mode,
          // null, not undefined: without a request's manager, no bookmarks (undefined would mean the
          // driver-wide manager, which chains every statement of the process).
          bookmarkManager: this.bookmarks ?? null,
          transactionConfig: { timeout: this.timeoutMs },
        });
        return result.records;
      }),
    );
  }

  private observed(tx: ManagedTransaction, mode: AccessMode, query: CypherQuery, params: Params) {
    return this.timed(mode, query, params, async () => (await tx.run(query.text, params)).records);
  }

  private async timed(
    mode: AccessMode,
    query: CypherQuery,
    params: Params,
    run: () => Promise<Neo4jRecord[]>,
  ): Promise<Neo4jRecord[]> {
    const started = performance.now();
    let ok = false;
    try {
      const records = await run();
      ok = true;
      return records;
    } finally {
      const event = { name: query.name, mode, durationMs: performance.now() - started, ok, params };
      for (const observer of this.observers) observer(event);
    }
  }

  /** Counts the transaction in flight while it runs, and maps driver errors to the service's. */
  private async tracked<T>(mode: AccessMode, work: () => Promise<T>): Promise<T> {
    transactionsInFlight[mode] += 1;
    try {
      return await work();
    } catch (error) {
      throw mapError(error);
    } finally {
      transactionsInFlight[mode] -= 1;
    }
  }
}
