#!/usr/bin/env node
// `npm run fuzz`: builds the service (tsc, into dist/) and the fuzzer (tests/fuzz/, bundled with
// esbuild into dist/fuzz/run.cjs), then runs the fuzzer, which starts `node dist/main.js` as a
// child process. Arguments go to the fuzzer (see tests/fuzz/run.ts):
//
//   npm run fuzz -- --seconds 75            time budget (default 60 s)
//   npm run fuzz -- --seed 1234 --runs 500  replay a run: same seed, same number of cases
//
// FUZZ_SKIP_BUILD=1 reuses an existing dist/ (the fuzzer bundle is rebuilt either way; it is quick).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.FUZZ_SKIP_BUILD !== '1') {
  const tsc = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

const outfile = path.join(root, 'dist', 'fuzz', 'run.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'tests', 'fuzz', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
