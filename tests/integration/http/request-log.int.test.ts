import { seed } from '../../../src/ingest/ingest';
import { logger } from '../../../src/logger';
import { REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

describe('the request log', () => {
  let server: TestServer;
  const lines: [string, Record<string, unknown>][] = [];

  beforeAll(async () => {
    jest.spyOn(logger, 'info').mockImplementation((message, fields = {}) => {
      lines.push([message, fields]);
    });
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(async () => {
    await server.close();
    jest.restoreAllMocks();
  });

  it('logs each operation once with request id, name, outcome, duration and Cypher count, never variables or tokens', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req-log-test-1',
        authorization: `Bearer ${REVIEWER_TOKEN}`,
      },
      body: JSON.stringify({
        query: 'query LogProbe($text: String) { claims(first: 2, filter: { text: $text }) { edges { node { id } } } }',
        variables: { text: 'charging-private-words' },
        operationName: 'LogProbe',
      }),
    });
    const body = (await response.json()) as { extensions: { cypherQueries: number } };
    expect(response.headers.get('x-request-id')).toBe('req-log-test-1');
    const logged = lines.filter(
      ([message, fields]) => message === 'graphql operation' && fields.requestId === 'req-log-test-1',
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]?.[1]).toMatchObject({
      operation: 'LogProbe',
      outcome: 'ok',
      cypherQueries: body.extensions.cypherQueries,
    });
    expect(typeof logged[0]?.[1].durationMs).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/charging-private-words|dev-reviewer-token/);
  });

  it('makes up a request id when the client sends none or a malformed one', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces' },
      body: JSON.stringify({ query: '{ topics { name } }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
