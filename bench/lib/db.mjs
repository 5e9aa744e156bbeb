// The Neo4j the benchmark uses: the project's local one (scripts/neo4j.mjs) unless NEO4J_URI is set.
import { spawnSync } from 'node:child_process';
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
