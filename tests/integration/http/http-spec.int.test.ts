import { serverAudits, type AuditResult } from 'graphql-http';

import { seed } from '../../../src/ingest/ingest';
import { LIMITS } from '../../../src/server';
import { graphCounts } from '../../support/neo4j';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

/**
 * The GraphQL-over-HTTP spec (graphql/graphql-over-http, spec/GraphQLOverHTTP.md, August 2026
 * draft), one test per MUST or SHOULD rule, against the real service and Neo4j. Each test quotes the
 * rule it checks.
 */

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';
const PREFERRED_ACCEPT = `${GRAPHQL_RESPONSE}, ${JSON_TYPE};q=0.9`;

interface Exchange {
  status: number;
  headers: Headers;
  contentType: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  let data: SeedData;

  async function exchange(init: { method?: string; headers?: Record<string, string>; body?: string; search?: string }) {
    const response = await fetch(`${server.url}/graphql${init.search ?? ''}`, {
      method: init.method ?? 'POST',
      headers: init.headers,
      body: init.body,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type') ?? '',
      body: text === '' ? {} : (JSON.parse(text) as Exchange['body']),
    };
  }

  /** A POST with a JSON body and the given Accept (none if undefined). */
  const post = (body: unknown, accept?: string, extra: Record<string, string> = {}) =>
    exchange({
      headers: { 'content-type': JSON_TYPE, ...(accept === undefined ? {} : { accept }), ...extra },
      body: JSON.stringify(body),
    });

  /** A GET with the parameters URL-encoded and the CSRF preflight header a browser client sends. */
  const get = (parameters: Record<string, string>, headers: Record<string, string> = {}) =>
    exchange({
      method: 'GET',
      search: `?${new URLSearchParams(parameters).toString()}`,
      headers: { 'apollo-require-preflight': 'true', accept: PREFERRED_ACCEPT, ...headers },
    });

  const reviewMutation = () =>
    `mutation { reviewClaim(input: { claim: "${data.claimGid('software-defines-cars')}", rating: 3, explanation: "Checked against the ministry's figures." }) { id } }`;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
  });
  afterAll(() => server.close());

  describe('media types and Accept', () => {
    it('MUST support application/graphql-response+json and SHOULD say the charset', async () => {
      const response = await post({ query: '{ __typename }' }, GRAPHQL_RESPONSE);
      expect(response.status).toBe(200);
      expect(response.contentType).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
      expect(response.body.data).toEqual({ __typename: 'Query' });
    });

    it('MUST answer in the highest-priority type of the Accept header that it supports', async () => {
      expect((await post({ query: '{ __typename }' }, PREFERRED_ACCEPT)).contentType).toContain(GRAPHQL_RESPONSE);
      const jsonFirst = await post({ query: '{ __typename }' }, `${GRAPHQL_RESPONSE};q=0.5, ${JSON_TYPE}`);
      expect(jsonFirst.contentType).toBe(`${JSON_TYPE}; charset=utf-8`);
    });

    it('answers a legacy client (Accept: application/json), a missing Accept and */* in application/json', async () => {
      for (const accept of [JSON_TYPE, undefined, '*/*']) {
        const response = await post({ query: '{ __typename }' }, accept);
        expect([accept, response.status, response.contentType]).toEqual([accept, 200, `${JSON_TYPE}; charset=utf-8`]);
      }
    });

    it('SHOULD answer 406 to an Accept it cannot meet, and stop processing: a mutation writes nothing', async () => {
      const before = await graphCounts(server.db.driver);
      const response = await post({ query: reviewMutation() }, 'text/html', {
        authorization: `Bearer ${REVIEWER_TOKEN}`,
      });
      expect(response.status).toBe(406);
      expect(response.contentType).not.toContain(GRAPHQL_RESPONSE);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_ACCEPTABLE');
      expect(await graphCounts(server.db.driver)).toEqual(before);
    });

    it('MUST assume utf-8 when Content-Type and Accept name no charset', async () => {
      const response = await post(
        {
          query: 'query ($kinds: [ClaimKind!]) { claims(filter: { kinds: $kinds }) { totalCount } }',
          variables: { kinds: ['Préçis—数字'] },
        },
        GRAPHQL_RESPONSE,
      );
      expect(response.body.errors?.[0]?.message).toContain('"Préçis—数字"');
    });
  });

  describe('POST', () => {
    it('MUST accept POST with an application/json body', async () => {
      const response = await post(
        { query: 'query Count { claims { totalCount } }', operationName: 'Count' },
        GRAPHQL_RESPONSE,
      );
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ claims: { totalCount: expect.any(Number) } });
    });

    it('SHOULD refuse a POST without Content-Type with 4xx (415), running nothing', async () => {
      const response = await exchange({
        headers: { accept: GRAPHQL_RESPONSE },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(415);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('SHOULD answer 415 to an unsupported Content-Type (a text/plain body a form could send)', async () => {
      const before = await graphCounts(server.db.driver);
      const response = await exchange({
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${REVIEWER_TOKEN}` },
        body: JSON.stringify({ query: reviewMutation() }),
      });
      expect(response.status).toBe(415);
      expect(await graphCounts(server.db.driver)).toEqual(before);
    });

    it('SHOULD answer 400 to a body that is not JSON, not as a GraphQL response', async () => {
      for (const body of ['NONSENSE', '{"query":']) {
        const response = await exchange({ headers: { 'content-type': JSON_TYPE, accept: GRAPHQL_RESPONSE }, body });
        expect(response.status).toBe(400);
        expect(response.contentType).not.toContain(GRAPHQL_RESPONSE);
      }
    });

    it('SHOULD answer 422 to a request that is not a well-formed GraphQL-over-HTTP request', async () => {
      const malformed = [
        { qeury: '{ __typename }' },
        { query: 42 },
        { query: 'query Q ($i: Int!) { __typename }', variables: [7] },
        { query: '{ __typename }', operationName: 7 },
        { query: '{ __typename }', extensions: 'yes' },
        [{ query: '{ __typename }' }],
      ];
      for (const body of malformed) {
        const response = await post(body, GRAPHQL_RESPONSE);
        expect([body, response.status]).toEqual([body, 422]);
        expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      }
    });

    it('MUST ignore properties it does not understand; null for an optional parameter means absent', async () => {
      const response = await post(
        { query: '{ __typename }', operationName: null, variables: null, extensions: null, documentId: 'x' },
        GRAPHQL_RESPONSE,
      );
      expect([response.status, response.body.data]).toEqual([200, { __typename: 'Query' }]);
    });

    it('SHOULD answer 413 to a body over the size limit', async () => {
      const query = `{ __typename ${' '.repeat(LIMITS.maxBodyBytes)} }`;
      expect((await post({ query }, GRAPHQL_RESPONSE)).status).toBe(413);
    });

    it('SHOULD answer 405 with Allow to a method other than GET and POST', async () => {
      const response = await exchange({ method: 'PUT', headers: { 'content-type': JSON_TYPE }, body: '{}' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toContain('POST');
    });
  });

  describe('status codes, for both media types', () => {
    it.each([GRAPHQL_RESPONSE, JSON_TYPE])(
      'SHOULD answer 400 to a document that does not parse (%s)',
      async (accept) => {
        const response = await post({ query: '{' }, accept);
        expect(response.status).toBe(400);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
        // Not a 2xx: the GraphQL media type tells the client the body is a GraphQL response, not a proxy's.
        expect(response.contentType).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
      },
    );

    it.each([GRAPHQL_RESPONSE, JSON_TYPE])(
      'SHOULD answer 422 to a document that fails validation (%s)',
      async (accept) => {
        const response = await post({ query: '{ claims { edges { node { author } } } }' }, accept);
        expect(response.status).toBe(422);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      },
    );

    it('SHOULD answer 422 to an operation over the service limits (an extra validation rule)', async () => {
      const response = await post(
        { query: `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: topics { id }`).join(' ')} }` },
        GRAPHQL_RESPONSE,
      );
      expect(response.status).toBe(422);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('SHOULD answer 422 when the operation cannot be determined', async () => {
      const twoOperations = 'query A { __typename } query B { __typename }';
      for (const body of [{ query: twoOperations }, { query: twoOperations, operationName: 'C' }]) {
        const response = await post(body, GRAPHQL_RESPONSE);
        expect(response.status).toBe(422);
        expect(response.body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
      }
    });

    it('SHOULD answer 422 to variables that cannot be coerced, without executing', async () => {
      const response = await post(
        { query: 'query ($first: Int) { claims(first: $first) { totalCount } }', variables: { first: 'ten' } },
        GRAPHQL_RESPONSE,
      );
      expect(response.status).toBe(422);
      expect(response.body.data).toBeUndefined();
      expect((response.body as { extensions?: { cypherQueries?: number } }).extensions?.cypherQueries).toBe(0);
    });

    it('MUST answer 2xx when there is data; SHOULD answer 294 to data with errors (partial success)', async () => {
      const response = await post({ query: '{ topics { id } node(id: "not-an-id") { id } }' }, GRAPHQL_RESPONSE);
      expect(response.status).toBe(294);
      expect(response.contentType).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
      expect(response.body.data).toEqual({ topics: expect.any(Array), node: null });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('answers a partial success to a legacy client with 200 in application/json (294 only in its own type)', async () => {
      const response = await post({ query: '{ node(id: "not-an-id") { id } }' }, JSON_TYPE);
      expect(response.status).toBe(200);
      expect(response.contentType).toBe(`${JSON_TYPE}; charset=utf-8`);
      expect(response.body.errors).toHaveLength(1);
    });
  });

  describe('GET', () => {
    it('MAY accept GET: parameters URL-encoded, variables JSON-encoded', async () => {
      const response = await get({
        query: 'query Count($first: Int) { claims(first: $first) { edges { node { id } } } }',
        operationName: 'Count',
        variables: JSON.stringify({ first: 2 }),
      });
      expect(response.status).toBe(200);
      expect((response.body.data as { claims: { edges: unknown[] } }).claims.edges).toHaveLength(2);
    });

    it('treats an empty optional parameter as absent', async () => {
      const response = await get({ query: '{ __typename }', operationName: '', variables: '', extensions: '' });
      expect([response.status, response.body.data]).toEqual([200, { __typename: 'Query' }]);
    });

    it('MUST NOT execute a mutation over GET: 405 with Allow: POST, with or without a CSRF header', async () => {
      const before = await graphCounts(server.db.driver);
      const withPreflight = await get({ query: reviewMutation() }, { authorization: `Bearer ${REVIEWER_TOKEN}` });
      const search = `?${new URLSearchParams({ query: reviewMutation() }).toString()}`;
      const withoutPreflight = await exchange({ method: 'GET', search });
      for (const response of [withPreflight, withoutPreflight]) {
        expect(response.status).toBe(405);
        expect(response.headers.get('allow')).toBe('POST');
      }
      const named = await get({ query: 'query Q { __typename } mutation M { __typename }', operationName: 'M' });
      expect(named.status).toBe(405);
      expect(await graphCounts(server.db.driver)).toEqual(before);
    });

    it('SHOULD answer 422 to GET variables that are not JSON', async () => {
      const response = await get({
        query: 'query ($first: Int) { claims(first: $first) { totalCount } }',
        variables: '{first: 2',
      });
      expect(response.status).toBe(422);
    });

    it('SHOULD answer 422 to a GET without a query (a browser asking for HTML gets the IDE page instead)', async () => {
      const response = await get({ operationName: 'Count' });
      expect(response.status).toBe(422);
      expect(response.body.errors?.[0]?.message).toMatch(/`query` must be a string/);
    });

    it('keeps CSRF prevention: a GET with no preflight header or JSON content type is refused (400)', async () => {
      const search = `?${new URLSearchParams({ query: '{ __typename }' }).toString()}`;
      expect((await exchange({ method: 'GET', search })).status).toBe(400);
      for (const header of ['apollo-require-preflight', 'graphql-require-preflight', 'x-apollo-operation-name']) {
        expect([header, (await exchange({ method: 'GET', search, headers: { [header]: '1' } })).status]).toEqual([
          header,
          200,
        ]);
      }
    });
  });

  describe("graphql-http's server audits (the reference auditor)", () => {
    /**
     * graphql-http 1.23 audits an earlier draft. Its warnings here are the rules that draft had
     * and the August 2026 draft replaced: a legacy client's 200 for request errors (572B, FDE2,
     * 7B9B; now the same 4xx as for application/graphql-response+json, since a response without
     * data MUST be 4xx or 5xx), and 400 for a variable coercion error (86EE; now 422). Its
     * validation-failure audit (74FF) sends a document that does not parse, so 400 passes it.
     */
    const SUPERSEDED = ['572B', 'FDE2', '7B9B', '86EE'];

    it('passes every MUST audit; the only warnings are rules the current draft replaced', async () => {
      const withPreflight: typeof fetch = (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), 'graphql-require-preflight': '1' },
        });
      const results: AuditResult[] = [];
      for (const audit of serverAudits({ url: `${server.url}/graphql`, fetchFn: withPreflight })) {
        results.push(await audit.fn());
      }
      expect(
        results.filter((result) => result.status === 'error').map((result) => `${result.id} ${result.name}`),
      ).toEqual([]);
      const warnings = results.filter((result) => result.status === 'warn').map((result) => result.id);
      expect(warnings.sort()).toEqual([...SUPERSEDED].sort());
      expect(results.length).toBeGreaterThan(40);
    });
  });
});
