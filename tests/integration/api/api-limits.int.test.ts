import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { LIMITS } from '../../../src/server';
import { codeOf, dataOf } from '../../support/api';
import { graphCounts } from '../../support/neo4j';
import { loadFullSeed, loadSeed, type FullSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type GraphQLResponse, type TestServer } from '../../support/server';

/**
 * What the service refuses, and how: operations over the limits, malformed requests, bad input,
 * injection attempts and odd Unicode. Refusals carry a stable code, leak nothing of the
 * implementation, run no Cypher when refused before execution, and never change the graph.
 */

const LEAKS = ['stack', 'Cypher', 'MATCH', 'Neo4jError', 'neo4j-driver', 'node_modules'];

/** The body of an error response must name no internals. */
function expectNoLeak(body: unknown): void {
  const text = JSON.stringify(body);
  for (const word of LEAKS) expect(text).not.toContain(word);
}

describe('limits and hostile input', () => {
  let server: TestServer;
  let data: SeedData;
  /** What `npm start` seeds: whole-graph counts include every seeded source. */
  let full: FullSeed;

  const CGTN = toGlobalId('Organization', 'cgtn');

  /** Posts an operation that must be refused with `code`; checks the body leaks nothing. */
  async function refused(
    query: string,
    code: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<unknown>> {
    const response = await server.graphql<unknown>(query, variables);
    expect(response.errors?.map((error) => error.extensions?.code)).toContain(code);
    expectNoLeak(response);
    return response;
  }

  /** Posts a raw body and returns status, content type and parsed JSON. */
  async function post(body: string, contentType = 'application/json') {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: (await response.json()) as GraphQLResponse<unknown>,
    };
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
  });
  afterAll(() => server.close());

  describe('operations over the limits', () => {
    const partOfChain = (links: number) =>
      `query ($id: ID!) { organization(id: $id) { ${'partOf { '.repeat(links)}name${' }'.repeat(links)} } }`;

    it('accepts nesting up to the depth limit', async () => {
      // organization, the partOf links, then name: links + 2 levels.
      const response = await server.graphql(partOfChain(LIMITS.maxDepth - 2), {
        id: toGlobalId('Organization', 'cppcc-committee-economic-affairs'),
      });
      expect(dataOf(response)).toEqual({ organization: { partOf: { partOf: null } } });
    });

    it('refuses Organization.partOf chained 20 times with QUERY_TOO_COMPLEX, before any Cypher runs', async () => {
      const atLimitPlusOne = await refused(partOfChain(LIMITS.maxDepth - 1), 'QUERY_TOO_COMPLEX', { id: CGTN });
      expect(atLimitPlusOne.extensions?.cypherQueries).toBe(0);
      const response = await refused(partOfChain(20), 'QUERY_TOO_COMPLEX', { id: CGTN });
      expect(response.status).toBe(422);
      expect(response.data).toBeUndefined();
      expect(response.extensions?.cypherQueries).toBe(0);
      expect(response.errors?.map((error) => error.message).join(' ')).toMatch(/depth/i);
    });

    it('refuses claim.lineage.claim.lineage... 50 levels deep', async () => {
      const levels = 50;
      const query = `query ($id: ID!) { claim(id: $id) { ${'lineage { claim { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
      const response = await refused(query, 'QUERY_TOO_COMPLEX', {
        id: data.claimGid('software-defines-cars'),
      });
      expect(response.extensions?.cypherQueries).toBe(0);
    });

    it('refuses more aliases than the limit', async () => {
      const aliases = (count: number) =>
        `{ ${Array.from({ length: count }, (_, index) => `a${index}: topics { id }`).join(' ')} }`;
      const atLimit = await server.graphql<Record<string, unknown[]>>(aliases(LIMITS.maxAliases));
      expect(Object.keys(dataOf(atLimit))).toHaveLength(LIMITS.maxAliases);
      const over = await refused(aliases(LIMITS.maxAliases + 1), 'QUERY_TOO_COMPLEX');
      expect(over.errors?.[0]?.message).toMatch(/alias/i);
      expect(over.extensions?.cypherQueries).toBe(0);
    });

    it('refuses 1,000 aliases with QUERY_TOO_COMPLEX', async () => {
      const query = `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: __typename`).join(' ')} }`;
      const response = await refused(query, 'QUERY_TOO_COMPLEX');
      expect(response.status).toBe(422);
      expect(response.data).toBeUndefined();
    });

    it('refuses a very costly query, within the depth limit, with QUERY_TOO_COMPLEX', async () => {
      // 100 claims × their topics × 100 claims each: shallow, but a million rows.
      const query =
        '{ claims(first: 100) { edges { node { topics { claims(first: 100) { edges { node { text } } } } } } } }';
      const response = await refused(query, 'QUERY_TOO_COMPLEX');
      expect(response.errors?.[0]?.message).toMatch(/cost/i);
      expect(response.errors?.every((error) => !/depth/i.test(error.message))).toBe(true);
      expect(response.extensions?.cypherQueries).toBe(0);
    });

    it('refuses too many directives with QUERY_TOO_COMPLEX', async () => {
      const directives = ' @include(if: true)'.repeat(LIMITS.maxDirectives + 1);
      await refused(`{ topics${directives} { id } }`, 'QUERY_TOO_COMPLEX');
    });
  });

  describe('malformed operations and input', () => {
    it('reports a malformed document as GRAPHQL_PARSE_FAILED', async () => {
      for (const query of ['{ claims(', '{ claims { edges { node { id } }', 'query { ... }', '}{']) {
        const response = await refused(query, 'GRAPHQL_PARSE_FAILED');
        expect(response.status).toBe(400);
        expect(response.extensions?.cypherQueries).toBe(0);
      }
    });

    it('reports an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await refused('{ claims { edges { node { id author } } } }', 'GRAPHQL_VALIDATION_FAILED');
      expect(response.status).toBe(422);
      expect(response.errors?.[0]?.message).toContain('author');
      expect(response.extensions?.cypherQueries).toBe(0);
    });

    it('reports an argument literal of the wrong type as GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await refused('{ claims(first: "five") { totalCount } }', 'GRAPHQL_VALIDATION_FAILED');
      expect(response.status).toBe(422);
    });

    it.each([
      ['a string for an Int', 'query ($first: Int) { claims(first: $first) { totalCount } }', { first: 'five' }],
      [
        'an unknown enum value',
        'query ($filter: ClaimFilterInput) { claims(filter: $filter) { totalCount } }',
        { filter: { kinds: ['RUMOUR'] } },
      ],
      [
        'an impossible date',
        'query ($filter: ClaimFilterInput) { claims(filter: $filter) { totalCount } }',
        { filter: { period: { from: '2023-02-30' } } },
      ],
      [
        'an unknown input field',
        'query ($filter: ClaimFilterInput) { claims(filter: $filter) { totalCount } }',
        { filter: { author: 'Miao Wei' } },
      ],
      ['a missing required variable', 'query ($id: ID!) { claim(id: $id) { id } }', {}],
      ['a list for a String', 'query ($q: String!) { search(query: $q) { score } }', { q: ['charging'] }],
    ])('refuses variables of the wrong shape (%s) with BAD_USER_INPUT', async (_what, query, variables) => {
      const response = await refused(query, 'BAD_USER_INPUT', variables);
      expect(response.status).toBe(422);
      expect(response.extensions?.cypherQueries).toBe(0);
    });

    it('reports a well-formed id of a missing claim as NOT_FOUND', async () => {
      const id = toGlobalId('Claim', 'test-api-limits-no-such-claim');
      const response = await refused('query ($id: ID!) { claim(id: $id) { id } }', 'NOT_FOUND', { id });
      expect(response.errors?.[0]?.extensions?.id).toBe(id);
      expect(response.data).toBeNull();
    });

    it.each([
      ['not base64url', 'Claim:software-defines-cars'],
      ['base64url without a type', Buffer.from('software-defines-cars').toString('base64url')],
      ['of another type', toGlobalId('Person', 'miao-wei')],
      ['empty', ''],
    ])('refuses a claim id that is %s with BAD_USER_INPUT', async (_what, id) => {
      const response = await refused('query ($id: ID!) { claim(id: $id) { id } }', 'BAD_USER_INPUT', { id });
      expect(response.errors?.[0]?.extensions?.field).toBe('id');
    });
  });

  describe('HTTP', () => {
    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true', ...headers },
      });

    it('answers a query sent with GET', async () => {
      const response = await get('{ topics { name } }');
      expect(response.status).toBe(200);
      const body = (await response.json()) as GraphQLResponse<{ topics: { name: string }[] }>;
      expect(body.errors).toBeUndefined();
      expect(body.data?.topics).toHaveLength(full.topics.length);
    });

    it('refuses a GET without a CSRF-safe header', async () => {
      const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ topics { name } }')}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(codeOf(body as GraphQLResponse)).toBe('BAD_REQUEST');
    });

    it('refuses a mutation sent with GET (405), even with a valid token, and writes nothing', async () => {
      const before = await graphCounts(server.db.driver);
      const mutation = `mutation { reviewClaim(input: {
        claim: "${data.claimGid('software-defines-cars')}", rating: 4, explanation: "Sent with GET"
      }) { id } }`;
      const response = await get(mutation, { authorization: `Bearer ${REVIEWER_TOKEN}` });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      const body = (await response.json()) as GraphQLResponse;
      expect(codeOf(body)).toBe('METHOD_NOT_ALLOWED');
      expect(body.data).toBeUndefined();
      expectNoLeak(body);
      expect(await graphCounts(server.db.driver)).toEqual(before);
    });

    it('refuses a body over 100 KB with 413 and a JSON error', async () => {
      const body = JSON.stringify({
        query: '{ topics { name } }',
        variables: { padding: 'x'.repeat(LIMITS.maxBodyBytes) },
      });
      const response = await post(body);
      expect(response.status).toBe(413);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(response.body.errors?.[0]?.message).toMatch(/larger than/);
      expect(codeOf(response.body)).toBeDefined();
      expectNoLeak(response.body);
    });

    it('accepts a body just under the limit', async () => {
      const padding = 'x'.repeat(LIMITS.maxBodyBytes - 200);
      const response = await post(JSON.stringify({ query: '{ topics { name } }', variables: { padding } }));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses invalid JSON with 400 and a JSON error', async () => {
      const response = await post('{"query": "{ topics { name } }"');
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(response.body.errors?.[0]?.message).toMatch(/not valid JSON/);
      expectNoLeak(response.body);
    });

    it('refuses a batch of operations', async () => {
      const response = await post(JSON.stringify([{ query: '{ topics { name } }' }, { query: '{ topics { id } }' }]));
      expect(response.status).toBe(422);
      expect(codeOf(response.body)).toBe('BAD_REQUEST');
    });
  });

  describe('injection and Unicode', () => {
    const FILTERED =
      'query ($filter: ClaimFilterInput) { claims(first: 100, filter: $filter) { totalCount edges { node { id } } } }';
    const SEARCH = 'query ($query: String!) { search(query: $query) { score node { id } } }';

    const INJECTIONS = [
      '"}) DETACH DELETE n //',
      "'}) MATCH (n) DETACH DELETE n //",
      '` DETACH DELETE n //',
      '$param',
      '${query}',
      '\\") RETURN 1 //',
      'x" OR 1=1 --',
      'CALL db.labels()',
      '*:* OR name:*',
      'software AND (cars OR NOT charging)~2^3',
    ];

    it('treats Cypher and Lucene syntax in filter text and search as plain words, changing nothing', async () => {
      const before = await graphCounts(server.db.driver);
      for (const text of INJECTIONS) {
        const filtered = await server.graphql<{ claims: { totalCount: number } }>(FILTERED, { filter: { text } });
        expect(filtered.status).toBe(200);
        expect(filtered.errors).toBeUndefined();
        expect(filtered.data?.claims.totalCount).toBe(0);
        const searched = await server.graphql<{ search: unknown[] }>(SEARCH, { query: text });
        expect(searched.status).toBe(200);
        expect(searched.errors).toBeUndefined();
        expect(Array.isArray(searched.data?.search)).toBe(true);
      }
      expect(await graphCounts(server.db.driver)).toEqual(before);
      // The seed is intact: every claim is still there.
      const all = dataOf(await server.graphql<{ claims: { totalCount: number } }>('{ claims { totalCount } }'));
      expect(all.claims.totalCount).toBe(full.claims.length);
    });

    it('matches words that follow syntax characters as words', async () => {
      const response = await server.graphql<{ search: { node: { id: string } }[] }>(SEARCH, {
        query: '"Software" (defines) [cars]!',
      });
      expect(dataOf(response).search[0]?.node.id).toBe(data.claimGid('software-defines-cars'));
    });

    it('treats injection in ids as an id that does not exist', async () => {
      const before = await graphCounts(server.db.driver);
      const id = toGlobalId('Claim', "x'}) MATCH (n) DETACH DELETE n //");
      await refused('query ($id: ID!) { claim(id: $id) { id } }', 'NOT_FOUND', { id });
      const node = await server.graphql<{ node: null }>('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(dataOf(node)).toEqual({ node: null });
      const speaker = await server.graphql<{ claims: { totalCount: number } }>(FILTERED, {
        filter: { speaker: toGlobalId('Person', '" OR true //') },
      });
      expect(dataOf(speaker).claims.totalCount).toBe(0);
      expect(await graphCounts(server.db.driver)).toEqual(before);
    });

    it.each([
      ['CJK', '新能源汽车 充电桩'],
      ['emoji', '🚗🔌 charging 👍🏽'],
      ['a combining mark', 'Cafe\u0301 cafe\u0301'],
      ['right-to-left text', 'שלום עולם مرحبا'],
      ['a zero-width joiner family', '👨‍👩‍👧'],
      ['an en dash', '– NEV exports'],
      ['control characters', 'charging\u0000\u0007station'],
    ])('answers search and filter text with %s without errors', async (_what, text) => {
      const searched = await server.graphql<{ search: unknown[] }>(SEARCH, { query: text });
      expect(searched.status).toBe(200);
      expect(searched.errors).toBeUndefined();
      const filtered = await server.graphql<{ claims: { totalCount: number } }>(FILTERED, { filter: { text } });
      expect(filtered.status).toBe(200);
      expect(filtered.errors).toBeUndefined();
    });

    it('finds English words next to emoji', async () => {
      const response = await server.graphql<{ search: { node: { id: string } }[] }>(SEARCH, {
        query: '🚗 virtuous 🔁',
      });
      expect(dataOf(response).search[0]?.node.id).toBe(data.claimGid('nev-charging-virtuous-cycle'));
    });

    it('refuses a lone surrogate in search and in filter text with BAD_USER_INPUT', async () => {
      for (const text of ['charging \uD800 station', 'end \uDC00', '\uDBFF']) {
        const searched = await refused(SEARCH, 'BAD_USER_INPUT', { query: text });
        expect(searched.errors?.[0]?.extensions?.field).toBe('query');
        expect(searched.extensions?.cypherQueries).toBe(0);
        const filtered = await refused(FILTERED, 'BAD_USER_INPUT', { filter: { text } });
        expect(filtered.errors?.[0]?.extensions?.field).toBe('filter.text');
      }
    });

    it('refuses over-long search text', async () => {
      const response = await refused(SEARCH, 'BAD_USER_INPUT', { query: 'charging '.repeat(30) });
      expect(response.errors?.[0]?.extensions?.field).toBe('query');
    });
  });

  describe('errors that reach the database', () => {
    it('never show Cypher or driver details, even for an internal error', async () => {
      // A well-formed cursor whose sort key is not a date makes the sources query fail inside Neo4j.
      const cursor = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
      const response = await server.graphql(
        'query ($after: String) { sources(after: $after) { edges { node { id } } } }',
        {
          after: cursor,
        },
      );
      expect(response.errors).toBeDefined();
      expectNoLeak(response);
      expect(response.errors?.[0]?.message).not.toMatch(/date|parse/i);
    });
  });
});
