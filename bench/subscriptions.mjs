// npm run bench:subscriptions -- [--size small|medium] [--duration 10] [--writers 4]
//                                 [--subscribers 20] [--readers 8] [--no-readme]
// Live updates through one instance: subscribers on claimUpdated for a few bench claims,
// writers publishing reviews of them as fast as the service takes them, and (with --readers > 0)
// the medium read load (claim lineage by id, as `npm run bench` drives it) at the same time.
// Reports events delivered per second and the delay to the client receiving each event, p50 and
// p99: from the write transaction's clock (ClaimEvent.writtenAt) and from the writer's answer. Removes the reviews and
// outbox events it wrote.
/* global fetch */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import { createClient } from 'graphql-ws';
import neo4j from 'neo4j-driver';
import WebSocket from 'ws';

import { build, ensureNeo4j, openDriver, root } from './lib/db.mjs';
import { PREFIX, shapeOf } from './lib/generate.mjs';
import { benchState, clean, loadBulk, migrate } from './lib/load.mjs';
import { OPERATIONS } from './lib/operations.mjs';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'medium' },
    duration: { type: 'string', default: '10' },
    writers: { type: 'string', default: '4' },
    subscribers: { type: 'string', default: '20' },
    readers: { type: 'string', default: '8' },
  },
});
const size = args.size;
const duration = Number(args.duration);
const writers = Number(args.writers);
const subscribers = Number(args.subscribers);
const readers = Number(args.readers);
const PORT = 4103;
const URL = `http://127.0.0.1:${PORT}/graphql`;
const REVIEWER = 'Bearer dev-reviewer-token';
const MARKER = `bench subscription review ${Date.now()}`;
const log = (...parts) => console.log('[bench:subscriptions]', ...parts);

const toGlobal = (type, id) => Buffer.from(`${type}:${id}`).toString('base64url');
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function ensureData(driver) {
  await migrate(driver);
  const shape = shapeOf(size);
  const state = await benchState(driver);
  if (state.size === size && state.claims === shape.claims) return log(`reusing loaded ${size} data`);
  if (state.claims > 0 || state.size) await clean(driver);
  log(`loading ${size} (${shape.claims} claims)`);
  await loadBulk(driver, size);
}

async function benchClaimIds(driver, count) {
  const { records } = await driver.executeQuery(
    'MATCH (c:Claim) WHERE c.id STARTS WITH $prefix RETURN c.id AS id ORDER BY c.id LIMIT $count',
    { prefix: PREFIX, count: neo4j.int(count) },
  );
  return records.map((record) => record.get('id'));
}

async function startService() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'main.js'), '--no-local-neo4j'], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${PORT}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
    await sleep(500);
  }
  throw new Error('the service did not start');
}

/** Subscribers spread over the watched claims; every event's delay is recorded as it arrives. */
function subscribeAll(claimIds, delays) {
  const clients = [];
  for (let index = 0; index < subscribers; index += 1) {
    const client = createClient({ url: URL.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    client.subscribe(
      {
        query: 'subscription ($claim: ID!) { claimUpdated(claim: $claim) { sequence writtenAt review { id } } }',
        variables: { claim: toGlobal('Claim', claimIds[index % claimIds.length]) },
      },
      {
        next: ({ data }) =>
          delays.push({
            receivedAt: Date.now(),
            writtenAt: Date.parse(data.claimUpdated.writtenAt),
            review: data.claimUpdated.review.id,
          }),
        error: (error) => log('subscription error', error),
        complete: () => undefined,
      },
    );
  }
  return clients;
}

/**
 * `writers` loops publishing reviews of the watched claims until `until`; records when each
 * writer had its answer (so after the commit), by review id.
 */
async function writeReviews(claimIds, until, answeredAt) {
  let written = 0;
  const loop = async (offset) => {
    for (let index = offset; Date.now() < until; index += writers) {
      const response = await fetch(URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: REVIEWER },
        body: JSON.stringify({
          query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          variables: {
            input: { claim: toGlobal('Claim', claimIds[index % claimIds.length]), rating: 3, explanation: MARKER },
          },
        }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      answeredAt.set(body.data.reviewClaim.id, Date.now());
      written += 1;
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, offset) => loop(offset)));
  return written;
}

/** The read load of `npm run bench`'s lineage operation (claim lineage by id), `readers` connections. */
function readLoad(lineageIds) {
  if (readers === 0) return null;
  let next = 0;
  return autocannon({
    url: URL,
    connections: readers,
    duration: duration + 2,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(OPERATIONS.lineage.ours({ id: lineageIds[(next += 1) % lineageIds.length] })),
        }),
      },
    ],
  });
}

async function main() {
  ensureNeo4j();
  build();
  const driver = openDriver();
  let service;
  const clients = [];
  try {
    await ensureData(driver);
    const [watched, lineageIds] = [await benchClaimIds(driver, 5), await benchClaimIds(driver, 2000)];
    service = await startService();
    const delays = [];
    clients.push(...subscribeAll(watched, delays));
    await sleep(1000);

    const reads = readLoad(lineageIds);
    await sleep(reads ? 1000 : 0);
    const started = Date.now();
    const answeredAt = new Map();
    const written = await writeReviews(watched, started + duration * 1000, answeredAt);
    const seconds = (Date.now() - started) / 1000;
    await sleep(1000); // the last events in flight
    const readResult = reads ? await reads : null;

    const expected = written * (subscribers / watched.length);
    const spread = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
    };
    const result = {
      date: new Date().toISOString(),
      size,
      seconds: Number(seconds.toFixed(1)),
      writers,
      subscribers,
      readers,
      reviewsWritten: written,
      writesPerSecond: Math.round(written / seconds),
      eventsDelivered: delays.length,
      eventsExpected: Math.round(expected),
      eventsPerSecond: Math.round(delays.length / seconds),
      // From the transaction's clock: an upper bound, as it includes the wait for the outbox lock.
      delayFromWriteMs: spread(delays.map((each) => each.receivedAt - each.writtenAt)),
      // From the writer holding its answer: after the commit, so a lower bound (negative when the
      // event beat the HTTP response).
      delayFromAnswerMs: spread(delays.map((each) => each.receivedAt - answeredAt.get(each.review))),
      readLoad: readResult
        ? {
            requestsPerSecond: Math.round(readResult.requests.average),
            p50Ms: readResult.latency.p50,
            p99Ms: readResult.latency.p99,
            errors: readResult.errors + readResult.non2xx,
          }
        : null,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    const file = path.join(
      root,
      'bench',
      'results',
      `${result.date.slice(0, 10)}-subscriptions-${size}-s${subscribers}-r${readers}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(root, file)}`);
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    if (service) service.kill('SIGTERM');
    await driver.executeQuery(
      `MATCH (r:Review {explanation: $marker}) OPTIONAL MATCH (e:OutboxEvent {subjectKey: r.id})
       DETACH DELETE r, e`,
      { marker: MARKER },
    );
    await driver.close();
  }
}

await main();
