import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { Kind, parse, type OperationDefinitionNode } from 'graphql';

import { DEVELOPMENT_TOKENS } from '../../../src/config';
import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf, decodeGlobalId, idsOf } from '../../support/api';
import { graphCounts } from '../../support/neo4j';
import { enumName, loadFullSeed, loadSeed, type FullSeed, type SeedData } from '../../support/seed-data';
import { REVIEWER_TOKEN, startTestServer, type GraphQLResponse, type TestServer } from '../../support/server';

/**
 * The example operations in docs/queries, run as a frontend or a fact-checker would run them,
 * with ids looked up first, against the seeded interview.
 */

const QUERIES_DIRECTORY = path.resolve(__dirname, '..', '..', '..', 'docs', 'queries');
const DOCUMENTED = ['ClaimLineage', 'ClaimsPage', 'MetricSeries', 'PersonClaims', 'ReviewClaim', 'Search'];
/** Reviews this file creates say so in their explanation, so a failed run can still clean them up. */
const REVIEW_MARKER = '[test-docs-queries]';

const LOOKUP = `query Lookup {
  people(first: 100) { edges { node { id name } } }
  metrics(first: 100) { edges { node { id name } } }
  claims(first: 100, filter: { text: "2.4 NEVs for every charging station" }) { edges { node { id } } }
}`;

interface Lookup {
  people: { edges: { node: { id: string; name: string } }[] };
  metrics: { edges: { node: { id: string; name: string } }[] };
  claims: { edges: { node: { id: string } }[] };
}

describe('the documented operations', () => {
  let server: TestServer;
  let data: SeedData;
  let full: FullSeed;
  let documents: Map<string, string>;
  let ids: { miao: string; shareMetric: string; chargingClaim: string };

  async function runDocument<T>(
    name: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const document = documents.get(name);
    if (!document) throw new Error(`docs/queries/${name}.graphql is missing`);
    return server.graphql<T>(document, variables, { token, operationName: name });
  }

  async function deleteTestReviews(): Promise<void> {
    await server.db.driver.executeQuery('MATCH (r:Review) WHERE r.explanation STARTS WITH $marker DETACH DELETE r', {
      marker: REVIEW_MARKER,
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
    const files = (await readdir(QUERIES_DIRECTORY)).filter((file) => file.endsWith('.graphql'));
    documents = new Map(
      await Promise.all(
        files.map(
          async (file) =>
            [path.basename(file, '.graphql'), await readFile(path.join(QUERIES_DIRECTORY, file), 'utf8')] as const,
        ),
      ),
    );
    const lookup = dataOf(await server.graphql<Lookup>(LOOKUP));
    const find = (edges: { node: { id: string; name: string } }[], name: string) => {
      const found = edges.find((edge) => edge.node.name === name);
      if (!found) throw new Error(`lookup found no "${name}"`);
      return found.node.id;
    };
    const shareMetric = data.annotation.metrics.find((metric) => metric.id === 'nev-share-of-new-car-sales');
    ids = {
      miao: find(lookup.people.edges, 'Miao Wei'),
      shareMetric: find(lookup.metrics.edges, shareMetric?.name as string),
      chargingClaim: idsOf(lookup.claims)[0] as string,
    };
    expect(idsOf(lookup.claims)).toEqual([data.claimGid('about-2-4-nevs-per-charging-station-end-2023')]);
  });
  afterAll(async () => {
    await deleteTestReviews();
    await server.close();
  });

  it('has one file per documented operation, each holding that one named operation', () => {
    expect([...documents.keys()].sort()).toEqual(DOCUMENTED);
    for (const [name, document] of documents) {
      const operations = parse(document).definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations.map((operation) => operation.name?.value)).toEqual([name]);
      expect(operations[0]?.operation).toBe(name === 'ReviewClaim' ? 'mutation' : 'query');
    }
  });

  it('ClaimLineage traces the 2.4 NEVs-per-charging-station claim to its words, speaker, role and figure', async () => {
    const local = 'about-2-4-nevs-per-charging-station-end-2023';
    const annotated = data.claim(local);
    const response = await runDocument<{
      claim: {
        text: string;
        kind: string;
        attribution: string;
        lineage: {
          quote: { exact: string; start: number; end: number };
          source: { id: string; title: string; url: string; publishedDate: string };
          publisher: { name: string; fullName: string };
          speaker: { __typename: string; name: string };
          role: { title: string; status: string; organization: { name: string } };
          figures: {
            figure: { value: number; period: { label: string; words: string; relative: boolean } };
            metric: { name: string };
            comparisons: unknown[];
          }[];
          supporting: unknown[];
          contradicting: unknown[];
          reviews: unknown[];
        };
        claimReview: unknown[];
      };
    }>('ClaimLineage', { id: ids.chargingClaim });
    const { claim } = dataOf(response);
    const { lineage } = claim;
    expect(claim).toMatchObject({
      text: annotated.text,
      kind: enumName(annotated.kind),
      attribution: enumName(annotated.attribution),
    });
    expect(lineage.quote.exact).toBe(annotated.quote);
    expect(Array.from(data.text).slice(lineage.quote.start, lineage.quote.end).join('')).toBe(annotated.quote);
    expect(lineage.source).toEqual({
      id: data.sourceGid,
      title: data.loaded.meta.title,
      url: data.loaded.meta.url,
      publishedDate: data.loaded.meta.publishedDate,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(lineage.publisher).toEqual({ name: 'CGTN', fullName: 'China Global Television Network' });
    expect(lineage.speaker).toEqual({ __typename: 'Person', id: ids.miao, name: 'Miao Wei' });
    expect(lineage.role).toEqual({
      title: 'Vice chairman',
      status: 'CURRENT',
      organization: { name: 'Committee on Economic Affairs of the CPPCC National Committee' },
    });
    expect(lineage.figures).toHaveLength(1);
    expect(lineage.figures[0]).toMatchObject({
      figure: {
        value: data.figure('nevs-per-charging-station-end-2023').value,
        period: { label: 'end of 2023', words: 'By the end of last year', relative: true },
      },
      metric: { name: 'NEVs per charging station' },
    });
    expect(lineage.supporting).toEqual([]);
    expect(claim.claimReview).toEqual([]);
  });

  it('PersonClaims pages through everything Miao Wei said, with the role he said it in', async () => {
    type Page = {
      person: {
        name: string;
        roles: { title: string; status: string }[];
        claims: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: {
            node: {
              id: string;
              text: string;
              role: { title: string; status: string; organization: { name: string } } | null;
            };
          }[];
        };
      };
    };
    const seen: Page['person']['claims']['edges'] = [];
    let after: string | null = null;
    let person: Page['person'] | undefined;
    do {
      const response: GraphQLResponse<Page> = await runDocument<Page>('PersonClaims', {
        id: ids.miao,
        first: 4,
        after,
      });
      person = dataOf(response).person;
      seen.push(...person.claims.edges);
      after = person.claims.pageInfo.hasNextPage ? person.claims.pageInfo.endCursor : null;
    } while (after !== null && seen.length < 100);

    const expected = data.claimGids((claim) => claim.speaker === 'miao-wei');
    expect(person?.name).toBe('Miao Wei');
    expect(person?.roles.map((role) => role.status)).toEqual(['CURRENT', 'FORMER']);
    expect(person?.claims.totalCount).toBe(expected.length);
    expect(seen.map((edge) => edge.node.id)).toEqual(expected);
    const roles = new Map(
      data.annotation.people
        .flatMap((p) => p.roles)
        .map((role) => [
          role.id,
          {
            title: role.title,
            status: enumName(role.status),
            organization: { name: data.annotation.organizations.find((org) => org.id === role.organization)?.name },
          },
        ]),
    );
    for (const { node } of seen) {
      const annotated = data.annotation.claims.find((claim) => data.claimGid(claim.id) === node.id);
      expect(node.text).toBe(annotated?.text);
      expect(node.role).toEqual(annotated?.role ? roles.get(annotated.role) : null);
    }

    const opinions = dataOf(await runDocument<Page>('PersonClaims', { id: ids.miao, filter: { kinds: ['OPINION'] } }))
      .person.claims;
    expect(idsOf(opinions)).toEqual(
      data.claimGids((claim) => claim.speaker === 'miao-wei' && claim.kind === 'opinion'),
    );
  });

  it('MetricSeries charts the NEV share of new car sales with its 2035 target', async () => {
    type Series = {
      metric: {
        name: string;
        unit: string;
        figures: { totalCount: number; edges: { node: { value: number; period: { label: string } } }[] };
        targets: {
          name: string;
          threshold: number;
          deadline: string;
          setBy: { __typename: string; name: string };
          projections: { name: string; projectedBy: { name: string } }[];
        }[];
      };
    };
    const metric = data.annotation.metrics.find((m) => m.id === 'nev-share-of-new-car-sales');
    // Every seeded source's figures of the metric, in period order: the interview's 2023 share first.
    const figures = full.figures
      .filter((figure) => figure.metricKey === metric?.id)
      .sort((a, b) =>
        a.periodStart === b.periodStart ? (a.key < b.key ? -1 : 1) : a.periodStart < b.periodStart ? -1 : 1,
      );
    expect(figures.length).toBeGreaterThan(1);
    const series = dataOf(await runDocument<Series>('MetricSeries', { id: ids.shareMetric })).metric;
    expect(series).toMatchObject({ name: metric?.name, unit: metric?.unit });
    expect(series.figures.totalCount).toBe(figures.length);
    expect(series.figures.edges.map((edge) => edge.node.value)).toEqual(figures.map((figure) => figure.value));
    expect(series.figures.edges[0]?.node.period.label).toBe('2023');
    const target = data.annotation.targets.find((t) => t.metric === metric?.id);
    expect(series.targets).toEqual([
      {
        name: target?.name,
        comparator: 'GT',
        threshold: target?.threshold,
        unit: target?.unit,
        deadline: '2035-12-31',
        setBy: { __typename: 'Place', name: 'China' },
        projections: [
          { name: 'Met by 2025 (10 years early)', expectedBy: '2025-12-31', projectedBy: { name: 'Miao Wei' } },
        ],
      },
    ]);

    const later = dataOf(await runDocument<Series>('MetricSeries', { id: ids.shareMetric, from: '2024-01-01' })).metric;
    expect(later.figures.totalCount).toBe(figures.filter((figure) => figure.periodEnd >= '2024-01-01').length);
  });

  it('Search finds the claim "Software defines cars" first, and Miao Wei by name', async () => {
    type Hits = {
      search: {
        score: number;
        node: { __typename: string; id: string; text?: string; name?: string; speaker?: { name: string } };
      }[];
    };
    const cars = dataOf(await runDocument<Hits>('Search', { query: 'software defines cars' })).search;
    expect(cars[0]?.node).toMatchObject({
      __typename: 'Claim',
      id: data.claimGid('software-defines-cars'),
      text: data.claim('software-defines-cars').text,
      speaker: { name: 'Miao Wei' },
    });
    const miao = dataOf(await runDocument<Hits>('Search', { query: 'Miao Wei', first: 5 })).search;
    expect(miao.length).toBeLessThanOrEqual(5);
    expect(miao.map((hit) => hit.node)).toContainEqual({ __typename: 'Person', id: ids.miao, name: 'Miao Wei' });
  });

  it('ClaimsPage walks all claims and filters the narration', async () => {
    type Page = {
      claims: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; speaker: { name: string } } }[];
      };
    };
    const visited: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: GraphQLResponse<Page> = await runDocument<Page>('ClaimsPage', { first: 10, after });
      const page: Page['claims'] = dataOf(response).claims;
      visited.push(...idsOf(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after !== null && pages < 20);
    expect(visited).toEqual(full.claims.map((claim) => toGlobalId('Claim', claim.key)));
    expect(pages).toBe(Math.ceil(full.claims.length / 10));

    const narration = dataOf(
      await runDocument<Page>('ClaimsPage', { first: 100, filter: { attributions: ['NARRATION'] } }),
    ).claims;
    const narrated = full.claims.filter((claim) => enumName(claim.attribution) === 'NARRATION');
    expect(idsOf(narration)).toEqual(narrated.map((claim) => toGlobalId('Claim', claim.key)));
    // Narration is the outlet's own voice: each narrated claim's speaker is its source's publisher.
    const outletNames = new Set(
      narrated.map((claim) => full.organizations.find((org) => org.key === claim.speakerKey)?.name),
    );
    expect(outletNames).toContain('CGTN');
    expect(new Set(narration.edges.map((edge) => edge.node.speaker.name))).toEqual(outletNames);
  });

  it('ReviewClaim needs a reviewer token', async () => {
    const before = await graphCounts(server.db.driver);
    const response = await runDocument('ReviewClaim', {
      input: { claim: ids.chargingClaim, rating: 4, explanation: `${REVIEW_MARKER} without a token` },
    });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(await graphCounts(server.db.driver)).toEqual(before);
  });

  it('ReviewClaim publishes a verdict that the lineage and ClaimReview JSON-LD then show', async () => {
    const figureId = data.figureGid('nevs-per-charging-station-end-2023');
    const explanation = `${REVIEW_MARKER} The ratio matches the charging statistics published for the end of 2023.`;
    const response = await runDocument<{
      reviewClaim: {
        id: string;
        rating: number;
        ratingLabel: string;
        explanation: string;
        reviewer: string;
        datePublished: string;
        url: string;
        evidence: { __typename: string; id: string }[];
        claim: { id: string; text: string; claimReview: Record<string, unknown>[] };
      };
    }>(
      'ReviewClaim',
      {
        input: {
          claim: ids.chargingClaim,
          rating: 4,
          explanation,
          url: 'https://example.org/test-docs-queries/review',
          evidence: [figureId],
        },
      },
      REVIEWER_TOKEN,
    );
    const review = dataOf(response).reviewClaim;
    const { type, key } = decodeGlobalId(review.id);
    try {
      expect(type).toBe('Review');
      const reviewerName = DEVELOPMENT_TOKENS.find((token) => token.token === REVIEWER_TOKEN)?.name;
      expect(review).toMatchObject({
        rating: 4,
        ratingLabel: 'Mostly true',
        explanation,
        reviewer: reviewerName,
        url: 'https://example.org/test-docs-queries/review',
        evidence: [{ __typename: 'Figure', id: figureId }],
      });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const annotated = data.claim('about-2-4-nevs-per-charging-station-end-2023');
      expect(review.claim.id).toBe(ids.chargingClaim);
      expect(review.claim.claimReview).toEqual([
        expect.objectContaining({
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          claimReviewed: annotated.text,
          reviewRating: expect.objectContaining({
            ratingValue: 4,
            bestRating: 5,
            worstRating: 1,
            alternateName: 'Mostly true',
          }),
          itemReviewed: expect.objectContaining({
            author: expect.objectContaining({ name: 'Miao Wei', jobTitle: 'Vice chairman' }),
            appearance: expect.objectContaining({ url: data.loaded.meta.url, headline: data.loaded.meta.title }),
          }),
        }),
      ]);

      const lineage = dataOf(
        await runDocument<{ claim: { lineage: { reviews: { id: string; rating: number }[] } } }>('ClaimLineage', {
          id: ids.chargingClaim,
        }),
      ).claim.lineage;
      expect(lineage.reviews).toEqual([expect.objectContaining({ id: review.id, rating: 4 })]);
    } finally {
      await server.db.driver.executeQuery('MATCH (r:Review {id: $key}) DETACH DELETE r', { key });
    }
    const { records } = await server.db.driver.executeQuery('MATCH (r:Review {id: $key}) RETURN r', { key });
    expect(records).toHaveLength(0);
  });
});
