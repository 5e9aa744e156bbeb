import { seed } from '../../../src/ingest/ingest';
import { dataOf } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

/** Source.counts and Query.latestReviews: what the explorer's start page lists. */
describe('source counts and the latest reviews', () => {
  let server: TestServer;
  let data: SeedData;
  const created: string[] = [];

  const COUNTS = `query Counts($id: ID!) { source(id: $id) { counts { claims figures reviews } } }`;
  const LATEST = `query Latest($first: Int) { latestReviews(first: $first) { id ratingLabel claim { id } } }`;
  const REVIEW = `mutation Review($input: ReviewClaimInput!) { reviewClaim(input: $input) { id } }`;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
  });
  afterAll(async () => {
    await server.db.driver.executeQuery('MATCH (r:Review) WHERE r.id IN $ids DETACH DELETE r', { ids: created });
    await server.close();
  });

  const countsOf = async () =>
    dataOf(
      await server.graphql<{ source: { counts: { claims: number; figures: number; reviews: number } } }>(COUNTS, {
        id: data.sourceGid,
      }),
    ).source.counts;

  it("counts the seeded interview's claims and figures from its annotation file", async () => {
    const counts = await countsOf();
    expect(counts.claims).toBe(data.annotation.claims.length);
    expect(counts.figures).toBe(data.annotation.figures.length);
  });

  it('counts a new review of one of its claims, and lists it first among the latest reviews', async () => {
    const before = (await countsOf()).reviews;
    const claim = data.claimGid(data.annotation.claims[0]?.id as string);
    const review = dataOf(
      await server.graphql<{ reviewClaim: { id: string } }>(
        REVIEW,
        { input: { claim, rating: 4, explanation: 'Matches the quote (source-counts test).' } },
        { token: REVIEWER_TOKEN },
      ),
    ).reviewClaim;
    created.push(
      Buffer.from(review.id, 'base64url')
        .toString('utf8')
        .replace(/^Review:/, ''),
    );

    expect((await countsOf()).reviews).toBe(before + 1);
    const latest = dataOf(
      await server.graphql<{ latestReviews: { id: string; claim: { id: string } }[] }>(LATEST, { first: 1 }),
    ).latestReviews;
    expect(latest).toEqual([expect.objectContaining({ id: review.id, claim: { id: claim } })]);
  });

  it('refuses a page of latest reviews that is too large or negative with BAD_USER_INPUT', async () => {
    for (const first of [51, -1]) {
      const response = await server.graphql(LATEST, { first });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
