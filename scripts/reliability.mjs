#!/usr/bin/env node
// `npm run reliability`: runs the reliability tests (tests/integration/reliability-*.int.test.ts)
// with RELIABILITY_REPORT_FILE set, so each records what it tried; then writes reliability/report.json
// and prints: inputs tried by category, faults injected and survived, acknowledged writes lost
// (must be 0) and the service's memory across the load runs; and, when `npm run fuzz` has written
// reliability/fuzz.json, the fuzzing figures with "process exits under fuzzing" (must be 0).
// Exit code: non-zero if a test failed, a write was lost or the service process exited under fuzzing.
//
//   npm run reliability                 short load runs (3 s each), as in npm test
//   npm run reliability:long            RELIABILITY_LONG=1: three 60 s load runs at 64 connections
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'reliability');
const lines = path.join(outDir, 'report.jsonl');
fs.mkdirSync(outDir, { recursive: true });
fs.rmSync(lines, { force: true });

const started = Date.now();
const jest = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--runInBand',
    'tests/integration/reliability-',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, RELIABILITY_REPORT_FILE: lines } },
);

const entries = fs.existsSync(lines)
  ? fs
      .readFileSync(lines, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const of = (kind) => entries.filter((entry) => entry.kind === kind);

const inputs = new Map();
for (const entry of of('input')) {
  const total = inputs.get(entry.category) ?? { category: entry.category, tried: 0, refused: 0, graphUnchanged: true };
  total.tried += entry.tried;
  total.refused += entry.refused;
  total.graphUnchanged &&= entry.unchanged;
  inputs.set(entry.category, total);
}
const properties = of('property').map(({ category, runs, failures }) => ({ category, runs, failures }));
const faults = of('fault').map(({ fault, injected, survived, detail }) => ({ fault, injected, survived, detail }));
const writes = of('writes').map(({ scenario, acknowledged, lost }) => ({ scenario, acknowledged, lost }));
const load = of('load').map(({ at: _at, kind: _kind, ...run }) => run);
const lost = writes.reduce((sum, entry) => sum + entry.lost, 0);
const heap = load.map((run) => run.heapUsedMb);

// Written by `npm run fuzz` (tests/fuzz/run.ts), which CI runs before this script.
const fuzzFile = path.join(outDir, 'fuzz.json');
const fuzzRun = fs.existsSync(fuzzFile) ? JSON.parse(fs.readFileSync(fuzzFile, 'utf8')) : null;
const fuzz = fuzzRun && {
  generatedAt: fuzzRun.generatedAt,
  seed: fuzzRun.seed,
  durationSeconds: fuzzRun.durationSeconds,
  operationsCovered: fuzzRun.operations.covered,
  operationsTotal: fuzzRun.operations.total,
  cases: fuzzRun.cases,
  casesByToken: fuzzRun.casesByToken,
  failuresByKind: fuzzRun.failures.byKind,
  processExitsUnderFuzzing: fuzzRun.processExits,
};

const report = {
  generatedAt: new Date().toISOString(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  testsPassed: jest.status === 0,
  inputs: [...inputs.values()],
  properties,
  faults,
  writes: { scenarios: writes, acknowledged: writes.reduce((sum, entry) => sum + entry.acknowledged, 0), lost },
  load: {
    runs: load,
    heapGrowthMb: heap.length > 1 ? Math.round((heap[heap.length - 1] - heap[0]) * 10) / 10 : null,
  },
  ...(fuzz ? { fuzz } : {}),
};
// Formatted as Prettier would, so `prettier --check .` stays clean whether or not the file is ignored.
const reportFile = path.join(outDir, 'report.json');
const prettier = await import('prettier');
const prettierOptions = (await prettier.resolveConfig(reportFile)) ?? {};
fs.writeFileSync(
  reportFile,
  await prettier.format(JSON.stringify(report), { ...prettierOptions, filepath: reportFile }),
);

const table = (title, rows) => {
  console.log(`\n${title}`);
  if (rows.length === 0) console.log('  (none recorded)');
  else console.table(rows);
};
console.log('\n==================== reliability report ====================');
table('Bad input, by category (each refused with a code; graph counts compared before and after)', report.inputs);
table('Property-based tests (fast-check)', properties);
table(
  'Faults injected',
  faults.map(({ fault, injected, survived, detail }) => ({
    fault,
    injected,
    survived,
    detail: JSON.stringify(detail ?? {}),
  })),
);
table('Acknowledged writes', writes);
table('Load runs (service in a child process; memory after forced GC)', load);
console.log(
  `\nacknowledged writes: ${report.writes.acknowledged}, lost: ${lost}` +
    (report.load.heapGrowthMb === null
      ? ''
      : `; heap after GC, first to last load run: ${report.load.heapGrowthMb >= 0 ? '+' : ''}${report.load.heapGrowthMb} MB`),
);
if (fuzz) {
  console.log(
    `\nSchema-driven fuzzing (npm run fuzz, ${fuzz.generatedAt}, seed ${fuzz.seed}): ${fuzz.cases} cases in ` +
      `${fuzz.durationSeconds} s, operations covered ${fuzz.operationsCovered} of ${fuzz.operationsTotal}, ` +
      `cases per token ${JSON.stringify(fuzz.casesByToken)}`,
  );
  table(
    'Fuzz failures by kind',
    Object.entries(fuzz.failuresByKind).map(([kind, count]) => ({ kind, count })),
  );
  console.log(`process exits under fuzzing: ${fuzz.processExitsUnderFuzzing}`);
} else {
  console.log('\nSchema-driven fuzzing: no reliability/fuzz.json (run `npm run fuzz` first)');
}
console.log(
  `tests: ${report.testsPassed ? 'passed' : 'FAILED'}; report written to ${path.relative(root, path.join(outDir, 'report.json'))}`,
);
process.exitCode = jest.status !== 0 || lost > 0 || (fuzz?.processExitsUnderFuzzing ?? 0) > 0 ? 1 : 0;
