import { loadAnnotation } from '../../../src/ingest/ingest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { SourceGraph } from '../../../src/ingest/source-graph';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { recordReliability } from '../../support/reliability-report';
import {
  compileEntry,
  childEnv,
  deleteTestSourceData,
  prefixedNodeCount,
  sourceCounts,
  writeLargeAnnotation,
} from '../../support/reliability';

/**
 * Faults of ingestion processes against the shared Neo4j, with the test's own ids only:
 * a CLI killed with SIGKILL in the middle of writing a document, and ten CLIs ingesting the
 * same document at once. Afterwards the source is all there or not at all, never in part.
 */

const KILL_PREFIX = 'test-rel-kill';
const RACE_PREFIX = 'test-rel-race';

/** The distinct keys of the nodes a graph writes (provenance rows repeat the keys of their claims). */
function keysOf(graph: SourceGraph): string[] {
  const keys = Object.values(graph).flatMap((rows) =>
    (Array.isArray(rows) ? rows : [rows])
      // Besides its rows a graph has plain fields (a note, flags): only objects carry keys.
      .filter((row) => row !== null && typeof row === 'object')
      .map((row) => (row as { key?: unknown }).key)
      .filter((key) => key !== undefined),
  ) as string[];
  return [...new Set(keys)];
}

describe('reliability: ingestion processes that die or race', () => {
  let db: TestDatabase;
  let buildDir: string;
  let directory: string;
  let cli: string;

  function runCli(file: string): {
    done: Promise<{ code: number | null; signal: string | null; stderr: string }>;
    pid: number;
  } {
    const child = spawn(process.execPath, [cli, 'ingest', file], {
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
    );
    return { done, pid: child.pid! };
  }

  /** True while a transaction of the ingestion (its claim MERGE) runs in Neo4j. */
  async function ingestionWriting(): Promise<boolean> {
    const { records } = await db.driver.executeQuery(
      `SHOW TRANSACTIONS YIELD currentQuery, parameters
       WHERE currentQuery STARTS WITH 'UNWIND $rows' AND toString(parameters.rows[0].key) STARTS WITH $prefix
       RETURN count(*) AS count`,
      { prefix: KILL_PREFIX },
    );
    return (records[0]?.get('count') as number) > 0;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'reliability-cli-'));
    directory = await mkdtemp(path.join(os.tmpdir(), 'reliability-ingest-'));
    cli = await compileEntry(buildDir, 'ingest/cli.ts');
  }, 120_000);
  afterAll(async () => {
    await deleteTestSourceData(db.driver, KILL_PREFIX);
    await deleteTestSourceData(db.driver, RACE_PREFIX);
    await rm(buildDir, { recursive: true, force: true });
    await rm(directory, { recursive: true, force: true });
    await db.close();
  });

  it('leaves a document whole or absent when its ingestion is killed with SIGKILL mid-write, and a re-run completes it', async () => {
    const file = await writeLargeAnnotation(await mkdtemp(path.join(directory, 'kill-')), KILL_PREFIX, 1500);
    const { graph } = await loadAnnotation(file);
    const expectedNodes = keysOf(graph).length;

    // The kill must land while the write transaction runs; if the process finishes first, try again.
    let killedWhileWriting = false;
    let attempts = 0;
    let result: { code: number | null; signal: string | null } = { code: null, signal: null };
    while (!killedWhileWriting && attempts < 3) {
      attempts += 1;
      await deleteTestSourceData(db.driver, KILL_PREFIX);
      const child = runCli(file);
      let exited = false;
      void child.done.then(() => (exited = true));
      const deadline = Date.now() + 30_000;
      while (!exited && Date.now() < deadline) {
        if (await ingestionWriting()) {
          process.kill(child.pid, 'SIGKILL');
          killedWhileWriting = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      result = await child.done;
    }
    expect(killedWhileWriting).toBe(true);
    expect(result.signal).toBe('SIGKILL');

    // Neo4j rolls the transaction back once it sees the connection gone; wait for that, then look.
    const settle = Date.now() + 20_000;
    while ((await ingestionWriting()) && Date.now() < settle) await new Promise((resolve) => setTimeout(resolve, 100));
    const afterKill = await prefixedNodeCount(db.driver, KILL_PREFIX);
    expect([0, expectedNodes]).toContain(afterKill);
    const killedCounts = await sourceCounts(db.driver, graph.source.key);
    expect(killedCounts.source === 0 ? killedCounts.nodes : killedCounts.nodes).toBe(
      killedCounts.source === 0 ? 0 : 1 + graph.claims.length + graph.figures.length + graph.projections.length,
    );

    const rerun = await runCli(file).done;
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(await prefixedNodeCount(db.driver, KILL_PREFIX)).toBe(expectedNodes);
    const complete = await sourceCounts(db.driver, graph.source.key);
    expect(complete).toMatchObject({ source: 1, nodes: 1 + graph.claims.length + graph.figures.length });
    recordReliability({
      kind: 'fault',
      fault: 'ingestion CLI killed with SIGKILL while writing a 1,500-claim document',
      injected: 1,
      survived: true,
      detail: { attempts, afterKill: afterKill === 0 ? 'absent' : 'whole', rerun: 'complete', nodes: expectedNodes },
    });
  }, 90_000);

  it('gives the same graph when ten processes ingest the same document at once as when one does', async () => {
    const file = await writeLargeAnnotation(await mkdtemp(path.join(directory, 'race-')), RACE_PREFIX, 300);
    const { graph } = await loadAnnotation(file);
    await deleteTestSourceData(db.driver, RACE_PREFIX);

    const results = await Promise.all(Array.from({ length: 10 }, () => runCli(file).done));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const concurrent = {
      nodes: await prefixedNodeCount(db.driver, RACE_PREFIX),
      source: await sourceCounts(db.driver, graph.source.key),
    };
    const duplicates = await db.driver.executeQuery(
      `MATCH (a)-[r]->(b) WHERE a.id STARTS WITH $prefix AND b.id STARTS WITH $prefix
       WITH a, b, type(r) AS type, count(*) AS copies WHERE copies > 1 RETURN count(*) AS duplicated`,
      { prefix: RACE_PREFIX },
    );
    expect(duplicates.records[0]?.get('duplicated')).toBe(0);

    // One run from scratch, for comparison.
    await deleteTestSourceData(db.driver, RACE_PREFIX);
    const single = await runCli(file).done;
    expect(single.code).toBe(0);
    const once = {
      nodes: await prefixedNodeCount(db.driver, RACE_PREFIX),
      source: await sourceCounts(db.driver, graph.source.key),
    };
    expect(concurrent).toEqual(once);
    expect(once.nodes).toBe(keysOf(graph).length);
    recordReliability({
      kind: 'fault',
      fault: 'the same document ingested by ten processes at once',
      injected: 10,
      survived: true,
      detail: {
        nodes: once.nodes,
        relationships: once.source.relationships,
        failedProcesses: results.filter((r) => r.code !== 0).length,
      },
    });
  }, 90_000);
});
