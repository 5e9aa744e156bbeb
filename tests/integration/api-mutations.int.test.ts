import { seed } from '../../src/ingest/ingest';
import { toGlobalId } from '../../src/modules/common/global-id';
import { codeOf } from '../support/api';
import { graphCounts, type GraphCounts } from '../support/neo4j';
import {
  EDITOR_TOKEN,
  REVIEWER_TOKEN,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from '../support/server';

const SEED_SOURCE = 'cgtn-2024-03-19-nev-software-charging';
const seedClaim = (local: string) => toGlobalId('Claim', `${SEED_SOURCE}/${local}`);
const MIAO = toGlobalId('Person', 'miao-wei');
const MIAO_CURRENT_ROLE = toGlobalId('Role', 'miao-wei-vice-chairman-cppcc-economic-affairs');
const CGTN = toGlobalId('Organization', 'cgtn');

/** A test article with boilerplate around a body that has CJK, an emoji and a combining mark. */
const TEST_TEXT = [
  'Cookie banner: we use cookies.',
  '',
  'Test body 🚗 starts here. 新能源汽车 sales rose – said Mr Café. "Charging 🔌 is key," he said.',
  '',
  'Search Trends',
].join('\n');

const ADD_SOURCE = `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id title length body { start end } contentHash } }`;
const ADD_CLAIM = `mutation AddClaim($input: AddClaimInput!) {
  addClaim(input: $input) { id text kind attribution quote { exact start end prefix suffix } speaker { name } role { title } source { id text } }
}`;
const LINK_EVIDENCE = `mutation Link($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id evidence { stance note origin addedBy item { ... on Claim { id } ... on Figure { id } } } } }`;
const REVIEW_CLAIM = `mutation Review($input: ReviewClaimInput!) { reviewClaim(input: $input) { id rating ratingLabel reviewer evidence { ... on Claim { id } ... on Figure { id } ... on Source { id } } } }`;

describe('mutations', () => {
  let server: TestServer;
  let before: GraphCounts;
  const createdSourceKeys: string[] = [];

  const sourceInput = (text = TEST_TEXT) => ({
    title: 'Test source for mutations',
    url: 'https://example.org/test-source',
    publishedDate: '2024-03-20',
    language: 'en',
    kind: 'article',
    publisher: CGTN,
    text,
    bodyStartsWith: 'Test body',
    bodyEndsWith: 'he said.',
  });

  async function addTestSource(
    text = TEST_TEXT,
  ): Promise<{ id: string; length: number; body: { start: number; end: number } }> {
    const response = await server.graphql<{
      addSource: { id: string; length: number; body: { start: number; end: number } };
    }>(ADD_SOURCE, { input: sourceInput(text) }, { token: EDITOR_TOKEN });
    expect(response.errors).toBeUndefined();
    const source = response.data!.addSource;
    createdSourceKeys.push(
      Buffer.from(source.id, 'base64url')
        .toString('utf8')
        .replace(/^Source:/, ''),
    );
    return source;
  }

  async function expectUnchanged(run: () => Promise<GraphQLResponse>, code: string) {
    const counts = await graphCounts(server.db.driver);
    const response = await run();
    expect(codeOf(response)).toBe(code);
    expect(await graphCounts(server.db.driver)).toEqual(counts);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    before = await graphCounts(server.db.driver);
  });

  afterAll(async () => {
    await server.db.driver.executeQuery(
      `MATCH (n) WHERE (n:Source AND n.id IN $keys) OR (n:Claim AND EXISTS { (n)-[:APPEARS_IN]->(s:Source) WHERE s.id IN $keys })
       DETACH DELETE n`,
      { keys: createdSourceKeys },
    );
    await server.db.driver.executeQuery(`MATCH (r:Review) WHERE r.reviewer IN ['dev-reviewer'] DETACH DELETE r`);
    await server.db.driver.executeQuery(`MATCH ()-[r:SUPPORTS|CONTRADICTS {origin: 'api'}]->() DELETE r`);
    expect(await graphCounts(server.db.driver)).toEqual(before);
    await server.close();
  });

  describe('authentication', () => {
    it('refuses a write without a token with UNAUTHENTICATED and writes nothing', async () => {
      await expectUnchanged(() => server.graphql(ADD_SOURCE, { input: sourceInput() }), 'UNAUTHENTICATED');
    });

    it('refuses a wrong token and a malformed Authorization header with UNAUTHENTICATED', async () => {
      await expectUnchanged(
        () => server.graphql(ADD_SOURCE, { input: sourceInput() }, { token: 'not-a-real-token' }),
        'UNAUTHENTICATED',
      );
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
        body: JSON.stringify({ query: ADD_SOURCE, variables: { input: sourceInput() } }),
      });
      const body = (await response.json()) as GraphQLResponse;
      expect(codeOf(body)).toBe('UNAUTHENTICATED');
    });

    it('lets anyone read without a token', async () => {
      const response = await server.graphql(`{ claim(id: "${seedClaim('software-defines-cars')}") { text } }`);
      expect(response.errors).toBeUndefined();
    });

    it('refuses a review from an editor with FORBIDDEN', async () => {
      await expectUnchanged(
        () =>
          server.graphql(
            REVIEW_CLAIM,
            { input: { claim: seedClaim('software-defines-cars'), rating: 3, explanation: 'x' } },
            { token: EDITOR_TOKEN },
          ),
        'FORBIDDEN',
      );
    });
  });

  describe('addSource', () => {
    it('stores the raw text unchanged and computes the body range in code points', async () => {
      const source = await addTestSource();
      expect(source.length).toBe(Array.from(TEST_TEXT).length);
      const characters = Array.from(TEST_TEXT);
      expect(characters.slice(source.body.start, source.body.end).join('')).toMatch(/^Test body 🚗 .* he said\.$/);
      const stored = await server.graphql<{ source: { text: string } }>(
        `query($id: ID!) { source(id: $id) { text } }`,
        { id: source.id },
      );
      expect(stored.data?.source.text).toBe(TEST_TEXT);
    });

    it('refuses the same text twice, an unknown publisher, and bad fields, writing nothing', async () => {
      const text = `${TEST_TEXT}\nduplicate check`;
      await addTestSource(text);
      await expectUnchanged(
        () => server.graphql(ADD_SOURCE, { input: sourceInput(text) }, { token: EDITOR_TOKEN }),
        'BAD_USER_INPUT',
      );
      await expectUnchanged(
        () =>
          server.graphql(
            ADD_SOURCE,
            { input: { ...sourceInput(`${TEST_TEXT} other`), publisher: toGlobalId('Organization', 'no-such-org') } },
            { token: EDITOR_TOKEN },
          ),
        'NOT_FOUND',
      );
      for (const bad of [
        { url: 'javascript:alert(1)' },
        { kind: 'tweet' },
        { language: 'english!' },
        { text: '   ' },
        { bodyStartsWith: 'not in the text' },
      ]) {
        await expectUnchanged(
          () =>
            server.graphql(
              ADD_SOURCE,
              { input: { ...sourceInput(`${TEST_TEXT} ${JSON.stringify(bad)}`), ...bad } },
              { token: EDITOR_TOKEN },
            ),
          'BAD_USER_INPUT',
        );
      }
      await expectUnchanged(
        () =>
          server.graphql(
            ADD_SOURCE,
            { input: { ...sourceInput(), publishedDate: '2023-02-30' } },
            { token: EDITOR_TOKEN },
          ),
        'BAD_USER_INPUT',
      );
    });
  });

  describe('addClaim', () => {
    let sourceId: string;

    beforeAll(async () => {
      sourceId = (await addTestSource(`${TEST_TEXT}\nclaims`)).id;
    });

    const claimInput = (overrides: Record<string, unknown> = {}) => ({
      source: sourceId,
      text: 'Charging is key to NEV adoption.',
      kind: 'OPINION',
      attribution: 'DIRECT_QUOTE',
      speaker: MIAO,
      role: MIAO_CURRENT_ROLE,
      quote: 'Charging 🔌 is key',
      topics: [toGlobalId('Topic', 'charging-infrastructure')],
      ...overrides,
    });

    it('anchors the quote after non-ASCII text with code-point offsets', async () => {
      const response = await server.graphql<{
        addClaim: {
          quote: { exact: string; start: number; end: number; prefix: string; suffix: string };
          source: { text: string };
          role: { title: string };
        };
      }>(ADD_CLAIM, { input: claimInput() }, { token: EDITOR_TOKEN });
      expect(response.errors).toBeUndefined();
      const claim = response.data!.addClaim;
      const text = claim.source.text;
      expect(Array.from(text).slice(claim.quote.start, claim.quote.end).join('')).toBe('Charging 🔌 is key');
      expect(claim.quote.start).toBe(Array.from(text.slice(0, text.indexOf('Charging 🔌'))).length);
      expect(claim.quote.start).toBeLessThan(text.indexOf('Charging 🔌'));
      expect(claim.quote.end - claim.quote.start).toBe(17);
      expect(text).toContain(claim.quote.prefix + claim.quote.exact + claim.quote.suffix);
      expect(claim.role.title).toBe('Vice chairman');
    });

    it.each([
      ['a quote that is not in the text', { quote: 'never said this' }, 'BAD_USER_INPUT'],
      ['a quote in the boilerplate', { quote: 'Search Trends' }, 'BAD_USER_INPUT'],
      ['an empty quote', { quote: '  ' }, 'BAD_USER_INPUT'],
      ['an unknown speaker', { speaker: toGlobalId('Person', 'nobody') }, 'NOT_FOUND'],
      ['a role the speaker does not hold', { speaker: CGTN }, 'NOT_FOUND'],
      ['an unknown topic', { topics: [toGlobalId('Topic', 'no-such-topic')] }, 'NOT_FOUND'],
      ['a speaker id of the wrong type', { speaker: toGlobalId('Topic', 'software') }, 'BAD_USER_INPUT'],
      ['a malformed source id', { source: '%%%' }, 'BAD_USER_INPUT'],
      ['an occurrence out of range', { occurrence: 3 }, 'BAD_USER_INPUT'],
    ])('refuses %s and writes nothing', async (_case, overrides, code) => {
      await expectUnchanged(
        () => server.graphql(ADD_CLAIM, { input: claimInput(overrides) }, { token: EDITOR_TOKEN }),
        code,
      );
    });
  });

  describe('linkEvidence', () => {
    const target = seedClaim('consumer-acceptance-surging');

    it('adds supporting and contradicting evidence that the claim and its lineage show', async () => {
      const supporting = seedClaim('nev-exports-rose-77-percent-to-1-2-million-2023');
      const response = await server.graphql<{
        linkEvidence: {
          evidence: { stance: string; origin: string; addedBy: string; note: string; item: { id: string } }[];
        };
      }>(
        LINK_EVIDENCE,
        { input: { claim: target, evidence: supporting, stance: 'SUPPORTS', note: 'exports show demand' } },
        { token: EDITOR_TOKEN },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.linkEvidence.evidence).toContainEqual({
        stance: 'SUPPORTS',
        origin: 'api',
        addedBy: 'dev-editor',
        note: 'exports show demand',
        item: { id: supporting },
      });
      const contradicting = toGlobalId('Figure', `${SEED_SOURCE}/nevs-per-charging-station-end-2023`);
      await server.graphql(
        LINK_EVIDENCE,
        { input: { claim: target, evidence: contradicting, stance: 'CONTRADICTS' } },
        { token: EDITOR_TOKEN },
      );
      const lineage = await server.graphql<{
        claim: { lineage: { contradicting: { item: { id: string } }[]; supporting: { item: { id: string } }[] } };
      }>(
        `query($id: ID!) { claim(id: $id) { lineage { supporting { item { ... on Claim { id } } } contradicting { item { ... on Figure { id } } } } } }`,
        { id: target },
      );
      expect(lineage.data!.claim.lineage.contradicting.map((link) => link.item.id)).toEqual([contradicting]);
      expect(lineage.data!.claim.lineage.supporting.map((link) => link.item.id)).toContain(supporting);
    });

    it('updates the note when the same user links the same evidence again', async () => {
      const evidence = seedClaim('nev-share-exceeded-31-percent-2023');
      const link = (note: string) =>
        server.graphql(
          LINK_EVIDENCE,
          { input: { claim: target, evidence, stance: 'SUPPORTS', note } },
          { token: EDITOR_TOKEN },
        );
      await link('first');
      const counts = await graphCounts(server.db.driver);
      await link('second');
      expect(await graphCounts(server.db.driver)).toEqual(counts);
    });

    it('refuses self-evidence, a source as evidence, and missing claims, writing nothing', async () => {
      await expectUnchanged(
        () =>
          server.graphql(
            LINK_EVIDENCE,
            { input: { claim: target, evidence: target, stance: 'SUPPORTS' } },
            { token: EDITOR_TOKEN },
          ),
        'BAD_USER_INPUT',
      );
      await expectUnchanged(
        () =>
          server.graphql(
            LINK_EVIDENCE,
            { input: { claim: target, evidence: toGlobalId('Source', SEED_SOURCE), stance: 'SUPPORTS' } },
            { token: EDITOR_TOKEN },
          ),
        'BAD_USER_INPUT',
      );
      await expectUnchanged(
        () =>
          server.graphql(
            LINK_EVIDENCE,
            { input: { claim: toGlobalId('Claim', 'missing/claim'), evidence: target, stance: 'SUPPORTS' } },
            { token: EDITOR_TOKEN },
          ),
        'NOT_FOUND',
      );
    });
  });

  describe('reviewClaim', () => {
    const claim = seedClaim('nev-share-exceeded-31-percent-2023');

    it('publishes a review that maps onto schema.org ClaimReview', async () => {
      const evidence = toGlobalId('Source', SEED_SOURCE);
      const response = await server.graphql<{
        reviewClaim: { rating: number; ratingLabel: string; reviewer: string; evidence: { id: string }[] };
      }>(
        REVIEW_CLAIM,
        {
          input: {
            claim,
            rating: 4,
            explanation: 'Industry data put the 2023 share at about 31.6 percent.',
            evidence: [evidence],
            url: 'https://example.org/review/1',
          },
        },
        { token: REVIEWER_TOKEN },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.reviewClaim).toMatchObject({
        rating: 4,
        ratingLabel: 'Mostly true',
        reviewer: 'dev-reviewer',
        evidence: [{ id: evidence }],
      });

      const read = await server.graphql<{
        claim: { text: string; claimReview: Record<string, unknown>[]; lineage: { reviews: { rating: number }[] } };
      }>(`query($id: ID!) { claim(id: $id) { text claimReview lineage { reviews { rating } } } }`, { id: claim });
      expect(read.data!.claim.lineage.reviews.map((review) => review.rating)).toContain(4);
      const jsonLd = read.data!.claim.claimReview.find((review) => review.url === 'https://example.org/review/1');
      expect(jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: read.data!.claim.text,
        author: { '@type': 'Person', name: 'dev-reviewer' },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: 4,
          bestRating: 5,
          worstRating: 1,
          alternateName: 'Mostly true',
        },
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Organization', name: 'CGTN' },
          datePublished: '2024-03-19',
          appearance: {
            '@type': 'NewsArticle',
            headline: "Tech Talk: China's NEV boom needs software and charging pole boost",
            publisher: { name: 'CGTN' },
          },
        },
      });
      expect(jsonLd?.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it.each([
      ['a rating out of range', { rating: 6 }, 'BAD_USER_INPUT'],
      ['an empty explanation', { explanation: ' ' }, 'BAD_USER_INPUT'],
      ['a non-http url', { url: 'ftp://example.org' }, 'BAD_USER_INPUT'],
      ['missing evidence', { evidence: [toGlobalId('Figure', 'no/such-figure')] }, 'NOT_FOUND'],
      ['a missing claim', { claim: toGlobalId('Claim', 'no/such-claim') }, 'NOT_FOUND'],
    ])('refuses %s and writes nothing', async (_case, overrides, code) => {
      await expectUnchanged(
        () =>
          server.graphql(
            REVIEW_CLAIM,
            { input: { claim, rating: 2, explanation: 'because', ...overrides } },
            { token: REVIEWER_TOKEN },
          ),
        code,
      );
    });
  });
});
