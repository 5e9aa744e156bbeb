import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The service under fuzzing, as its own process (`node dist/main.js --no-local-neo4j`, what
 * `npm run serve` runs), so a crash shows as a process exit and not as a test runner dying. It
 * listens on 127.0.0.1 only; its output goes to a log file, and the lines it printed while a
 * request was in flight can be read back for a failure report.
 */

export interface Service {
  url: string;
  /** Set once the process has exited: its code or signal. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** The log lines since `mark()` returned `from`. */
  linesSince(from: number): string[];
  mark(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startService(options: {
  root: string;
  port: number;
  logFile: string;
  readyTimeoutMs: number;
}): Promise<Service> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    // One info line per request would drown the errors the report wants.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  // The fuzzer sends the development tokens (dev-editor-token, dev-reviewer-token).
  delete env.API_TOKENS;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(options.root, 'dist', 'main.js'), '--no-local-neo4j'],
    {
      cwd: options.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = createWriteStream(options.logFile);
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const service: Service = {
    url: `http://127.0.0.1:${options.port}`,
    exit: null,
    mark: () => lines.length,
    linesSince: (from) => [...lines.slice(from), ...(partial ? [partial] : [])],
    async stop() {
      if (service.exit === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (service.exit === null) child.kill('SIGKILL');
      }
      await new Promise((resolve) => log.end(resolve));
    },
  };
  child.once('exit', (code, signal) => {
    service.exit = { code, signal };
  });

  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (service.exit) {
      throw new Error(
        `the service exited while starting (${JSON.stringify(service.exit)}):\n${service.linesSince(0).slice(-20).join('\n')}`,
      );
    }
    try {
      const response = await fetch(`${service.url}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return service;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await service.stop();
  throw new Error(`the service was not ready within ${options.readyTimeoutMs} ms; see ${options.logFile}`);
}
