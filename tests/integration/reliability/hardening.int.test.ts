import { seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf } from '../../support/api';
import { graphCounts } from '../../support/neo4j';
import {
  EDITOR_TOKEN,
  postGraphQL,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from '../../support/server';

/**
 * Issue #12: one request with an empty `bodyStartsWith` made `indexOf('')` loop until V8 aborted
 * the process. These send it and its relatives (each degenerate input the bound audit covers) to
 * the real service and check that each is refused with its code, that nothing was written, and
 * that the service still answers afterwards.
 */
const CRASHING_REQUEST = `mutation {
  addSource(input: {
    kind: "interview", language: "en", publishedDate: "9999-12-31",
    publisher: "T3JnYW5pemF0aW9uOmNndG4",
    text: "新能源汽车 sales passed 31 percent in 2023. 👍🏽 End of article.",
    title: "t", url: "https://example.org/fuzz",
    bodyStartsWith: ""
  }) { kind }
}`;

const ADD_SOURCE = `mutation($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const ADD_CLAIM = `mutation($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const SEED_SOURCE = toGlobalId('Source', 'cgtn-2024-03-19-nev-software-charging');
const COMBINING_ONLY = '\u0301\u0308\u0327';
const EMOJI_ONLY = '👍🏽🚗';

/** it.each rows of [printable label, value]: long values are named by their length. */
const cases = (values: string[]): [string, string][] =>
  values.map((value) => [
    value.length > 40 ? `${value.slice(0, 8)}… (${value.length} characters)` : JSON.stringify(value),
    value,
  ]);

describe('degenerate input through the API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });

  afterAll(async () => {
    await server.close();
  });

  /** The response's first error must be `code` on `field`, and the graph must be as it was. */
  async function expectRefused(send: () => Promise<GraphQLResponse>, code: string, field?: string) {
    const before = await graphCounts(server.db.driver);
    const response = await send();
    expect(codeOf(response)).toBe(code);
    if (field !== undefined) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(await graphCounts(server.db.driver)).toEqual(before);
  }

  async function expectServiceAnswers() {
    const response = await server.graphql<{ source: { title: string } }>(
      `query($id: ID!) { source(id: $id) { title } }`,
      {
        id: SEED_SOURCE,
      },
    );
    expect(response.data?.source.title).toMatch(/NEV boom/);
  }

  const sourceInput = (overrides: Record<string, unknown>) => ({
    kind: 'interview',
    language: 'en',
    publishedDate: '2024-03-20',
    publisher: toGlobalId('Organization', 'cgtn'),
    text: '新能源汽车 sales passed 31 percent in 2023. 👍🏽 End of article.',
    title: 'test-hardening',
    url: 'https://example.org/test-hardening',
    ...overrides,
  });

  it("refuses the issue's request with BAD_USER_INPUT naming bodyStartsWith, and keeps serving", async () => {
    await expectRefused(
      () => server.graphql(CRASHING_REQUEST, undefined, { token: EDITOR_TOKEN }),
      'BAD_USER_INPUT',
      'input.bodyStartsWith',
    );
    await expectServiceAnswers();
  });

  it.each([
    ['bodyStartsWith', ''],
    ['bodyStartsWith', '   '],
    ['bodyEndsWith', ''],
    ['bodyEndsWith', '\n'],
  ])('refuses %s %j', async (field, value) => {
    await expectRefused(
      () => server.graphql(ADD_SOURCE, { input: sourceInput({ [field]: value }) }, { token: EDITOR_TOKEN }),
      'BAD_USER_INPUT',
      `input.${field}`,
    );
  });

  it.each(cases(['', ' ', COMBINING_ONLY, EMOJI_ONLY]))('refuses the claim quote %s', async (_label, quote) => {
    const input = {
      source: SEED_SOURCE,
      quote,
      text: 'A test claim',
      kind: 'STATISTIC',
      attribution: 'NARRATION',
      speaker: toGlobalId('Organization', 'cgtn'),
    };
    await expectRefused(
      () => server.graphql(ADD_CLAIM, { input }, { token: EDITOR_TOKEN }),
      'BAD_USER_INPUT',
      'input.quote',
    );
  });

  it.each(cases(['a', COMBINING_ONLY, EMOJI_ONLY, '***', '"(', 'AND', 'x'.repeat(200)]))(
    'answers the search %s without an error',
    async (_label, query) => {
      const response = await server.graphql<{ search: unknown[] }>(
        `query($q: String!) { search(query: $q) { score } }`,
        {
          q: query,
        },
      );
      expect(response.errors).toBeUndefined();
      expect(Array.isArray(response.data?.search)).toBe(true);
    },
  );

  it.each(cases(['', ' ', 'x'.repeat(201)]))('refuses the search %s with BAD_USER_INPUT', async (_label, query) => {
    const response = await server.graphql(`query($q: String!) { search(query: $q) { score } }`, { q: query });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  it.each(cases(['', 'a', COMBINING_ONLY, EMOJI_ONLY, 'A'.repeat(5000)]))(
    'refuses the cursor %s',
    async (_label, after) => {
      const response = await server.graphql(
        `query($after: String) { claims(first: 1, after: $after) { totalCount } }`,
        {
          after,
        },
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    },
  );

  it.each(cases(['', 'a', COMBINING_ONLY, EMOJI_ONLY, 'A'.repeat(5000)]))('refuses the id %s', async (_label, id) => {
    const response = await server.graphql(`query($id: ID!) { claim(id: $id) { text } }`, { id });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  it.each(cases([',', 'FB:\u00e9', 'FB:a,'.repeat(100)]))(
    'refuses the bookmarks header %s with 400',
    async (_label, header) => {
      const response = await postGraphQL(
        server.url,
        { query: '{ __typename }' },
        { authorization: `Bearer ${EDITOR_TOKEN}`, 'neo4j-bookmarks': header },
      );
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await expectServiceAnswers();
    },
  );
});
