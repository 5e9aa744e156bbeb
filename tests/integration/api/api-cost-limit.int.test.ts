import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { MAX_PAGE_SIZE } from '../../../src/modules/common/pagination';
import { LIMITS } from '../../../src/server';
import { dataOf } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../support/server';

/**
 * The cost limit (src/http/cost.ts, weights measured on the bench data): every documented maximum
 * passes, and a query that multiplies pages is refused before any Cypher runs, naming the field
 * that weighs most and the `first` arguments to lower.
 */

const QUERIES_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'docs', 'queries');

/** The benchmark's nested page (bench/lib/operations.mjs) at the largest page there is. */
const NESTED_PAGE = `query Nested($first: Int!) { claims(first: $first) { edges { node {
  id text speaker { id name } role { id title organization { name } }
  source { id title publishedDate publisher { id name } }
  figures { id value unit metric { id name } } metrics { id name unit } topics { name } } }
  pageInfo { endCursor hasNextPage } } }`;

/** Search at its default page, each metric hit with a page of its figures. */
const SEARCH_WITH_FIGURES = `query ($query: String!) { search(query: $query, first: 10) { score node {
  __typename id
  ... on Claim { text speaker { name } source { title } cited: figures { value metric { name } } }
  ... on Metric { name unit figures(first: 20) { totalCount edges { node { id value unit period { label }
    place { name } source { title } citedBy { id text } } } } } } } }`;

interface Refusal {
  message: string;
  extensions?: Record<string, unknown>;
}

describe('the cost limit', () => {
  let server: TestServer;
  let data: SeedData;

  async function document(name: string): Promise<string> {
    return readFile(path.join(QUERIES_DIRECTORY, `${name}.graphql`), 'utf8');
  }

  /** Posts an operation that must run: no QUERY_TOO_COMPLEX, no error at all, data. */
  async function passes(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
    const response = await server.graphql(query, variables);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response;
  }

  /** Posts an operation that must be refused by the cost limit, before any Cypher ran. */
  async function refused(query: string, variables: Record<string, unknown> = {}): Promise<Refusal> {
    const response = await server.graphql(query, variables);
    expect(response.status).toBe(422);
    expect(response.data).toBeUndefined();
    expect(response.extensions?.cypherQueries).toBe(0);
    const error = response.errors?.[0] as Refusal;
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    return error;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
  });
  afterAll(() => server.close());

  describe('documented maximums pass', () => {
    it('a page of 100 claims with speaker, role, source, publisher, figures, metrics and topics', async () => {
      const response = await passes(NESTED_PAGE, { first: MAX_PAGE_SIZE });
      const claims = (dataOf(response) as { claims: { edges: unknown[] } }).claims;
      // The seed, and any other sources a test file left (seed/sources), up to the page size.
      expect(claims.edges.length).toBeGreaterThanOrEqual(data.annotation.claims.length);
    });

    it('search(first: 10) with Metric.figures(first: 20) under each metric hit', async () => {
      const response = await passes(SEARCH_WITH_FIGURES, { query: 'share of new car sales' });
      const hits = (dataOf(response) as { search: { node: { __typename: string } }[] }).search;
      expect(hits.some((hit) => hit.node.__typename === 'Metric')).toBe(true);
    });

    it.each([
      ['ClaimsPage', {}],
      ['PersonClaims', { id: toGlobalId('Person', 'miao-wei') }],
      ['MetricSeries', { id: toGlobalId('Metric', 'nev-share-of-new-car-sales') }],
      ['Search', { query: 'charging' }],
    ])('docs/queries/%s.graphql at first: 100', async (name, variables) => {
      await passes(await document(name), { ...variables, first: MAX_PAGE_SIZE });
    });

    it('docs/queries/ClaimLineage.graphql', async () => {
      await passes(await document('ClaimLineage'), { id: data.claimGid('software-defines-cars') });
    });
  });

  describe('hostile queries are refused, naming what to lower', () => {
    it('a page of claims, each with a page of claims of each topic: the nested page and the outer one', async () => {
      const error = await refused(
        '{ claims(first: 100) { edges { node { topics { claims(first: 100) { edges { node { text } } } } } } } }',
      );
      expect(error.message).toContain('Topic.claims');
      expect(error.message).toContain('lower Topic.claims(first:) or Query.claims(first:)');
      expect(error.extensions).toMatchObject({
        field: 'Topic.claims',
        path: 'claims.edges.node.topics.claims',
        lower: ['Topic.claims(first:)', 'Query.claims(first:)'],
      });
    });

    it('the same sizes passed as variables, which the former limit did not see', async () => {
      const query = `query ($n: Int) { claims(first: $n) { edges { node { topics { claims(first: $n) {
        edges { node { text } } } } } } } }`;
      const error = await refused(query, { n: 100 });
      expect(error.extensions?.field).toBe('Topic.claims');
      // Small pages of the same shape are fine.
      await passes(query, { n: 5 });
    });

    it('a page of metrics, each with a page of their claims: named by its db hits', async () => {
      // A metric's claims are still found by walking claims (directly or through cited figures),
      // so each page of them costs thousands of db hits per claim on medium.
      const error = await refused(
        '{ metrics(first: 100) { edges { node { claims(first: 20) { edges { node { id } } } } } } }',
      );
      expect(error.extensions).toMatchObject({
        limit: 'cost',
        field: 'Metric.claims',
        lower: ['Metric.claims(first:)', 'Query.metrics(first:)'],
      });
      expect(error.extensions?.cost).toBeGreaterThan(LIMITS.maxCost);
      expect(error.message).toMatch(
        /^The query costs too much: about [\d,]+ database hits, over the limit of [\d,]+\./,
      );
    });

    it('a page of people, each with a page of their claims: cheap in db hits, refused by its size', async () => {
      // A person's claims start from the person since claim.pages has a branch per parent, so
      // this costs little database work; it is the 10,000 objects it could return that are refused.
      const error = await refused(
        '{ people(first: 100) { edges { node { claims(first: 100) { edges { node { id } } } } } } }',
      );
      expect(error.extensions).toMatchObject({ limit: 'objects', field: 'Person.claims' });
      expect(error.extensions?.cost).toBeLessThan(LIMITS.maxCost);
      expect(error.extensions?.objects).toBeGreaterThan(LIMITS.maxObjects);
    });

    it('deep nesting that multiplies lists under a page', async () => {
      const hop = 'claims(first: 100) { edges { node { topics { ';
      const query = `{ ${hop.repeat(2)}claims(first: 100) { edges { node { id } } }${' } } } }'.repeat(2)} }`;
      const error = await refused(query);
      expect(error.extensions?.field).toBe('Topic.claims');
      expect(error.extensions?.path).toBe('claims.edges.node.topics.claims.edges.node.topics.claims');
      expect(error.extensions?.lower).toEqual(['Topic.claims(first:)', 'Topic.claims(first:)', 'Query.claims(first:)']);
    });

    it('aliases of one page count once each', async () => {
      const page = 'claims(first: 100) { edges { node { topics { claims(first: 40) { edges { node { id } } } } } } }';
      await passes(`{ ${page.replace('first: 40', 'first: 10')} }`);
      const aliased = Array.from({ length: 10 }, (_, i) => `a${i}: ${page.replace('first: 40', 'first: 10')}`).join(
        ' ',
      );
      const error = await refused(`{ ${aliased} }`);
      expect(error.extensions?.field).toBe('Topic.claims');
    });
  });
});
