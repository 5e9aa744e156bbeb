import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './service-process';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'neo4j.mjs');

/**
 * A second, throw-away Neo4j (scripts/neo4j.mjs with NEO4J_HOME_DIR in a temp dir and its own
 * ports), for tests that stop and start the database: the shared one on 7687 is never touched.
 */
export interface Neo4jInstance {
  uri: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Kills the database process with SIGKILL (a crash, or a pulled plug) and waits until it is gone. */
  kill(): Promise<void>;
  /** Kills it (SIGKILL, fast) if it runs and deletes its directory. */
  destroy(): Promise<void>;
}

/** Ports default to free ones picked at random (7688/7475 may be taken by someone else's instance). */
export async function createNeo4jInstance(
  options: { boltPort?: number; httpPort?: number } = {},
): Promise<Neo4jInstance> {
  const boltPort = options.boltPort ?? (await freePort());
  const httpPort = options.httpPort ?? (await freePort());
  const home = await mkdtemp(path.join(os.tmpdir(), 'neo4j-instance-'));
  // Reuse the Maven classpath the main instance resolved, so no second resolution runs.
  const classpath = path.join(ROOT, '.neo4j-data', 'classpath.txt');
  if (existsSync(classpath)) await copyFile(classpath, path.join(home, 'classpath.txt'));
  const env = {
    ...process.env,
    NEO4J_HOME_DIR: home,
    NEO4J_BOLT_PORT: String(boltPort),
    NEO4J_HTTP_PORT: String(httpPort),
    NEO4J_HEAP: '256m',
    NEO4J_PAGECACHE: '64m',
  };
  const run = (command: string) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT, command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`neo4j.mjs ${command} exited ${code}:\n${output}`)),
      );
    });
  async function kill(): Promise<void> {
    const pid = Number((await readFile(path.join(home, 'neo4j.pid'), 'utf8').catch(() => '')).trim());
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    uri: `bolt://127.0.0.1:${boltPort}`,
    start: () => run('start'),
    stop: () => run('stop'),
    kill,
    async destroy() {
      await kill();
      await rm(home, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
