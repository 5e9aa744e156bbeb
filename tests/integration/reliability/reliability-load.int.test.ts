import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ingestFile } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { recordReliability } from '../../support/reliability-report';
import { deleteTestSourceData, writeLargeAnnotation } from '../../support/reliability';
import { EDITOR_TOKEN, REVIEWER_TOKEN } from '../../support/server';
import {
  buildLoadService,
  runLoad,
  startServiceProcess,
  type LoadRequest,
  type ServiceProcess,
} from '../../reliability/load';

/**
 * Load: autocannon at 64 connections, mixed reads and writes (and two kinds of intended errors),
 * three consecutive runs against the service in a child process. No unexpected answer, no growth of
 * the service's heap after GC from run to run, and every acknowledged review readable afterwards.
 * Short runs (3 s each) in `npm test`; RELIABILITY_LONG=1 runs 60 s each.
 */

const LONG = process.env.RELIABILITY_LONG === '1';
const DURATION_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? (LONG ? 60 : 3));
const CONNECTIONS = 64;
const RUNS = 3;
const PREFIX = 'test-rel-load';
const SOURCE = `${PREFIX}-source`;
const claimGid = (local: string) => toGlobalId('Claim', `${SOURCE}/${local}`);
const TARGET = claimGid('share-exceeded-31');
/**
 * The lineage read is of another claim than the one reviewed: a lineage lists every review of its
 * claim, so reading the reviewed one would grow each response (and the heap) with the writes, which
 * measures data growth, not a leak (a 3 x 60 s run adds ~2,700 reviews).
 */
const READ_TARGET = claimGid('widgets-are-the-future');

async function documentOf(name: string): Promise<string> {
  return readFile(path.join(__dirname, '..', '..', '..', 'docs', 'queries', `${name}.graphql`), 'utf8');
}

describe('reliability: load', () => {
  let db: TestDatabase;
  let directory: string;
  let service: ServiceProcess;
  let requests: LoadRequest[];

  beforeAll(async () => {
    db = await openTestDatabase();
    directory = await mkdtemp(path.join(os.tmpdir(), 'reliability-load-'));
    await deleteTestSourceData(db.driver, PREFIX);
    await ingestFile(db.executor, await writeLargeAnnotation(directory, PREFIX, 20));
    service = await startServiceProcess(await buildLoadService(directory), process.env);
    requests = [
      {
        // Filtered lists (by source or speaker) take ~0.4 s each on the shared graph once a benchmark has loaded
        // it, which would make this a test of that query; the first page of all claims stands for list reads.
        name: 'claims page',
        body: { query: '{ claims(first: 5) { edges { cursor node { id text kind speaker { name } } } } }' },
        expect: 'data',
      },
      {
        name: 'review (write)',
        token: REVIEWER_TOKEN,
        body: {
          query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id rating } }',
          variables: { input: { claim: TARGET, rating: 3, explanation: 'load test review' } },
        },
        expect: 'review',
      },
      {
        name: 'lineage',
        body: { query: await documentOf('ClaimLineage'), variables: { id: READ_TARGET } },
        expect: 'data',
      },
      {
        name: 'search',
        body: { query: await documentOf('Search'), variables: { query: 'gadget counted' } },
        expect: 'data',
      },
      {
        name: 'evidence link (write)',
        token: EDITOR_TOKEN,
        body: {
          query: 'mutation ($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id } }',
          variables: {
            input: { claim: READ_TARGET, evidence: claimGid('gadget-1'), stance: 'SUPPORTS', note: 'load' },
          },
        },
        expect: 'data',
      },
      {
        name: 'review without a token (intended UNAUTHENTICATED)',
        body: {
          query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          variables: { input: { claim: TARGET, rating: 3, explanation: 'no token' } },
        },
        expect: { code: 'UNAUTHENTICATED' },
      },
      {
        name: 'malformed id (intended BAD_USER_INPUT)',
        body: { query: 'query ($id: ID!) { claim(id: $id) { id } }', variables: { id: '%%%' } },
        expect: { code: 'BAD_USER_INPUT' },
      },
      { name: 'topics', body: { query: '{ topics { id name } }' }, expect: 'data' },
    ];
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await deleteTestSourceData(db.driver, PREFIX);
    await rm(directory, { recursive: true, force: true });
    await db.close();
  }, 60_000);

  it(
    `answers ${CONNECTIONS} connections of mixed reads and writes for ${RUNS} x ${DURATION_SECONDS} s without unexpected errors, heap growth or lost writes`,
    async () => {
      const memory: { heapUsedMb: number; rssMb: number }[] = [];
      const acknowledged: string[] = [];
      const unexpected: unknown[] = [];
      // A short warm-up first: JIT, connection pool and caches, so run 1 is not the cold start.
      await runLoad(service.url, requests, { connections: CONNECTIONS, durationSeconds: 1, workDir: directory });
      for (let run = 1; run <= RUNS; run += 1) {
        const outcome = await runLoad(service.url, requests, {
          connections: CONNECTIONS,
          durationSeconds: DURATION_SECONDS,
          workDir: directory,
        });
        const usage = await service.memory();
        memory.push(usage);
        acknowledged.push(...outcome.acknowledgedReviews);
        unexpected.push(...outcome.unexpected);
        recordReliability({
          kind: 'load',
          run,
          durationSeconds: DURATION_SECONDS,
          connections: CONNECTIONS,
          requests: outcome.requests,
          non2xx: outcome.non2xx,
          errors: outcome.errors + outcome.unexpectedCount,
          timeouts: outcome.timeouts,
          latencyP99Ms: outcome.latencyP99Ms,
          requestsPerSecond: Math.round(outcome.requestsPerSecond),
          rssMb: Math.round(usage.rssMb * 10) / 10,
          heapUsedMb: Math.round(usage.heapUsedMb * 10) / 10,
        });
        expect(outcome.errors).toBe(0);
        expect(outcome.timeouts).toBe(0);
        expect(outcome.unexpectedCount).toBe(0);
        expect(outcome.requests).toBeGreaterThan(0);
      }
      expect(unexpected.slice(0, 5)).toEqual([]);

      const ids = acknowledged.map((id) =>
        Buffer.from(id, 'base64url')
          .toString('utf8')
          .replace(/^Review:/, ''),
      );
      const { records } = await db.driver.executeQuery(
        'MATCH (review:Review)-[:REVIEWS]->(:Claim {id: $claim}) WHERE review.id IN $ids RETURN count(review) AS count',
        { ids, claim: `${SOURCE}/share-exceeded-31` },
      );
      const readable = records[0]?.get('count') as number;
      recordReliability({
        kind: 'writes',
        scenario: `reviews acknowledged during the load runs (${RUNS} x ${DURATION_SECONDS} s)`,
        acknowledged: ids.length,
        lost: ids.length - readable,
      });
      expect(ids.length).toBeGreaterThan(0);
      expect(readable).toBe(ids.length);

      // No leak: the heap after GC does not grow from the first run to the last (beyond noise).
      const [first, , last] = memory;
      expect(last!.heapUsedMb).toBeLessThan(first!.heapUsedMb * 1.2 + 5);
    },
    (LONG ? 4 * 60 : 60) * 1000 + RUNS * DURATION_SECONDS * 1000,
  );
});
