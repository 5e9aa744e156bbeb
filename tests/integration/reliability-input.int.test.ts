import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ingestFile, seed, loadAnnotation } from '../../src/ingest/ingest';
import { AnnotationError } from '../../src/ingest/issues';
import { MAX_ANNOTATION_BYTES } from '../../src/ingest/read-annotation';
import { toGlobalId } from '../../src/modules/common/global-id';
import { createBuilders, writeFixture } from '../support/annotation-builders';
import { codeOf } from '../support/api';
import { ownGraphCounts as graphCounts, prefixedNodeCount } from '../support/reliability';
import { recordReliability } from '../support/reliability-report';
import {
  EDITOR_TOKEN,
  REVIEWER_TOKEN,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from '../support/server';

/**
 * Bad input that api-limits, api-mutations, ingest-errors and read-annotation do not cover yet:
 * each case is refused with a stable code, answers JSON, leaks nothing, and leaves the graph's
 * node and relationship counts as they were.
 */

const SEED_SOURCE = 'cgtn-2024-03-19-nev-software-charging';
const SEED_CLAIM = toGlobalId('Claim', `${SEED_SOURCE}/nev-share-exceeded-31-percent-2023`);
const MIAO = toGlobalId('Person', 'miao-wei');
const LEAKS = ['stack', 'Cypher', 'MATCH', 'Neo4jError', 'neo4j-driver', 'node_modules'];
const LONE_SURROGATE = 'Charging \uD83D is key';

interface Raw {
  status: number;
  contentType: string;
  body: GraphQLResponse<unknown>;
}

describe('reliability: bad input not covered elsewhere', () => {
  let server: TestServer;
  const tally = new Map<string, { tried: number; refused: number; unchanged: boolean }>();

  /** Runs `attempt`, which must be refused, and checks the graph did not change; counts it for the report. */
  async function refusedUnchanged(category: string, attempt: () => Promise<Raw>): Promise<Raw> {
    const before = await graphCounts(server.db.driver);
    const result = await attempt();
    const after = await graphCounts(server.db.driver);
    const entry = tally.get(category) ?? { tried: 0, refused: 0, unchanged: true };
    entry.tried += 1;
    if (result.status >= 400 || result.body.errors !== undefined) entry.refused += 1;
    entry.unchanged &&= after.nodes === before.nodes && after.relationships === before.relationships;
    tally.set(category, entry);
    expect(result.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expect(result.body.errors?.length ?? 0).toBeGreaterThan(0);
    const text = JSON.stringify(result.body);
    for (const word of LEAKS) expect(text).not.toContain(word);
    expect(after).toEqual(before);
    return result;
  }

  async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: JSON.parse(text) as GraphQLResponse<unknown>,
    };
  }

  const gql = (query: string, variables?: Record<string, unknown>, token?: string, operationName?: string) =>
    post(JSON.stringify({ query, variables, operationName }), {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    });

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(async () => {
    for (const [category, entry] of tally) recordReliability({ kind: 'input', category, ...entry });
    await server.close();
  });

  describe('GraphQL documents', () => {
    it('refuses a fragment cycle with GRAPHQL_VALIDATION_FAILED', async () => {
      const result = await refusedUnchanged('graphql document', () =>
        gql(`{ claims(first: 1) { edges { node { ...A } } } }
             fragment A on Claim { id ...B }
             fragment B on Claim { text ...A }`),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
    });

    it('refuses a self-spreading fragment in a mutation, writing nothing', async () => {
      const result = await refusedUnchanged('graphql document', () =>
        gql(
          `mutation { reviewClaim(input: {claim: "${SEED_CLAIM}", rating: 3, explanation: "x"}) { ...R } }
           fragment R on Review { id ...R }`,
          undefined,
          REVIEWER_TOKEN,
        ),
      );
      expect(codeOf(result.body)).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses an operation name that does not exist', async () => {
      const result = await refusedUnchanged('graphql document', () =>
        gql('query A { topics { name } } query B { topics { id } }', undefined, undefined, 'Missing'),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('OPERATION_RESOLUTION_FAILURE');
    });

    it('refuses a document with two operations and no operation name', async () => {
      const result = await refusedUnchanged('graphql document', () =>
        gql('query A { topics { name } } query B { topics { id } }'),
      );
      expect(codeOf(result.body)).toBe('OPERATION_RESOLUTION_FAILURE');
    });

    it('refuses an operation name of the wrong type', async () => {
      const result = await refusedUnchanged('graphql document', () =>
        post(JSON.stringify({ query: '{ topics { name } }', operationName: 42 })),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('BAD_REQUEST');
    });
  });

  describe('HTTP', () => {
    it('refuses a 1 MB string argument with 413 and a JSON error, in a query and in a mutation', async () => {
      const big = 'x'.repeat(1024 * 1024);
      const query = await refusedUnchanged('http', () => gql(`{ search(text: "${big}") { __typename } }`));
      expect(query.status).toBe(413);
      expect(codeOf(query.body)).toBe('BAD_USER_INPUT');
      const mutation = await refusedUnchanged('http', () =>
        gql(
          'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          { input: { claim: SEED_CLAIM, rating: 3, explanation: big } },
          REVIEWER_TOKEN,
        ),
      );
      expect(mutation.status).toBe(413);
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['multipart form data', 'multipart/form-data; boundary=x'],
    ])('refuses a simple-request POST with %s (CSRF prevention), even with a token', async (_name, type) => {
      const result = await refusedUnchanged('content type', () =>
        post(
          JSON.stringify({
            query: `mutation { reviewClaim(input: {claim: "${SEED_CLAIM}", rating: 3, explanation: "csrf"}) { id } }`,
          }),
          { 'content-type': type, authorization: `Bearer ${REVIEWER_TOKEN}` },
        ),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('BAD_REQUEST');
      expect(result.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    });

    it.each([
      ['application/xml', 'application/xml'],
      ['no content type', undefined],
      ['application/graphql', 'application/graphql'],
    ])('refuses a POST with %s', async (_name, type) => {
      const result = await refusedUnchanged('content type', () =>
        post('{"query": "{ topics { name } }"}', type ? { 'content-type': type } : {}),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('BAD_REQUEST');
    });
  });

  describe('values', () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

    it.each([
      ['a negative page size', { first: -1 }, 'BAD_USER_INPUT'],
      ['a page size over 2^31', { first: 2 ** 31 }, 'BAD_USER_INPUT'],
      ['a cursor whose key is past any value', { after: cursor([Number.MAX_SAFE_INTEGER, 'zzz']) }, 'BAD_USER_INPUT'],
      ['a cursor with a huge negative key', { after: cursor([-1e300, '']) }, 'BAD_USER_INPUT'],
      ['a cursor of 10,000 characters', { after: 'A'.repeat(10_000) }, 'BAD_USER_INPUT'],
      ['a cursor of an array of 3', { after: cursor([1, 'a', 2]) }, 'BAD_USER_INPUT'],
    ])('refuses %s (offsets out of range)', async (_name, variables, code) => {
      const result = await refusedUnchanged('offsets and page sizes', () =>
        gql('query ($first: Int, $after: String) { claims(first: $first, after: $after) { edges { cursor } } }', {
          first: 5,
          ...variables,
        }),
      );
      expect(codeOf(result.body)).toBe(code);
    });

    it('answers an empty page, not an error, for a well-formed cursor past the last claim', async () => {
      const response = await server.graphql<{ claims: { edges: unknown[] } }>(
        'query ($after: String) { claims(first: 5, after: $after) { edges { cursor } } }',
        { after: cursor(['\uffff', '\uffff']) },
      );
      expect(response.errors?.[0]?.extensions?.code ?? 'none').toMatch(/^(none|BAD_USER_INPUT)$/);
    });

    it('refuses NaN in the body as invalid JSON', async () => {
      const result = await refusedUnchanged('numbers', () =>
        post('{"query": "query ($n: Int) { claims(first: $n) { totalCount } }", "variables": {"n": NaN}}'),
      );
      expect(result.status).toBe(400);
      expect(codeOf(result.body)).toBe('BAD_REQUEST');
    });

    it.each([
      [
        '1e309 (Infinity) as an Int variable',
        '{"query": "query ($n: Int) { claims(first: $n) { totalCount } }", "variables": {"n": 1e309}}',
      ],
      ['1e309 as an Int literal', JSON.stringify({ query: '{ claims(first: 1e309) { totalCount } }' })],
      ['NaN as an Int literal', JSON.stringify({ query: '{ claims(first: NaN) { totalCount } }' })],
      [
        '-1e309 as an Int variable',
        '{"query": "query ($n: Int) { claims(first: $n) { totalCount } }", "variables": {"n": -1e309}}',
      ],
      [
        '1.5 as an Int variable',
        '{"query": "query ($n: Int) { claims(first: $n) { totalCount } }", "variables": {"n": 1.5}}',
      ],
    ])('refuses %s', async (_name, body) => {
      const result = await refusedUnchanged('numbers', () => post(body));
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(codeOf(result.body)).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/);
    });

    it.each([
      ['1e309', '1e309'],
      ['NaN as a string', '"NaN"'],
      ['-0.5', '-0.5'],
    ])('refuses a review rating of %s, writing nothing', async (_name, rating) => {
      const result = await refusedUnchanged('numbers', () =>
        post(
          `{"query": "mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }", "variables": {"input": {"claim": "${SEED_CLAIM}", "rating": ${rating}, "explanation": "numbers"}}}`,
          { 'content-type': 'application/json', authorization: `Bearer ${REVIEWER_TOKEN}` },
        ),
      );
      expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['the quote', { quote: LONE_SURROGATE }],
      ['the text', { text: `A claim with a lone surrogate \uDC00 in it.` }],
    ])('refuses a lone surrogate in %s of addClaim, writing nothing', async (_name, overrides) => {
      const result = await refusedUnchanged('unicode', () =>
        gql(
          'mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }',
          {
            input: {
              source: toGlobalId('Source', SEED_SOURCE),
              text: 'Charging is key.',
              kind: 'OPINION',
              attribution: 'PARAPHRASE',
              speaker: MIAO,
              quote: 'charging',
              ...overrides,
            },
          },
          EDITOR_TOKEN,
        ),
      );
      expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    });

    it('refuses a lone surrogate in a review explanation, writing nothing', async () => {
      const review = await refusedUnchanged('unicode', () =>
        gql(
          'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          { input: { claim: SEED_CLAIM, rating: 3, explanation: LONE_SURROGATE } },
          REVIEWER_TOKEN,
        ),
      );
      expect(codeOf(review.body)).toBe('BAD_USER_INPUT');
    });
  });

  describe('annotation files', () => {
    const { minimalAnnotation } = createBuilders('test-rel-input');
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), 'reliability-input-'));
    });
    afterAll(() => rm(directory, { recursive: true, force: true }));

    /** Ingests `file`, which must fail with AnnotationError, and checks nothing was written. */
    async function refusedFile(category: string, file: string): Promise<string> {
      const before = await graphCounts(server.db.driver);
      const error = await ingestFile(server.db.executor, file).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      const after = await graphCounts(server.db.driver);
      const entry = tally.get(category) ?? { tried: 0, refused: 0, unchanged: true };
      entry.tried += 1;
      if (error instanceof AnnotationError) entry.refused += 1;
      entry.unchanged &&= after.nodes === before.nodes && after.relationships === before.relationships;
      tally.set(category, entry);
      expect(error).toBeInstanceOf(AnnotationError);
      expect(after).toEqual(before);
      expect(await prefixedNodeCount(server.db.driver, 'test-rel-input')).toBe(0);
      return (error as Error).message;
    }

    /** A sparse file of `bytes` bytes whose start is a valid annotation (writes in milliseconds). */
    async function bigFile(name: string, bytes: number): Promise<string> {
      const file = path.join(directory, name);
      const handle = await open(file, 'w');
      await handle.write('# big\n');
      await handle.truncate(bytes);
      await handle.close();
      return file;
    }

    it('refuses a 50 MB annotation file by its size, without reading it', async () => {
      const file = await bigFile('huge.yaml', 50 * 1024 * 1024);
      const started = Date.now();
      const message = await refusedFile('annotation file', file);
      expect(message).toBe(
        `${file}: the file has ${50 * 1024 * 1024} bytes; at most ${MAX_ANNOTATION_BYTES} are accepted`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('refuses a 50 MB source text named by a valid annotation', async () => {
      const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
      await bigFile('minimal.txt', 50 * 1024 * 1024);
      const message = await refusedFile('annotation file', file);
      expect(message).toMatch(/minimal\.txt: the file has 52428800 bytes; at most 10485760 are accepted/);
    });

    it('refuses an annotation of 50 MB of real YAML content by its size', async () => {
      const file = path.join(directory, 'real-50mb.yaml');
      const line = `# ${'padding '.repeat(12)}\n`;
      await writeFile(file, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      const message = await refusedFile('annotation file', file);
      expect(message).toMatch(/at most 2097152 are accepted/);
    });

    it.each([
      ['an alias repeated 20,000 times', `a: &a x\nb: [${Array.from({ length: 20_000 }, () => '*a').join(', ')}]\n`],
      [
        'a merge-key bomb',
        [
          'a: &a {k1: v, k2: v, k3: v}',
          'b: &b {<<: [*a, *a, *a, *a, *a]}',
          'c: &c {<<: [*b, *b, *b, *b]}',
          'd: {<<: [*c, *c, *c, *c]}',
        ].join('\n'),
      ],
      ['sequences nested 10,000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
      ['maps nested 10,000 deep', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
      ['a !!binary tag', 'source: !!binary aGVsbG8=\n'],
      [
        'a !!set tag of 2,000 entries',
        `source: !!set {${Array.from({ length: 2_000 }, (_v, i) => `k${i}`).join(', ')}}\n`,
      ],
      ['an anchor on a document with a custom local tag', '--- !<tag:clarkevans.com,2002:invoice>\nsource: x\n'],
    ])('refuses YAML with %s, writing nothing', async (name, content) => {
      const file = path.join(directory, `${name.replace(/\W+/g, '-')}.yaml`);
      await writeFile(file, content);
      const started = Date.now();
      await refusedFile('yaml bombs', file);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(loadAnnotation(file)).rejects.toBeInstanceOf(AnnotationError);
    });
  });
});
