// npm run bench:cpu [-- --duration 10 --connections 8]
// Where one request's CPU goes: drives one instance of the service with the documented queries
// (docs/queries) on the article's graph and reads, from /proc, the CPU time the service process and
// the Neo4j process spent meanwhile. CPU milliseconds per request on each side say how many service
// replicas one Neo4j server can feed (docs/scaling.md). Linux only; the local Neo4j only (its PID
// file), since the CPU of a remote database cannot be read from here.
/* global fetch */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { build, ensureNeo4j, root } from './lib/db.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '8' },
  },
});
const PORT = 4110;
const URL = `http://127.0.0.1:${PORT}/graphql`;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

if (process.env.NEO4J_URI) throw new Error('bench:cpu reads the local Neo4j process; unset NEO4J_URI');
const neo4jHome = path.resolve(root, process.env.NEO4J_HOME_DIR || '.neo4j-data');

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const query = (name) => readFileSync(path.join(root, 'docs', 'queries', `${name}.graphql`), 'utf8');

async function post(body) {
  const response = await fetch(URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json;
}

function drive(body, seconds, connections) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: URL,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

ensureNeo4j();
build();
const neo4jPid = Number(readFileSync(path.join(neo4jHome, 'neo4j.pid'), 'utf8').trim());
const service = spawn(process.execPath, [path.join(root, 'dist', 'main.js'), '--no-local-neo4j'], {
  cwd: root,
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let attempt = 0; ; attempt += 1) {
    if (service.exitCode !== null) throw new Error(`the service exited with ${service.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${PORT}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (attempt > 240) throw new Error('the service did not become ready');
    await sleep(250);
  }
  const first = await post(JSON.stringify({ query: '{ claims(first: 1) { edges { node { id } } } }' }));
  const claimId = first.data.claims.edges[0].node.id;
  const operations = {
    'claim lineage (docs/queries/ClaimLineage.graphql)': { query: query('ClaimLineage'), variables: { id: claimId } },
    'page of 20 claims (docs/queries/ClaimsPage.graphql)': { query: query('ClaimsPage'), variables: { first: 20 } },
    'search (docs/queries/Search.graphql)': { query: query('Search'), variables: { query: 'charging' } },
  };
  const connections = Number(args.connections);
  const rows = [];
  for (const [name, operation] of Object.entries(operations)) {
    const body = JSON.stringify(operation);
    const { extensions } = await post(body);
    await drive(body, Number(args.warmup), connections);
    const before = { service: cpuSeconds(service.pid), neo4j: cpuSeconds(neo4jPid), driver: process.cpuUsage() };
    const result = await drive(body, Number(args.duration), connections);
    const driverCpu = process.cpuUsage(before.driver);
    const requests = result.requests.total;
    const perRequest = (seconds) => Math.round(((seconds * 1000) / requests) * 1000) / 1000;
    rows.push({
      operation: name,
      connections,
      requestsPerSecond: Math.round(result.requests.average * 10) / 10,
      errors: result.errors + result.non2xx,
      cypherStatements: extensions?.cypherQueries ?? null,
      cpuMsPerRequest: {
        service: perRequest(cpuSeconds(service.pid) - before.service),
        neo4j: perRequest(cpuSeconds(neo4jPid) - before.neo4j),
        loadGenerator: perRequest((driverCpu.user + driverCpu.system) / 1e6),
      },
    });
  }
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  const report = { date: new Date().toISOString(), machine, node: process.version, duration: args.duration, rows };
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const file = path.join(root, 'bench', 'results', `${report.date.slice(0, 10)}-cpu-split.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    '| operation | c | req/s | statements | service CPU ms/req | Neo4j CPU ms/req | load generator CPU ms/req |',
  );
  console.log('| --- | --: | --: | --: | --: | --: | --: |');
  for (const row of rows) {
    const cpu = row.cpuMsPerRequest;
    console.log(
      `| ${row.operation} | ${row.connections} | ${row.requestsPerSecond} | ${row.cypherStatements} | ${cpu.service} | ${cpu.neo4j} | ${cpu.loadGenerator} |`,
    );
  }
  console.log(`\nwritten to ${path.relative(root, file)}`);
  if (rows.some((row) => row.errors > 0)) process.exitCode = 1;
} finally {
  service.kill('SIGTERM');
}
