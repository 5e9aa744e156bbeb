// Markdown tables from a results file, and their place in bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { root } from './db.mjs';
import { OPERATIONS, SERVER_NAMES } from './operations.mjs';

const fmt = (x, digits = 1) => (x == null ? '–' : Number(x).toFixed(digits));
/** A ratio, or a dash when the other side has nothing to divide by (no request completed in the run). */
const ratio = (a, b) => (a == null || !b ? '–' : `${fmt(a / b, 2)}x`);

/** The runs of each operation and concurrency measured on all three servers, as [op, c, ours, n4j, raw]. */
function comparableRuns(results) {
  const find = (op, server, c) => results.runs.find((r) => r.op === op && r.server === server && r.connections === c);
  const ops = [...new Set(results.runs.map((r) => r.op))];
  return ops.flatMap((op) =>
    results.settings.connections.flatMap((c) => {
      const [a, b, r] = ['ours', 'n4j', 'raw'].map((s) => find(op, s, c));
      return a && b && r ? [[op, c, a, b, r]] : [];
    }),
  );
}

function summary(results) {
  const lines = [
    `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC, size \`${results.size}\` (${results.totalClaims} claims in the database), ` +
      `${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; ` +
      `${results.settings.warmup} s warm-up + ${results.settings.duration} s per run; deep page after offset ${results.deepOffset}.`,
  ];
  if (results.load) {
    lines.push(
      '',
      `Bulk load: ${results.load.claims} claims in ${fmt(results.load.seconds)} s = **${Math.round(results.load.claimsPerSecond)} claims/s**.`,
    );
  }
  return lines;
}

function throughputTable(results) {
  return [
    '',
    '**Throughput** (requests/s; ratios are this service ÷ the other)',
    '',
    '| operation | c | this service | @neo4j/graphql | raw Cypher | ÷ @neo4j/graphql | ÷ raw |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...comparableRuns(results).map(
      ([op, c, a, b, r]) =>
        `| ${OPERATIONS[op].title} | ${c} | ${fmt(a.reqPerSec)} | ${fmt(b.reqPerSec)} | ${fmt(r.reqPerSec)} | ${ratio(a.reqPerSec, b.reqPerSec)} | ${ratio(a.reqPerSec, r.reqPerSec)} |`,
    ),
  ];
}

function latencyTable(results) {
  const cell = (x) => `${fmt(x.p50)} / ${fmt(x.p95)} / ${fmt(x.p99)}`;
  const lines = [
    '',
    '**Latency** (ms, p50 / p95 / p99)',
    '',
    '| operation | c | this service | @neo4j/graphql | raw Cypher | p50 ÷ raw |',
    '| --- | --: | --: | --: | --: | --: |',
    ...comparableRuns(results).map(
      ([op, c, a, b, r]) =>
        `| ${OPERATIONS[op].title} | ${c} | ${cell(a)} | ${cell(b)} | ${cell(r)} | ${ratio(a.p50, r.p50)} |`,
    ),
  ];
  if (results.runs.some((run) => run.reqPerSec === 0)) {
    lines.push(
      '',
      `0 req/s and – : no request of that server completed within the ${results.settings.duration} s run (each took longer).`,
    );
  }
  return lines;
}

function roundTripTable(results) {
  const ops = [...new Set(results.runs.map((r) => r.op))];
  return [
    '',
    '**Database round trips per request** (this service: `extensions.cypherQueries`; the others run one query)',
    '',
    '| operation | this service | @neo4j/graphql | raw Cypher |',
    '| --- | --: | --: | --: |',
    ...ops.map((op) => {
      const rt = results.roundTrips[op] ?? {};
      return `| ${OPERATIONS[op].title} | ${rt.ours ?? '–'} | ${rt.n4j ?? '–'} | ${rt.raw ?? '–'} |`;
    }),
  ];
}

export function renderMarkdown(results) {
  const memory = ['ours', 'n4j', 'raw'].map((s) => `${SERVER_NAMES[s]} ${results.peakMemoryMiB[s]} MiB`).join(', ');
  return [
    ...summary(results),
    ...throughputTable(results),
    ...latencyTable(results),
    ...roundTripTable(results),
    '',
    `**Peak memory** (RSS high-water mark over the whole run): ${memory}.`,
  ].join('\n');
}

/** Replaces the block between `<!-- results:SIZE -->` and `<!-- /results:SIZE -->` in bench/README.md. */
export function updateReadme(size, markdown) {
  const file = path.join(root, 'bench', 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = `<!-- results:${size} -->`;
  const end = `<!-- /results:${size} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) return;
  writeFileSync(file, `${text.slice(0, from + start.length)}\n\n${markdown}\n\n${text.slice(to)}`);
}
