import { spawn, type ChildProcess } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { childEnv, compileEntry, PROJECT_ROOT } from './reliability';

/** A loopback port nothing listens on now (other developers run services and Neo4j instances too). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The exit code, or null if the process was ended by a signal. */
  exited: Promise<number | null>;
}

/**
 * Compiles src/main.ts into `buildDir`, with seed/ linked beside the build as `npm start` finds it
 * beside dist/; returns the compiled entry point for spawnService.
 */
export async function buildService(buildDir: string): Promise<string> {
  const main = await compileEntry(buildDir, 'main.ts');
  await symlink(path.join(PROJECT_ROOT, 'seed'), path.join(buildDir, 'seed'));
  return main;
}

/** Waits for /ready; a child that dies first fails the test with what it wrote to stderr. */
async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the service exited with ${child.exitCode} before it was ready:\n${stderr}`);
    }
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within 60 s:\n${stderr}`);
}

/**
 * Runs the compiled service as its own process on a free port against NEO4J_URI, and resolves once
 * /ready answers 200. `env` adds configuration variables.
 */
export async function spawnService(main: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [main, '--no-local-neo4j'], {
    // As in a deployment, not NODE_ENV=test: Apollo's signal handling differs under 'test', which
    // once hid a shutdown that hung on SIGTERM.
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url, port, child, exited };
}
