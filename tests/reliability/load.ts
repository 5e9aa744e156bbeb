import { execFile, execFileSync, fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { PROJECT_ROOT } from '../support/reliability';

const execFileAsync = promisify(execFile);

/** Compiles tests/reliability/load-service.ts with what it imports into `outDir`; returns the .js path. */
export async function buildLoadService(outDir: string): Promise<string> {
  const tsconfig = path.join(outDir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: path.join(PROJECT_ROOT, 'tsconfig.json'),
      compilerOptions: {
        rootDir: PROJECT_ROOT,
        outDir: path.join(outDir, 'dist'),
        sourceMap: false,
        types: ['node'],
        typeRoots: [path.join(PROJECT_ROOT, 'node_modules', '@types')],
      },
      files: [path.join(PROJECT_ROOT, 'tests', 'reliability', 'load-service.ts')],
      include: [],
    }),
  );
  execFileSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { stdio: 'pipe' });
  return path.join(outDir, 'dist', 'tests', 'reliability', 'load-service.js');
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** heapUsed and RSS in MB after two forced garbage collections. */
  memory(): Promise<{ heapUsedMb: number; rssMb: number }>;
  stop(): Promise<void>;
}

export function startServiceProcess(script: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const child = fork(script, [], {
    env: { ...env, NODE_PATH: path.join(PROJECT_ROOT, 'node_modules'), LOG_LEVEL: 'silent' },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (key in message) {
          child.off('message', onMessage);
          resolve(message[key] as T);
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
    });
  return next<string>('url').then((url) => ({
    url,
    child,
    async memory() {
      const reply = next<NodeJS.MemoryUsage>('memory');
      child.send('memory');
      const usage = await reply;
      return { heapUsedMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  }));
}

export interface LoadRequest {
  name: string;
  body: Record<string, unknown>;
  token?: string;
  /** "data": 200 with data and no errors; "review": the same, collecting reviewClaim.id; { code }: an intended error. */
  expect: 'data' | 'review' | { code: string };
}

export interface LoadOutcome {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latencyP99Ms: number;
  /** Responses that were what the request expected (data, or the intended error). */
  expected: number;
  /** Anything else: a wrong status, an unexpected error code, an unparsable body (the first ten). */
  unexpected: { request: string; status: number; body: string }[];
  unexpectedCount: number;
  /** Review ids the API acknowledged (200, no errors). */
  acknowledgedReviews: string[];
}

/** Runs autocannon (tests/reliability/load-runner.mjs, in its own process) against the service. */
export async function runLoad(
  url: string,
  requests: LoadRequest[],
  options: { connections: number; durationSeconds: number; workDir: string },
): Promise<LoadOutcome> {
  const spec = path.join(options.workDir, `load-${Date.now()}.json`);
  await writeFile(spec, JSON.stringify({ url: url.replace('//localhost:', '//127.0.0.1:'), requests, ...options }));
  const { stdout } = await execFileAsync(process.execPath, [path.join(__dirname, 'load-runner.mjs'), spec], {
    maxBuffer: 256 * 1024 * 1024,
    timeout: (options.durationSeconds + 60) * 1000,
  });
  return JSON.parse(stdout) as LoadOutcome;
}
