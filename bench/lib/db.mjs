// The Neo4j the benchmark uses: the project's local one (scripts/neo4j.mjs) unless NEO4J_URI is set.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import neo4j from 'neo4j-driver';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NEO4J_URI = process.env.NEO4J_URI || 'bolt://127.0.0.1:7687';
export const NEO4J_USER = process.env.NEO4J_USER || 'neo4j';
export const NEO4J_PASSWORD = process.env.NEO4J_PASSWORD || 'news-claims-dev';

/** Starts (or reuses) the local Neo4j when NEO4J_URI is unset. */
export function ensureNeo4j() {
  if (process.env.NEO4J_URI) return;
  const started = spawnSync(process.execPath, [path.join(root, 'scripts', 'neo4j.mjs'), 'start'], { stdio: 'inherit' });
  if (started.status !== 0) throw new Error('the local Neo4j did not start');
}

export function openDriver(options = {}) {
  return neo4j.driver(NEO4J_URI, neo4j.auth.basic(NEO4J_USER, NEO4J_PASSWORD), {
    disableLosslessIntegers: true,
    ...options,
  });
}

/** Builds dist/ (the service and its ingestion code) unless BENCH_SKIP_BUILD=1. */
export function build() {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/**
 * Waits until Neo4j runs nothing but this check, at most `maxMs`, then terminates what is left:
 * a server that gave up on a run (autocannon stops, the HTTP requests close) leaves its queries
 * running in Neo4j, and the next run would measure a busy database instead of its own server
 * (the walk at c=1 after @neo4j/graphql's deep page at c=32 on `large`, bench/README.md).
 * Returns how many were running, how long it waited and how many it terminated.
 */
export async function settle(driver, { maxMs = 30_000 } = {}) {
  const running = async () => {
    const { records } = await driver.executeQuery(
      `SHOW TRANSACTIONS YIELD transactionId, currentQuery
       WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' AND currentQuery <> ''
       RETURN collect(transactionId) AS ids`,
    );
    return records[0].get('ids');
  };
  const started = Date.now();
  const found = (await running()).length;
  let ids = found ? await running() : [];
  while (ids.length > 0 && Date.now() - started < maxMs) {
    await sleep(250);
    ids = await running();
  }
  if (ids.length > 0) await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids });
  return { running: found, waitedMs: Date.now() - started, terminated: ids.length };
}
