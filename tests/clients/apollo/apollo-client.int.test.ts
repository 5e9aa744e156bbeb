import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';

import { seed } from '../../../src/ingest/ingest';
import { decodeGlobalId } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { possibleTypes } from '../possible-types';

/** Apollo Client 4 with InMemoryCache against the real service. */

const CLAIM_WITH_SPEAKER = gql`
  query ClaimWithSpeaker($id: ID!) {
    claim(id: $id) {
      id
      text
      speaker {
        id
        name
      }
    }
  }
`;

const CLAIMS_OF_SOURCE = gql`
  query ClaimsOfSource($source: ID!) {
    claims(first: 50, filter: { source: $source }) {
      edges {
        node {
          id
          kind
          speaker {
            id
            name
            ... on Person {
              roles {
                title
              }
            }
          }
        }
      }
    }
  }
`;

const CLAIM_REVIEWS = gql`
  query ClaimReviews($id: ID!) {
    claim(id: $id) {
      id
      reviews {
        id
        rating
      }
    }
  }
`;

const REVIEW_CLAIM = gql`
  mutation ReviewClaim($input: ReviewClaimInput!) {
    reviewClaim(input: $input) {
      id
      rating
      claim {
        id
        reviews {
          id
          rating
        }
      }
    }
  }
`;

describe('Apollo Client 4 InMemoryCache', () => {
  let server: TestServer;
  let data: SeedData;
  const warnings: unknown[][] = [];
  const createdReviews: string[] = [];

  function apolloClient(token?: string) {
    return new ApolloClient({
      link: new HttpLink({
        uri: `${server.url}/graphql`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
      cache: new InMemoryCache({ possibleTypes: possibleTypes() }),
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
    for (const level of ['warn', 'error'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void warnings.push(args));
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    const keys = createdReviews.map((id) => decodeGlobalId(id).key);
    await server.db.driver.executeQuery('MATCH (r:Review) WHERE r.id IN $keys DETACH DELETE r', { keys });
    await server.close();
  });
  beforeEach(() => {
    warnings.length = 0;
  });

  it('normalises a claim and its speaker shared by two queries into one cache entry each, with no warnings', async () => {
    const client = apolloClient();
    const id = data.claimGid('software-defines-cars');
    const one = await client.query({ query: CLAIM_WITH_SPEAKER, variables: { id } });
    const speakerId = (one.data as { claim: { speaker: { id: string } } }).claim.speaker.id;
    await client.query({ query: CLAIMS_OF_SOURCE, variables: { source: data.sourceGid } });

    const cache = client.extract() as Record<string, Record<string, unknown>>;
    const claimKey = `Claim:${id}`;
    const speakerKey = `Person:${speakerId}`;
    expect(cache[claimKey]).toMatchObject({ id, text: expect.any(String), kind: expect.any(String) });
    expect(cache[speakerKey]).toMatchObject({ id: speakerId, name: expect.any(String), roles: expect.any(Array) });
    // Both queries point at the one entry: the id appears in no other entry except as a reference.
    const serialised = JSON.stringify(Object.entries(cache).filter(([key]) => key !== claimKey));
    expect(serialised.split(`"id":"${id}"`)).toHaveLength(1);
    expect(serialised).toContain(`{"__ref":"${claimKey}"}`);
    expect(JSON.stringify(cache[claimKey])).toContain(`{"__ref":"${speakerKey}"}`);
    expect(warnings).toEqual([]);
  });

  it("updates the cached claim from a mutation's result, without refetching", async () => {
    const client = apolloClient(REVIEWER_TOKEN);
    const id = data.claimGid('china-nev-industry-booming');
    const before = await client.query({ query: CLAIM_REVIEWS, variables: { id } });
    const reviewsBefore = (before.data as { claim: { reviews: unknown[] } }).claim.reviews.length;

    const result = await client.mutate({
      mutation: REVIEW_CLAIM,
      variables: { input: { claim: id, rating: 3, explanation: 'Test review: half the growth is exports.' } },
    });
    const reviewId = (result.data as { reviewClaim: { id: string } }).reviewClaim.id;
    createdReviews.push(reviewId);

    const cached = client.readQuery<{ claim: { reviews: { id: string }[] } }>({
      query: CLAIM_REVIEWS,
      variables: { id },
    });
    expect(cached?.claim.reviews).toHaveLength(reviewsBefore + 1);
    expect(cached?.claim.reviews.map((review) => review.id)).toContain(reviewId);
    expect(warnings).toEqual([]);
  });

  it('reads a partial success (status 294, application/graphql-response+json) as data with errors', async () => {
    const client = apolloClient();
    const result = await client.query({
      query: gql`
        query Partial {
          topics {
            id
          }
          node(id: "not-an-id") {
            id
          }
        }
      `,
      errorPolicy: 'all',
    });
    expect((result.data as { topics: unknown[] }).topics.length).toBeGreaterThan(0);
    expect(result.error?.message).toMatch(/not a valid id/);
  });
});
