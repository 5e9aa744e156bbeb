// npm run bench -- --size small|medium|large [--duration 5] [--warmup 2] [--connections 1,8,32]
//                  [--ops lineage,nestedPage,...] [--clean] [--smoke [--keep]] [--tag NAME]
// Starts (or reuses) Neo4j, loads the generated data if needed, starts this service, an
// @neo4j/graphql server and the raw-Cypher baseline, checks that all three answer every operation
// correctly and identically, then drives each with autocannon. --smoke: check + a short load per
// server and operation, asserting no errors (never a time); cleans the bench data afterwards
// unless --keep. --clean: remove the bench data after a full run too.
/* global fetch, setTimeout */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual, parseArgs } from 'node:util';

import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';

import { build, ensureNeo4j, openDriver, root, settle } from './lib/db.mjs';
import { CLAIMS_PER_CODENAME, CLAIMS_PER_SOURCE, PREFIX, codename, shapeOf } from './lib/generate.mjs';
import { benchState, clean, loadBulk, migrate } from './lib/load.mjs';
import {
  OPERATIONS,
  PAGE_SIZE,
  SERVERS,
  SERVER_NAMES,
  WALK_PAGES,
  readResponse,
  requestBody,
} from './lib/operations.mjs';
import { renderMarkdown, updateReadme } from './lib/report.mjs';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '1,8,32' },
    ops: { type: 'string', default: Object.keys(OPERATIONS).join(',') },
    smoke: { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    tag: { type: 'string' },
  },
});
const size = args.size;
const shape = shapeOf(size);
const opNames = args.ops.split(',');
const connections = args.connections.split(',').map(Number);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const log = (...parts) => console.log('[bench]', ...parts);

// BENCH_PORT_BASE moves the three servers (default 4100-4102), e.g. beside another checkout's run.
const PORT_BASE = Number(process.env.BENCH_PORT_BASE || 4100);
const PORTS = { ours: PORT_BASE, n4j: PORT_BASE + 1, raw: PORT_BASE + 2 };
const URLS = {
  ours: `http://127.0.0.1:${PORTS.ours}/graphql`,
  n4j: `http://127.0.0.1:${PORTS.n4j}/`,
  raw: `http://127.0.0.1:${PORTS.raw}/`,
};

// ---------------------------------------------------------------- servers

const children = {};

function startServer(server) {
  const nodeArgs = process.env.BENCH_CPU_PROF
    ? [
        `--require=${path.join(root, 'bench', 'lib', 'exit-on-sigterm.cjs')}`,
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(root, 'bench', 'profiles')}`,
        `--cpu-prof-name=${server}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const script = {
    ours: [path.join(root, 'dist', 'main.js'), '--no-local-neo4j'],
    n4j: [path.join(root, 'bench', 'servers', 'neo4j-graphql.mjs')],
    raw: [path.join(root, 'bench', 'servers', 'raw.mjs')],
  }[server];
  const child = spawn(process.execPath, [...nodeArgs, ...script], {
    cwd: root,
    env: { ...process.env, PORT: String(PORTS[server]), HOST: '127.0.0.1', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children[server] = child;
  return child;
}

async function post(server, body) {
  const response = await fetch(URLS[server], { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.text();
}

async function waitUntilUp(server) {
  const probe = server === 'raw' ? null : JSON.stringify({ query: '{ __typename }' });
  for (let i = 0; i < 240; i += 1) {
    if (children[server].exitCode !== null)
      throw new Error(`${server} server exited with ${children[server].exitCode}`);
    try {
      if (probe) {
        const text = await post(server, probe);
        if (text.includes('Query')) return;
      } else {
        const response = await fetch(URLS.raw, { method: 'GET' }).catch(() => null);
        if (response) return;
      }
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${server} server did not start`);
}

/** Peak resident memory (VmHWM) of a server process, in MiB. */
function peakMemoryMiB(server) {
  try {
    const status = readFileSync(`/proc/${children[server].pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function stopServers() {
  await Promise.all(
    Object.values(children).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
}

// ---------------------------------------------------------------- fixtures

const claimIdOf = (ordinal) =>
  `${PREFIX}claim-${String(Math.floor(ordinal / CLAIMS_PER_SOURCE)).padStart(6, '0')}-${String(ordinal % CLAIMS_PER_SOURCE).padStart(2, '0')}`;

async function fixtures(driver) {
  const ids = async (query, params = {}) =>
    (await driver.executeQuery(query, params, { database: 'neo4j' })).records.map((r) => r.get(0));
  const [total] = await ids('MATCH (c:Claim) RETURN count(c)');
  const deepOffset = Math.min(50_000, Math.floor(total / 2));
  const [deepAfterId, deepFirstId] = await ids('MATCH (c:Claim) RETURN c.id ORDER BY c.id SKIP $skip LIMIT 2', {
    skip: neo4j.int(deepOffset - 1),
  });
  const firstThousand = await ids('MATCH (c:Claim) RETURN c.id ORDER BY c.id LIMIT $n', {
    n: neo4j.int(PAGE_SIZE * WALK_PAGES),
  });
  const spread = (n, count, make) => Array.from({ length: count }, (_, i) => make(Math.floor((i * n) / count)));
  const searchCodes = spread(shape.codenames, 20, (n) => n);
  return {
    totalClaims: total,
    deepOffset,
    deepAfterId,
    deepFirstId,
    firstThousand,
    lineageIds: spread(shape.sources, 20, (i) => claimIdOf(i * CLAIMS_PER_SOURCE)),
    metricIds: spread(shape.metrics, 20, (i) => `${PREFIX}metric-${String(i).padStart(5, '0')}`),
    searchTerms: searchCodes.map(codename),
    expectedSearch: Object.fromEntries(
      searchCodes.map((n) => [
        codename(n),
        Array.from({ length: CLAIMS_PER_CODENAME }, (_, j) => n + j * shape.codenames)
          .filter((ordinal) => ordinal < shape.claims)
          .map(claimIdOf)
          .sort(),
      ]),
    ),
  };
}

// ---------------------------------------------------------------- correctness and identity

function assert(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const ascending = (list) => list.every((x, i) => i === 0 || list[i - 1] < x);

/** Correct by the generator's own account of the data (not only equal across servers). */
function assertCorrect(name, params, canonical, f) {
  switch (name) {
    case 'lineage':
      assert(canonical.id === params.id, `lineage of ${params.id} answered ${canonical.id}`);
      assert(canonical.source.id === `${PREFIX}source-${params.id.slice(12, 18)}`, `lineage source of ${params.id}`);
      assert(canonical.speaker && canonical.role, `lineage speaker and role of ${params.id}`);
      break;
    case 'nestedPage':
      assert(canonical.length === PAGE_SIZE, 'nested page size');
      assert(
        isDeepStrictEqual(
          canonical.map((c) => c.id),
          f.firstThousand.slice(0, PAGE_SIZE),
        ),
        'nested page ids',
      );
      assert(
        canonical.every((c) => c.source && c.speaker && c.metrics.length > 0),
        'nested page relations',
      );
      break;
    case 'figureSeries': {
      assert(canonical.length > 0, `figures of ${params.id}`);
      const keys = canonical.map((x) => `${x.start}|${x.id}`);
      assert(ascending(keys), `figure series of ${params.id} in period order`);
      break;
    }
    case 'search':
      assert(
        isDeepStrictEqual(
          canonical.map((h) => h.id),
          f.expectedSearch[params.term],
        ),
        `search "${params.term}" found ${canonical.map((h) => h.id)}`,
      );
      break;
    case 'deepPage':
      assert(
        canonical.length === PAGE_SIZE && canonical[0].id === f.deepFirstId,
        `deep page starts at ${f.deepFirstId}`,
      );
      assert(ascending(canonical.map((c) => c.id)), 'deep page order');
      break;
    case 'walk':
      assert(
        isDeepStrictEqual(
          canonical.map((c) => c.id),
          f.firstThousand,
        ),
        'walk visits the first 1,000 claims in order',
      );
      break;
  }
}

/** Asks every server every operation (a few parameter sets each); returns round trips per op and server. */
async function checkAll(f) {
  const roundTrips = {};
  for (const name of opNames) {
    const op = OPERATIONS[name];
    roundTrips[name] = {};
    const samples = name === 'walk' ? 1 : 3;
    for (let i = 0; i < samples; i += 1) {
      const params = op.params(f, i * 7);
      const answers = {};
      for (const server of SERVERS) {
        if (name === 'walk') {
          const items = [];
          let cursor = null;
          let trips = 0;
          for (let page = 0; page < WALK_PAGES; page += 1) {
            const body = requestBody(server, name, { cursor, page });
            const { data, roundTrips: rt } = readResponse(server, await post(server, body));
            items.push(...op.normalize[server](data));
            cursor = op.cursorOf[server](data);
            trips = Math.max(trips, rt ?? 0);
          }
          answers[server] = items;
          roundTrips[name][server] = trips;
        } else {
          const { data, roundTrips: rt } = readResponse(server, await post(server, requestBody(server, name, params)));
          answers[server] = op.normalize[server](data);
          roundTrips[name][server] = Math.max(roundTrips[name][server] ?? 0, rt ?? 0);
        }
        assertCorrect(name, params, answers[server], f);
      }
      for (const server of SERVERS.slice(1)) {
        if (!isDeepStrictEqual(answers[server], answers.ours)) {
          const a = JSON.stringify(answers.ours);
          const b = JSON.stringify(answers[server]);
          let at = 0;
          while (a[at] === b[at]) at += 1;
          throw new Error(
            `check failed: ${name} differs between ${SERVER_NAMES.ours} and ${SERVER_NAMES[server]} at\n  ours: ${a.slice(Math.max(0, at - 80), at + 120)}\n  ${server}: ${b.slice(Math.max(0, at - 80), at + 120)}`,
          );
        }
      }
    }
    log(
      `check ${name}: correct and identical on ${SERVERS.length} servers; round trips`,
      JSON.stringify(roundTrips[name]),
    );
  }
  return roundTrips;
}

// ---------------------------------------------------------------- load

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (x) => (x == null ? null : Math.round(x * 100) / 100);

/** One autocannon run against one server; returns req/s, latency percentiles, errors. */
async function drive(server, name, f, { conns, seconds, strict }) {
  const op = OPERATIONS[name];
  let counter = 0;
  const latencies = [];
  let bodyErrors = 0;
  const instance = autocannon({
    url: URLS[server],
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: conns,
    duration: seconds,
    requests: [
      {
        setupRequest: (request, context) => {
          const params =
            name === 'walk' ? { cursor: context.cursor ?? null, page: context.pages ?? 0 } : op.params(f, counter++);
          return { ...request, body: requestBody(server, name, params) };
        },
        onResponse: (status, body, context) => {
          if (strict && /"errors"\s*:/.test(body)) bodyErrors += 1;
          if (name !== 'walk' || status !== 200) return;
          context.pages = (context.pages ?? 0) + 1;
          if (context.pages >= WALK_PAGES) {
            context.pages = 0;
            context.cursor = null;
          } else if (server !== 'n4j') {
            context.cursor = op.cursorOf[server](JSON.parse(body).data);
          }
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50: ms(percentile(latencies, 50)),
    p95: ms(percentile(latencies, 95)),
    p99: ms(percentile(latencies, 99)),
    errors: result.errors + result.non2xx + result.timeouts + bodyErrors,
  };
}

// ---------------------------------------------------------------- main

/** Loads the generated data unless the database holds exactly this size already; the load's figures, or null. */
async function ensureData(driver) {
  const state = await benchState(driver);
  if (state.size === size && state.claims === shape.claims) {
    log(`reusing loaded ${size} data (${state.claims} bench claims)`);
    return null;
  }
  if (state.claims > 0 || state.size) {
    log(`replacing loaded bench data (${state.size ?? 'partial'}, ${state.claims} claims)`);
    await clean(driver);
  }
  log(`loading ${size} (${shape.claims} claims) with batched UNWIND`);
  const load = await loadBulk(driver, size);
  log(`loaded ${load.claims} claims in ${load.seconds.toFixed(1)} s: ${Math.round(load.claimsPerSecond)} claims/s`);
  return load;
}

/** --smoke: a second of load per server and operation, which must answer every request without an error. */
async function smoke(f) {
  for (const name of opNames) {
    for (const server of SERVERS) {
      const run = await drive(server, name, f, { conns: 4, seconds: 1, strict: true });
      assert(
        run.errors === 0 && run.requests > 0,
        `${name} on ${server}: ${run.errors} errors, ${run.requests} requests`,
      );
    }
  }
  log('smoke: every server answered every operation correctly, identically and without errors under load');
}

/** Every operation at every concurrency on every server, warmed up first; the servers take turns going first. */
async function measure(f, roundTrips, driver) {
  const runs = [];
  let turn = 0;
  for (const name of opNames) {
    for (const conns of connections) {
      const order = SERVERS.map((_, i) => SERVERS[(i + turn) % SERVERS.length]);
      turn += 1;
      for (const server of order) {
        // Each run starts on an idle database: what the previous server left running is waited for.
        if (process.env.BENCH_NO_SETTLE !== '1') {
          const settled = await settle(driver);
          if (settled.running > 0) log(`before ${name} c=${conns} ${server}: ${JSON.stringify(settled)}`);
        }
        await drive(server, name, f, { conns, seconds: warmup, strict: false });
        const run = await drive(server, name, f, { conns, seconds: duration, strict: false });
        runs.push({ op: name, server, connections: conns, ...run, roundTrips: roundTrips[name][server] });
        log(
          `${name.padEnd(12)} c=${String(conns).padEnd(2)} ${server.padEnd(4)} ${String(run.reqPerSec).padStart(8)} req/s  p50 ${run.p50} ms  p95 ${run.p95} ms  p99 ${run.p99} ms  errors ${run.errors}`,
        );
      }
    }
  }
  return runs;
}

/** bench/results/<date>-<size>[-tag].json, its tables printed and, untagged, in bench/README.md. */
function writeResults({ startedAt, f, load, roundTrips, memory, runs }) {
  const results = {
    date: startedAt.toISOString(),
    size,
    shape,
    totalClaims: f.totalClaims,
    deepOffset: f.deepOffset,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: { duration, warmup, connections, loadGenerator: 'autocannon (programmatic, same host)' },
    load,
    roundTrips,
    peakMemoryMiB: memory,
    runs,
  };
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const suffix = args.tag ? `-${args.tag}` : '';
  const file = path.join(dir, `${startedAt.toISOString().slice(0, 10)}-${size}${suffix}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`results: ${path.relative(root, file)}`);
  const markdown = renderMarkdown(results);
  console.log(markdown);
  if (!args['no-readme'] && !args.tag) updateReadme(size, markdown);
  // Keep `prettier --check .` clean for what the run wrote.
  spawnSync('npx', ['prettier', '--write', file, path.join(root, 'bench', 'README.md')], {
    cwd: root,
    stdio: 'ignore',
  });
}

async function main() {
  ensureNeo4j();
  build();
  const driver = openDriver();
  const startedAt = new Date();
  try {
    await migrate(driver);
    const load = await ensureData(driver);

    for (const server of SERVERS) startServer(server);
    await Promise.all(SERVERS.map(waitUntilUp));
    log('servers up:', SERVERS.map((s) => `${SERVER_NAMES[s]} ${URLS[s]}`).join(', '));

    const f = await fixtures(driver);
    log(`${f.totalClaims} claims in the database; deep page after offset ${f.deepOffset}`);
    const roundTrips = await checkAll(f);

    if (args.smoke) await smoke(f);
    const runs = args.smoke ? [] : await measure(f, roundTrips, driver);
    const memory = Object.fromEntries(SERVERS.map((s) => [s, peakMemoryMiB(s)]));
    await stopServers();
    if (!args.smoke) writeResults({ startedAt, f, load, roundTrips, memory, runs });
  } finally {
    await stopServers();
    if ((args.smoke && !args.keep) || args.clean) {
      const cleaned = await clean(driver);
      log(`bench data removed (${cleaned.deleted} nodes)`);
    }
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
