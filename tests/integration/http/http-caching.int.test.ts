import { createHash } from 'node:crypto';

import { seed } from '../../../src/ingest/ingest';
import { MAX_AGE } from '../../../src/http/cache-control';
import { decodeGlobalId } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { postGraphQL, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

/**
 * Cacheable reads: Cache-Control by type and field for anonymous reads, no-store for token holders
 * and mutations, an ETag answered with 304 while the answer is unchanged, and automatic persisted
 * queries over GET.
 */
describe('HTTP caching', () => {
  let server: TestServer;
  let data: SeedData;
  const createdReviews: string[] = [];

  /** An anonymous GET with the CSRF header browsers send; `extra` adds headers. */
  async function get(parameters: Record<string, unknown>, extra: Record<string, string> = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(parameters)) {
      search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const response = await fetch(`${server.url}/graphql?${search.toString()}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json', ...extra },
    });
    const text = await response.text();
    return {
      url: `/graphql?${search.toString()}`,
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
      etag: response.headers.get('etag'),
      vary: response.headers.get('vary') ?? '',
      body:
        text === ''
          ? undefined
          : (JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }),
    };
  }

  const publicFor = (seconds: number) => `max-age=${seconds}, public`;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
  });
  afterAll(async () => {
    const keys = createdReviews.map((id) => decodeGlobalId(id).key);
    await server.db.driver.executeQuery('MATCH (r:Review) WHERE r.id IN $keys DETACH DELETE r', { keys });
    await server.close();
  });

  describe('Cache-Control per type and field', () => {
    it('gives a source, which no mutation changes, the entity age', async () => {
      const response = await get({
        query: 'query ($id: ID!) { source(id: $id) { title publisher { name } } }',
        variables: { id: data.sourceGid },
      });
      expect(response.status).toBe(200);
      expect(response.cacheControl).toBe(publicFor(MAX_AGE.entity));
      expect(response.vary).toMatch(/Accept/);
      expect(response.vary).toMatch(/Authorization/);
    });

    it('gives a claim the default age, and its reviews or any list the shorter one', async () => {
      const id = data.claimGid('software-defines-cars');
      const claim = await get({
        query: 'query ($id: ID!) { claim(id: $id) { text speaker { name } } }',
        variables: { id },
      });
      expect(claim.cacheControl).toBe(publicFor(MAX_AGE.default));
      const reviews = await get({
        query: 'query ($id: ID!) { claim(id: $id) { text reviews { rating } } }',
        variables: { id },
      });
      expect(reviews.cacheControl).toBe(publicFor(MAX_AGE.changing));
      const page = await get({ query: '{ claims(first: 2) { edges { node { id } } } }' });
      expect(page.cacheControl).toBe(publicFor(MAX_AGE.changing));
    });

    it('sends no-store to a token holder, for a mutation and for a response with errors', async () => {
      const query = 'query ($id: ID!) { source(id: $id) { title } }';
      const withToken = await get(
        { query, variables: { id: data.sourceGid } },
        { authorization: `Bearer ${REVIEWER_TOKEN}` },
      );
      expect([withToken.status, withToken.cacheControl]).toEqual([200, 'no-store']);

      const mutation = await postGraphQL<{ reviewClaim: { id: string } }>(
        server.url,
        {
          query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          variables: {
            input: {
              claim: data.claimGid('software-defines-cars'),
              rating: 4,
              explanation: 'Test review: matches the ministry series.',
            },
          },
        },
        { authorization: `Bearer ${REVIEWER_TOKEN}` },
      );
      createdReviews.push(mutation.body.data!.reviewClaim.id);
      expect(mutation.headers.get('cache-control')).toBe('no-store');

      const partial = await get({ query: '{ topics { id } node(id: "not-an-id") { id } }' });
      expect(partial.cacheControl).toBe('no-store');
    });
  });

  describe('ETag and If-None-Match', () => {
    it('answers 304 with no body while the answer is unchanged, and 200 with a new ETag after a write', async () => {
      const id = data.claimGid('china-nev-industry-booming');
      const parameters = {
        query: 'query ($id: ID!) { claim(id: $id) { reviews { rating explanation } } }',
        variables: { id },
      };
      const first = await get(parameters);
      expect(first.etag).toMatch(/^(W\/)?"/);

      // As a browser or CDN revalidates; without a Cache-Control of its own, fetch() would send
      // "no-cache" with If-None-Match, which asks for a full answer.
      const revalidate = { 'if-none-match': first.etag!, 'cache-control': 'max-age=0' };
      const revalidated = await get(parameters, revalidate);
      expect(revalidated.status).toBe(304);
      expect(revalidated.body).toBeUndefined();
      expect(revalidated.cacheControl).toBe(first.cacheControl);

      const review = await postGraphQL<{ reviewClaim: { id: string } }>(
        server.url,
        {
          query: 'mutation ($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }',
          variables: {
            input: { claim: id, rating: 2, explanation: 'Test review: the share quoted is for 2022, not 2023.' },
          },
        },
        { authorization: `Bearer ${REVIEWER_TOKEN}` },
      );
      createdReviews.push(review.body.data!.reviewClaim.id);

      const afterWrite = await get(parameters, revalidate);
      expect(afterWrite.status).toBe(200);
      expect(afterWrite.etag).not.toBe(first.etag);
      expect(JSON.stringify(afterWrite.body)).toContain('the share quoted is for 2022');
    });
  });

  describe('automatic persisted queries', () => {
    const query =
      'query ClaimsPage($first: Int) { claims(first: $first) { edges { node { id text speaker { name } } } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };

    it('asks for the document once, then answers a short, cacheable GET with the hash alone', async () => {
      const unknown = await get({ variables: { first: 3 }, extensions: persisted });
      expect(unknown.status).toBe(200);
      expect(unknown.body?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const registered = await get({ query, variables: { first: 3 }, extensions: persisted });
      expect(registered.status).toBe(200);

      const byHash = await get({ variables: { first: 3 }, extensions: persisted });
      expect(byHash.status).toBe(200);
      expect(byHash.body).toEqual(registered.body);
      expect(byHash.cacheControl).toBe(publicFor(MAX_AGE.changing));
      expect(byHash.url.length).toBeLessThan(200);
      expect(byHash.url.length).toBeLessThan(registered.url.length / 1.5);
    });

    it('refuses a hash that does not match the document', async () => {
      const wrong = await get({ query: '{ topics { id } }', extensions: persisted });
      expect(wrong.status).toBe(422);
      expect(wrong.body?.data).toBeUndefined();
    });
  });
});
