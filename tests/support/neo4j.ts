import type { Driver } from 'neo4j-driver';

import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/db/driver';
import { Executor, type QueryEvent } from '../../src/db/executor';
import { migrate } from '../../src/db/migrations';

export interface TestDatabase {
  driver: Driver;
  executor: Executor;
  close(): Promise<void>;
}

/** A driver and executor on the Neo4j the tests run against, with the schema applied. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const config = loadConfig();
  const driver = createDriver(config.neo4j);
  const executor = new Executor(driver, config.neo4j.database);
  await migrate(executor);
  return { driver, executor, close: () => driver.close() };
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

/**
 * The outbox (src/events/outbox.ts) is a log of committed writes, not graph content: a test that
 * writes and then deletes what it wrote leaves its events behind, so counts leave the outbox out.
 * (tests/integration/http/subscriptions.int.test.ts checks that a refused write appends no event.)
 */
const NOT_OUTBOX = 'NOT n:OutboxEvent AND NOT n:OutboxSequence';

/** Whole-graph counts: "changes nothing" is asserted as "these are equal before and after". */
export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE ${NOT_OUTBOX} RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships`,
  );
  const record = records[0];
  return { nodes: record?.get('nodes') as number, relationships: record?.get('relationships') as number };
}

/** Counts the statements an executor runs, by name. */
export function queryRecorder(): { events: QueryEvent[]; observer: (event: QueryEvent) => void } {
  const events: QueryEvent[] = [];
  return { events, observer: (event) => events.push(event) };
}

/** Node count per label and relationship count per type, for finer "nothing changed" checks. */
export async function countsByKind(
  driver: Driver,
): Promise<{ labels: Record<string, number>; types: Record<string, number> }> {
  const labels = await driver.executeQuery(
    `MATCH (n) WHERE ${NOT_OUTBOX} UNWIND labels(n) AS label RETURN label, count(*) AS count`,
  );
  const types = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
  return {
    labels: Object.fromEntries(
      labels.records.map((record) => [record.get('label') as string, record.get('count') as number]),
    ),
    types: Object.fromEntries(
      types.records.map((record) => [record.get('type') as string, record.get('count') as number]),
    ),
  };
}

/**
 * Deletes what a test created: nodes whose id or sourceId starts with `prefix`.
 * Test ids always start with "test-", which no seeded id does.
 */
export async function deleteTestNodes(driver: Driver, prefix: string): Promise<void> {
  if (!prefix.startsWith('test-')) throw new Error('refusing to delete nodes whose ids do not start with "test-"');
  await driver.executeQuery(
    'MATCH (n) WHERE n.id STARTS WITH $prefix OR n.sourceId STARTS WITH $prefix DETACH DELETE n',
    { prefix },
  );
}
