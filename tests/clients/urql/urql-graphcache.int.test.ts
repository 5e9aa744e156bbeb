import { Client, fetchExchange, gql } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';

import { seed } from '../../../src/ingest/ingest';
import { decodeGlobalId } from '../../support/api';
import { loadSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { possibleTypes } from '../possible-types';

/** urql with Graphcache (its normalised cache) against the real service. */

const CLAIMS_PAGE = gql`
  query ClaimsPage {
    claims(first: 5) {
      edges {
        node {
          id
          text
          quote {
            exact
          }
          speaker {
            id
            name
          }
        }
      }
    }
  }
`;

const CLAIM = gql`
  query Claim($id: ID!) {
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

describe('urql with Graphcache', () => {
  let server: TestServer;
  let data: SeedData;
  let requests = 0;
  const warnings: unknown[][] = [];
  const createdReviews: string[] = [];

  function urqlClient(token?: string) {
    const countingFetch: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    return new Client({
      url: `${server.url}/graphql`,
      fetch: countingFetch,
      fetchOptions: token ? { headers: { authorization: `Bearer ${token}` } } : {},
      preferGetMethod: false,
      exchanges: [
        cacheExchange({
          possibleTypes: possibleTypes(),
          // A quote has no id: it is part of its claim (Graphcache embeds connections and edges itself).
          keys: { TextQuote: () => null },
          // claim(id) is the Claim entity with that id: answer it from the cache when it is there.
          resolvers: { Query: { claim: (_parent, args) => ({ __typename: 'Claim', id: args.id as string }) } },
        }),
        fetchExchange,
      ],
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
    requests = 0;
  });

  it('answers a claim seen in a page from the normalised cache, with no request and no warnings', async () => {
    const client = urqlClient();
    const page = await client.query(CLAIMS_PAGE, {}).toPromise();
    expect(page.error).toBeUndefined();
    const first = (page.data as { claims: { edges: { node: { id: string; text: string } }[] } }).claims.edges[0]!.node;
    expect(requests).toBe(1);

    const claim = await client.query(CLAIM, { id: first.id }, { requestPolicy: 'cache-only' }).toPromise();
    expect((claim.data as { claim: { text: string } }).claim.text).toBe(first.text);
    expect(requests).toBe(1);
    expect(warnings).toEqual([]);
  });

  it("updates the cached claim from a mutation's result", async () => {
    const client = urqlClient(REVIEWER_TOKEN);
    const id = data.claimGid('software-defines-cars');
    const before = await client.query(CLAIM_REVIEWS, { id }).toPromise();
    const count = (before.data as { claim: { reviews: unknown[] } }).claim.reviews.length;

    const result = await client
      .mutation(REVIEW_CLAIM, {
        input: { claim: id, rating: 5, explanation: 'Test review: the ministry says the same.' },
      })
      .toPromise();
    expect(result.error).toBeUndefined();
    const reviewId = (result.data as { reviewClaim: { id: string } }).reviewClaim.id;
    createdReviews.push(reviewId);

    const requestsAfterMutation = requests;
    const cached = await client.query(CLAIM_REVIEWS, { id }, { requestPolicy: 'cache-only' }).toPromise();
    const reviews = (cached.data as { claim: { reviews: { id: string }[] } }).claim.reviews;
    expect(reviews).toHaveLength(count + 1);
    expect(reviews.map((review) => review.id)).toContain(reviewId);
    expect(requests).toBe(requestsAfterMutation);
    expect(warnings).toEqual([]);
  });
});
