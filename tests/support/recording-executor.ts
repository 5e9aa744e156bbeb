import { int, Node, Record as Neo4jRecord, Relationship, type Driver } from 'neo4j-driver';

import { Executor, type CypherQuery, type Params, type TransactionRunner } from '../../src/db/executor';

/** One statement as a repository sent it: its name, its Cypher and its parameters. */
export interface RecordedStatement {
  name: string;
  cypher: string;
  params: Params;
}

/** Canned rows for a statement, by its name; statements without an answer return no rows. */
export type Answers = Partial<Record<string, (params: Params) => Neo4jRecord[]>>;

/**
 * The executor with Neo4j cut off, for tests of the Cypher the read path sends (in the manner of
 * neo4j/graphql's tck tests): it records every statement and answers from `answers`. It is a real
 * Executor subclass, so the request context, loaders and repositories run unchanged above it.
 */
export class RecordingExecutor extends Executor {
  readonly statements: RecordedStatement[] = [];

  constructor(private readonly answers: Answers = {}) {
    // Never reached: every method that would use the driver is overridden.
    super(undefined as unknown as Driver, 'neo4j');
  }

  override read(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return Promise.resolve(this.answer(query, params));
  }

  override write(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return Promise.resolve(this.answer(query, params));
  }

  override writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return work({ run: (query, params = {}) => Promise.resolve(this.answer(query, params)) });
  }

  override withObserver(): Executor {
    return this;
  }

  override withBookmarks(): Executor {
    return this;
  }

  /** The statement names in the order they ran. */
  get names(): string[] {
    return this.statements.map((statement) => statement.name);
  }

  private answer(query: CypherQuery, params: Params): Neo4jRecord[] {
    this.statements.push({ name: query.name, cypher: query.text, params });
    return this.answers[query.name]?.(params) ?? [];
  }
}

let identity = 0;

/** A node as the driver returns it. */
export const node = (label: string, properties: globalThis.Record<string, unknown>): Node =>
  new Node(int(++identity), [label], properties, String(identity));

/** A relationship as the driver returns it (only its type and properties are read). */
export const relationship = (type: string, properties: globalThis.Record<string, unknown> = {}): Relationship =>
  new Relationship(int(++identity), int(0), int(0), type, properties);

/** A result row with the given fields. */
export const row = (fields: globalThis.Record<string, unknown>): Neo4jRecord =>
  new Neo4jRecord(Object.keys(fields), Object.values(fields));
