import { seed } from '../../src/ingest/ingest';
import { toGlobalId } from '../../src/modules/common/global-id';
import { ownGraphCounts } from '../support/reliability';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../support/server';

/**
 * Cases the schema-driven fuzzer (tests/fuzz/, `npm run fuzz`) found, replayed as the concrete
 * requests it sent, against the real service: each must get its coded error, write nothing, and
 * leave the service answering. Add a case here whenever the fuzzer finds a new one.
 */

const CGTN = toGlobalId('Organization', 'cgtn');

describe('fuzz regressions', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends a request that must be refused with `code` (naming `field`), change nothing, and leave the service up. */
  async function expectRefused(
    query: string,
    variables: Record<string, unknown> | undefined,
    options: { token?: string; code: string; field?: string },
  ) {
    const before = await ownGraphCounts(server.db.driver);
    const response = await server.graphql(query, variables, { token: options.token });
    const errors = response.errors ?? [];
    expect(response.status).toBeLessThan(500);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.extensions?.code)).toEqual(errors.map(() => options.code));
    if (options.field) {
      expect(errors[0]?.extensions?.field).toBe(options.field);
      expect(errors[0]?.message).toContain(options.field);
    }
    expect(await ownGraphCounts(server.db.driver)).toEqual(before);
    const alive = await server.graphql('{ __typename }');
    expect(alive.data).toEqual({ __typename: 'Query' });
  }

  // Issue #12: occurrencesOf looped on indexOf('') until V8 aborted the process (SIGTRAP).
  it('refuses addSource with an empty bodyStartsWith (the request of issue #12)', async () => {
    await expectRefused(
      `mutation {
        addSource(input: {
          kind: "interview", language: "en", publishedDate: "9999-12-31",
          publisher: "${CGTN}",
          text: "新能源汽车 sales passed 31 percent in 2023. 👍🏽 End of article.",
          title: "t", url: "https://example.org/fuzz",
          bodyStartsWith: ""
        }) { kind }
      }`,
      undefined,
      { token: EDITOR_TOKEN, code: 'BAD_USER_INPUT', field: 'input.bodyStartsWith' },
    );
  });

  // Found by `npm run fuzz -- --seed 6 --service-dir <build of 1e30daa>` at case 958: the same loop
  // reached through bodyEndsWith, after a valid bodyStartsWith, in a request with CJK and an IDN URL.
  it('refuses addSource with an empty bodyEndsWith after a valid bodyStartsWith', async () => {
    await expectRefused(
      'mutation Fuzz958($v0: AddSourceInput!) { addSource(input: $v0) { id url text mentions { __typename } } }',
      {
        v0: {
          title: '\u{10c0dd}nnam',
          url: 'https://例え.jp/記事',
          publishedDate: '2024-02-29',
          language: 'zh-Hans',
          kind: 'interview',
          publisher: toGlobalId('Organization', 'cppcc-committee-economic-affairs'),
          text: 'Test regression: a wider charging network lets carmakers fit smaller batteries (fuzz 1509051948)',
          bodyStartsWith: 'Test regression: a wider charging network',
          bodyEndsWith: '',
        },
      },
      { token: EDITOR_TOKEN, code: 'BAD_USER_INPUT', field: 'input.bodyEndsWith' },
    );
  });

  // Found by `npm run fuzz -- --seed 5` at cases 5874 and 7304 (hostile cases with long lists of bad
  // enum values): past 50 coercion errors graphql-js adds "Too many errors processing variables,
  // error limit reached. Execution aborted.", a GraphQLError without a code, which formatError masks
  // as INTERNAL_SERVER_ERROR (status 400, logged as "unexpected error in a resolver"). It is the
  // client's input that is wrong, so every error should be BAD_USER_INPUT.
  it('answers more than 50 invalid variable values with BAD_USER_INPUT only, never INTERNAL_SERVER_ERROR', async () => {
    const kinds = Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? 'forecast' : 'NOPE'));
    await expectRefused(
      'query Fuzz7304($v0: ClaimFilterInput) { claims(filter: $v0) { __typename } }',
      { v0: { kinds } },
      { code: 'BAD_USER_INPUT' },
    );
  });
});
