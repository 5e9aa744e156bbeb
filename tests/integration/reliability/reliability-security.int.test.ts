import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { loadConfig } from '../../../src/config';
import { createSchema } from '../../../src/schema';
import { startServer, type App } from '../../../src/server';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { recordReliability } from '../../support/reliability-report';
import { EDITOR_TOKEN, REVIEWER_TOKEN } from '../../support/server';

/**
 * CORS is an explicit allow-list from CORS_ORIGINS (none by default); Apollo's CSRF prevention
 * stays on whatever CORS allows; bearer tokens never reach the log.
 */

const ALLOWED = 'https://factcheck.example.org';
const OTHER = 'https://evil.example.net';
const QUERY = JSON.stringify({ query: '{ topics { id } }' });

describe('reliability: CORS, CSRF and secrets', () => {
  let db: TestDatabase;
  let closed: App;
  let open: App;

  async function start(env: Record<string, string>): Promise<App> {
    const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test', ...env }), host: '127.0.0.1' };
    return startServer({ config, executor: db.executor, schema: await createSchema(), port: 0 });
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    closed = await start({});
    open = await start({ CORS_ORIGINS: `${ALLOWED},http://localhost:5173` });
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
    await db.close();
  });

  const preflight = (app: App, origin: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization,neo4j-bookmarks',
      },
    });
  const post = (app: App, headers: Record<string, string>, body = QUERY) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

  it('sends no CORS headers to any origin when CORS_ORIGINS is unset', async () => {
    for (const origin of [ALLOWED, OTHER]) {
      const answer = await preflight(closed, origin);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const response = await post(closed, { origin, 'content-type': 'application/json' });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows exactly the listed origins, for the content type, Authorization and Neo4j-Bookmarks headers', async () => {
    const allowed = await preflight(open, ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('neo4j-bookmarks');
    const response = await post(open, { origin: ALLOWED, 'content-type': 'application/json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    // A browser client may read the bookmarks (read-your-writes) and the request id.
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toBe('neo4j-bookmarks,x-request-id');
    expect(response.headers.get('vary')).toMatch(/Origin/);

    const refused = await preflight(open, OTHER);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const other = await post(open, { origin: OTHER, 'content-type': 'application/json' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    recordReliability({ kind: 'input', category: 'cors and csrf', tried: 4, refused: 2, unchanged: true });
  });

  it('keeps CSRF prevention on for allowed origins: a text/plain POST and a GET without a preflight header are refused', async () => {
    const simple = await post(open, { origin: ALLOWED, 'content-type': 'text/plain' });
    expect(simple.status).toBe(415);
    expect(JSON.stringify(await simple.json())).toMatch(/Content-Type: application\/json/);
    const get = await fetch(`${open.url}/graphql?query=${encodeURIComponent('{ topics { id } }')}`, {
      headers: { origin: ALLOWED },
    });
    expect(get.status).toBe(400);
    const withHeader = await fetch(`${open.url}/graphql?query=${encodeURIComponent('{ topics { id } }')}`, {
      headers: { origin: ALLOWED, 'apollo-require-preflight': 'true' },
    });
    expect(withHeader.status).toBe(200);
    recordReliability({ kind: 'input', category: 'cors and csrf', tried: 3, refused: 2, unchanged: true });
  });

  it('never writes a bearer token to the log, even for failures', async () => {
    const previous = process.env.LOG_LEVEL;
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    process.env.LOG_LEVEL = 'info';
    try {
      const attempts = [
        `Bearer ${EDITOR_TOKEN}`,
        `Bearer ${REVIEWER_TOKEN}`,
        'Bearer wrong-token-that-is-secret',
        'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M=',
      ];
      for (const authorization of attempts) {
        await post(
          open,
          { 'content-type': 'application/json', authorization },
          JSON.stringify({
            query: 'mutation { reviewClaim(input: {claim: "%%%", rating: 9, explanation: ""}) { id } }',
          }),
        );
        await post(open, { 'content-type': 'application/json', authorization }, '{"query": ');
        await post(open, { 'content-type': 'application/json', authorization }, 'x'.repeat(200_000));
      }
    } finally {
      spy.mockRestore();
      process.env.LOG_LEVEL = previous;
    }
    const log = written.join('');
    for (const secret of [
      EDITOR_TOKEN,
      REVIEWER_TOKEN,
      'wrong-token-that-is-secret',
      'c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log.toLowerCase()).not.toContain('authorization');
  });

  it('has no logger call in src that passes headers, tokens or the request', async () => {
    const files: string[] = [];
    const walk = async (directory: string): Promise<void> => {
      for (const entry of await readdir(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name.endsWith('.ts')) files.push(full);
      }
    };
    await walk(path.join(__dirname, '..', '..', '..', 'src'));
    const offending: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/logger\.(info|warn|error)\(([^;]*)\);/gs)) {
        const fields = (match[2] ?? '').replace(/^\s*(['"`])[^'"`]*\1\s*,?/, '');
        if (/token|authorization|headers|\breq\b|request\b|password/i.test(fields)) {
          offending.push(`${path.relative(process.cwd(), file)}: ${match[0].slice(0, 120)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
