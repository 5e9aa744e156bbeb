import {
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  Neo4jError,
  isRetryableError,
} from 'neo4j-driver';

import { ServiceUnavailableError } from '../errors';

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
  return isRetryableError(error) || !error.code.startsWith('Neo.ClientError.');
}

function mapError(error: unknown): unknown {
  return isUnavailable(error) ? new ServiceUnavailableError() : error;
}

/**
 * The one door to Neo4j. Reads go through `executeRead` (routed to secondaries on a cluster),
 * writes through `executeWrite`; both retry transient failures. Sessions are closed in `finally`.
 * Observers see every statement, which is how tests count round trips and metrics time them.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly observers: readonly QueryObserver[] = [],
    private readonly timeoutMs = 15_000,
  ) {}

  /** The same executor, also reporting to `observer` (for example a per-request query counter). */
  withObserver(observer: QueryObserver): Executor {
    return new Executor(this.driver, this.database, [...this.observers, observer], this.timeoutMs);
  }

  read(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.inSession('READ', (tx) => this.runObserved(tx, 'READ', query, params));
  }

  write(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.inSession('WRITE', (tx) => this.runObserved(tx, 'WRITE', query, params));
  }

  /**
   * Several statements in one write transaction: all of them commit or none does.
   * `work` may be retried on transient errors, so it must not have side effects outside the transaction.
   */
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.inSession('WRITE', (tx) =>
      work({ run: (query, params = {}) => this.runObserved(tx, 'WRITE', query, params) }),
    );
  }

  private async inSession<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database });
    const config = { timeout: this.timeoutMs };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }

  private async runObserved(
    tx: ManagedTransaction,
    mode: 'READ' | 'WRITE',
    query: CypherQuery,
    params: Params,
  ): Promise<Neo4jRecord[]> {
    const started = performance.now();
    let ok = false;
    try {
      const result = await tx.run(query.text, params);
      ok = true;
      return result.records;
    } finally {
      const event = { name: query.name, mode, durationMs: performance.now() - started, ok, params };
      for (const observer of this.observers) observer(event);
    }
  }
}
