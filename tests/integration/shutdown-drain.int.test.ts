import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { buildService, spawnService, type ServiceProcess } from '../support/service-process';

const DRAIN_DELAY_MS = 4_000;
const FIRST_CLAIM = '{ claims(first: 1) { edges { node { text } } } }';

/** True while something accepts TCP connections on the port. */
const acceptsConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Polls `check` every 50 ms until it holds; false if it never did within `withinMs`. */
async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(50);
  }
  return false;
}

/**
 * A POST /graphql whose body is sent in two parts: the service has the request in flight from the
 * first part until `finish` sends the rest, however long the test waits in between.
 */
function requestInFlight(port: number, body: string) {
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return { response, finish: () => request.end(body.slice(half)) };
}

/**
 * What a load balancer or Kubernetes sees when the service is told to stop (SIGTERM): /ready turns
 * 503 at once while /health stays 200 and requests are still answered, for DRAIN_DELAY_MS; then the
 * port closes, a request already in flight still gets its answer, and the process exits 0.
 */
describe('shutdown: the service drains on SIGTERM', () => {
  let buildDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    buildDir = await mkdtemp(path.join(os.tmpdir(), 'shutdown-drain-'));
    service = await spawnService(await buildService(buildDir), { DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) });
  }, 120_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await rm(buildDir, { recursive: true, force: true });
  });

  it('answers /ready 503 while it drains, finishes the request in flight, then exits 0', async () => {
    // 0 once the port is closed: a refused connection is not an answer.
    const ready = () =>
      fetch(`${service.url}/ready`).then(
        ({ status }) => status,
        () => 0,
      );
    const health = async () => (await fetch(`${service.url}/health`)).status;
    expect(await ready()).toBe(200);

    const inFlight = requestInFlight(service.port, JSON.stringify({ query: FIRST_CLAIM }));
    await sleep(200); // the headers and half the body reach the service
    const signalled = Date.now();
    service.child.kill('SIGTERM');

    // Within half the window, so that what follows still falls inside it on a loaded machine.
    expect(await eventually(async () => (await ready()) === 503, DRAIN_DELAY_MS / 2)).toBe(true);
    const readyAfterMs = Date.now() - signalled;
    // Draining is not dying: liveness holds, and a new request is still answered in the window.
    expect(await health()).toBe(200);
    const duringDrain = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: FIRST_CLAIM }),
    });
    expect(duringDrain.status).toBe(200);
    expect(await ready()).toBe(503);

    // After the delay the port closes; the request in flight is still open and still answered.
    expect(await eventually(async () => !(await acceptsConnections(service.port)), DRAIN_DELAY_MS + 5_000)).toBe(true);
    const closedAfterMs = Date.now() - signalled;
    expect(service.child.exitCode).toBeNull();
    inFlight.finish();
    const answered = await inFlight.response;
    expect(answered.status).toBe(200);
    const body = JSON.parse(answered.body) as { data?: { claims: { edges: { node: { text: string } }[] } } };
    expect(body.data?.claims.edges).toHaveLength(1);

    expect(await service.exited).toBe(0);
    // 503 came inside the drain window, not only once the port had closed.
    expect(readyAfterMs).toBeLessThan(DRAIN_DELAY_MS);
    expect(closedAfterMs).toBeGreaterThanOrEqual(DRAIN_DELAY_MS);
  }, 30_000);
});
