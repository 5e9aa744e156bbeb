import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import type { AnnotationClaim } from '../../../src/ingest/annotation.schema';
import { codeOf, dataOf, decodeGlobalId, idsOf, insertTestClaim } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { enumName, loadFullSeed, loadSeed, sortedNames, type FullSeed, type SeedData } from '../../support/seed-data';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../support/server';

/**
 * Keyset connections (claims and the other lists) and every claim filter, against the seed that
 * `npm start` loads: whole-graph expectations come from every seeded file (full), the interview's
 * details from its own (data).
 */

const PREFIX = 'test-api-pagination';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface ClaimPage {
  totalCount?: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: { id: string } }[];
}

const CLAIMS_PAGE = `query ($first: Int, $after: String, $filter: ClaimFilterInput) {
  claims(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
  }
}`;

describe('keyset pagination and claim filters', () => {
  let server: TestServer;
  let data: SeedData;
  let full: FullSeed;

  const gid = toGlobalId;
  const MIAO = gid('Person', 'miao-wei');

  async function claimsPage(variables: Record<string, unknown>): Promise<ClaimPage> {
    return dataOf(await server.graphql<{ claims: ClaimPage }>(CLAIMS_PAGE, variables)).claims;
  }

  /** Follows endCursor until hasNextPage is false; returns every page. */
  async function walk(first: number, filter?: Record<string, unknown>): Promise<ClaimPage[]> {
    const pages: ClaimPage[] = [];
    let after: string | null = null;
    do {
      const page = await claimsPage({ first, after, filter });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (pages.length > 50) throw new Error('the walk does not end');
    } while (after !== null);
    return pages;
  }

  /** Global ids of every seeded claim for which `predicate` holds, in the API's order (stored id). */
  const seededClaimGids = (predicate: (claim: FullSeed['claims'][number]) => boolean) =>
    full.claims.filter(predicate).map((claim) => gid('Claim', claim.key));

  /** Ids of the claims a filter returns, all of them on one page. */
  async function filtered(filter: Record<string, unknown>): Promise<string[]> {
    const page = await claimsPage({ first: 100, filter });
    expect(page.totalCount).toBe(page.edges.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
    return idsOf(page);
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
  });
  afterEach(() => deleteTestNodes(server.db.driver, PREFIX));
  afterAll(() => server.close());

  describe('walking the claims', () => {
    it('visits every claim exactly once, in id order, five at a time', async () => {
      const pages = await walk(5);
      const visited = pages.flatMap((page) => idsOf(page));
      const all = seededClaimGids(() => true);
      expect(all.length).toBeGreaterThan(data.annotation.claims.length);
      expect(visited).toEqual(all);
      expect(new Set(visited).size).toBe(visited.length);
      const sizes = all.map((_, index) => index).filter((index) => index % 5 === 0);
      expect(pages.map((page) => page.edges.length)).toEqual(sizes.map((start) => Math.min(5, all.length - start)));
      // Stored ids increase along the walk: the order is by id.
      const keys = visited.map((id) => decodeGlobalId(id).key);
      expect(keys).toEqual([...keys].sort());
    });

    it('says whether pages precede and follow, and counts all matches on every page', async () => {
      const pages = await walk(5);
      pages.forEach((page, index) => {
        expect(page.pageInfo.hasPreviousPage).toBe(index > 0);
        expect(page.pageInfo.hasNextPage).toBe(index < pages.length - 1);
        expect(page.totalCount).toBe(full.claims.length);
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor);
      });
    });

    it('ends with hasNextPage false when the last page is exactly full', async () => {
      // The interview's 22 claims: two full pages of 11.
      const filter = { source: data.sourceGid };
      expect(data.annotation.claims).toHaveLength(22);
      const pages = await walk(11, filter);
      expect(pages.map((page) => page.edges.length)).toEqual([11, 11]);
      expect(pages[1]?.pageInfo.hasNextPage).toBe(false);
      const after = await claimsPage({ first: 11, after: pages[1]?.pageInfo.endCursor, filter });
      expect(after.edges).toEqual([]);
      expect(after.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    });

    it('returns no edges for first: 0, but still the count and whether items exist', async () => {
      const page = await claimsPage({ first: 0 });
      expect(page.edges).toEqual([]);
      expect(page.totalCount).toBe(full.claims.length);
      expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    });

    it('uses 20 as the default page size', async () => {
      const page = await claimsPage({});
      expect(page.edges).toHaveLength(20);
      expect(page.pageInfo.hasNextPage).toBe(true);
    });

    it.each([101, -1, 1000])('refuses first: %i with BAD_USER_INPUT', async (first) => {
      const response = await server.graphql(CLAIMS_PAGE, { first });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('first');
      expect(response.data).toBeNull();
    });

    it.each([
      ['not base64url', 'not a cursor!'],
      ['base64url of something else', Buffer.from('hello', 'utf8').toString('base64url')],
      ['a JSON array of the wrong shape', Buffer.from('[1,2,3]', 'utf8').toString('base64url')],
      ['an empty string', ''],
    ])('refuses a cursor that is %s with BAD_USER_INPUT', async (_what, after) => {
      const response = await server.graphql(CLAIMS_PAGE, { first: 5, after });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe('after');
    });

    it('keeps a page correct while claims are added before and after its cursor', async () => {
      const first = await claimsPage({ first: 5 });
      const firstKeys = idsOf(first).map((id) => decodeGlobalId(id).key);
      const cursorKey = firstKeys[4] as string;
      const originalSecond = await claimsPage({ first: 5, after: first.pageInfo.endCursor });

      // One new claim sorts inside page 1 (before the cursor), one right after the cursor.
      const before = `${firstKeys[1]}~${PREFIX}-before`;
      const after = `${cursorKey}~${PREFIX}-after`;
      expect(before < cursorKey && after > cursorKey).toBe(true);
      expect(after < (decodeGlobalId(originalSecond.edges[0]?.node.id as string).key as string)).toBe(true);
      for (const id of [before, after]) await insertTestClaim(server.db.driver, { id, sourceKey: PREFIX });
      // Their ids start with a seeded claim's, not with PREFIX: deleteTestNodes would not find them.
      const second = await claimsPage({ first: 5, after: first.pageInfo.endCursor }).finally(() =>
        server.db.driver.executeQuery('MATCH (c:Claim) WHERE c.id IN $ids DETACH DELETE c', { ids: [before, after] }),
      );
      const secondIds = idsOf(second);
      expect(secondIds.filter((id) => idsOf(first).includes(id))).toEqual([]);
      expect(secondIds).toContain(gid('Claim', after));
      expect(secondIds).not.toContain(gid('Claim', before));
      expect(secondIds).toEqual([gid('Claim', after), ...idsOf(originalSecond).slice(0, 4)]);
      expect(second.totalCount).toBe(full.claims.length + 2);
    });
  });

  describe('the other connections', () => {
    interface NamedConnection {
      pageInfo: PageInfo;
      edges: { node: { name: string } }[];
      totalCount: number;
    }

    async function walkNames(field: string, first: number): Promise<{ names: string[]; pages: number }> {
      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const response: GraphQLResponse<Record<string, NamedConnection>> = await server.graphql(
          `query ($first: Int, $after: String) { ${field}(first: $first, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { name } }
          } }`,
          { first, after },
        );
        const connection: NamedConnection | undefined = dataOf(response)[field];
        if (!connection) throw new Error(`no ${field} in the response`);
        names.push(...connection.edges.map((edge) => edge.node.name));
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
        pages += 1;
      } while (after !== null && pages < 50);
      return { names, pages };
    }

    it('walks organizations one at a time in name order', async () => {
      const { names, pages } = await walkNames('organizations', 1);
      expect(names).toEqual(sortedNames(full.organizations));
      expect(pages).toBe(full.organizations.length);
    });

    it('walks metrics three at a time in name order', async () => {
      const { names, pages } = await walkNames('metrics', 3);
      expect(names).toEqual(sortedNames(full.metrics));
      expect(pages).toBe(Math.ceil(full.metrics.length / 3));
    });

    it('walks the figures in period order', async () => {
      const response = await server.graphql<{ figures: { edges: { node: { id: string } }[]; pageInfo: PageInfo } }>(
        '{ figures(first: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }',
      );
      const firstPage = dataOf(response).figures;
      const rest = dataOf(
        await server.graphql<{ figures: { edges: { node: { id: string } }[]; pageInfo: PageInfo } }>(
          'query ($after: String) { figures(first: 100, after: $after) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }',
          { after: firstPage.pageInfo.endCursor },
        ),
      ).figures;
      const all = [...idsOf(firstPage), ...idsOf(rest)];
      expect(new Set(all).size).toBe(full.figures.length);
      expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      // By period start, then stored id: an end-of-2023 figure (31 December) after those of all of 2023.
      const inPeriodOrder = [...full.figures].sort((a, b) =>
        a.periodStart === b.periodStart ? (a.key < b.key ? -1 : 1) : a.periodStart < b.periodStart ? -1 : 1,
      );
      expect(all).toEqual(inPeriodOrder.map((figure) => gid('Figure', figure.key)));
      const interview = all.filter((id) => data.annotation.figures.some((f) => data.figureGid(f.id) === id));
      expect(interview.at(-1)).toBe(data.figureGid('nevs-per-charging-station-end-2023'));
    });
  });

  describe('claim filters', () => {
    it('filters by speaker', async () => {
      expect(await filtered({ speaker: MIAO })).toEqual(data.claimGids((claim) => claim.speaker === 'miao-wei'));
      expect(await filtered({ speaker: gid('Organization', 'cgtn') })).toEqual(
        data.claimGids((claim) => claim.speaker === 'cgtn'),
      );
      expect(await filtered({ speaker: gid('VirtualPresenter', 'cgtn-ai-host-ainia') })).toEqual([]);
    });

    it('filters by source', async () => {
      expect(await filtered({ source: data.sourceGid })).toEqual(data.claimGids(() => true));
      expect(await filtered({ source: gid('Source', `${PREFIX}-no-such-source`) })).toEqual([]);
    });

    it('filters by topic', async () => {
      for (const topic of ['charging-infrastructure', 'software', 'battery-capacity']) {
        expect(await filtered({ topic: gid('Topic', topic) })).toEqual(
          data.claimGids((claim) => claim.topics.includes(topic)),
        );
      }
    });

    it('filters by metric, directly or through a cited figure', async () => {
      for (const metric of full.metrics.map((m) => m.key)) {
        const expected = full.claimGidsAbout(metric);
        expect(await filtered({ metric: gid('Metric', metric) })).toEqual(expected);
      }
    });

    it('filters by a cited figure and by a stated target, directly or through its projections', async () => {
      for (const figure of data.annotation.figures.map((f) => f.id)) {
        const expected = data.claimGids((claim) => claim.figures.includes(figure));
        expect(expected.length).toBeGreaterThan(0);
        expect(await filtered({ figure: data.figureGid(figure) })).toEqual(expected);
      }
      const target = data.annotation.targets[0]!;
      const projections = data.annotation.projections.filter((p) => p.target === target.id).map((p) => p.id);
      const expected = data.claimGids(
        (claim) => claim.targets.includes(target.id) || claim.projections.some((p) => projections.includes(p)),
      );
      expect(expected.length).toBeGreaterThan(1);
      expect(await filtered({ target: gid('Target', target.id) })).toEqual(expected);
    });

    it('filters by kinds', async () => {
      const ofKinds = (...kinds: string[]) => seededClaimGids((claim) => kinds.includes(enumName(claim.kind)));
      expect(ofKinds('STATISTIC', 'FORECAST').length).toBeGreaterThan(ofKinds('STATISTIC').length);
      expect(await filtered({ kinds: ['STATISTIC', 'FORECAST'] })).toEqual(ofKinds('STATISTIC', 'FORECAST'));
      expect(await filtered({ kinds: ['CAUSAL'] })).toEqual(ofKinds('CAUSAL'));
    });

    it("filters narration, all of it spoken by the source's outlet", async () => {
      const response = await server.graphql<{
        claims: { edges: { node: { id: string; speaker: { __typename: string; name: string } } }[] };
      }>(
        '{ claims(first: 100, filter: { attributions: [NARRATION] }) { edges { node { id speaker { __typename name } } } } }',
      );
      const edges = dataOf(response).claims.edges;
      const narrated = (claim: FullSeed['claims'][number]) => enumName(claim.attribution) === 'NARRATION';
      expect(edges.map((edge) => edge.node.id)).toEqual(seededClaimGids(narrated));
      expect(edges.length).toBeGreaterThan(0);
      const outletOf = new Map(
        full.claims.map((claim) => [
          gid('Claim', claim.key),
          full.organizations.find((o) => o.key === claim.speakerKey),
        ]),
      );
      for (const edge of edges) {
        expect(edge.node.speaker).toEqual({ __typename: 'Organization', name: outletOf.get(edge.node.id)?.name });
      }
      expect(edges.map((edge) => edge.node.speaker.name)).toContain('CGTN');
      expect(await filtered({ attributions: ['DIRECT_QUOTE', 'PARAPHRASE'] })).toEqual(
        seededClaimGids((claim) => !narrated(claim)),
      );
    });

    it('filters by the period of the figures a claim cites', async () => {
      const figureByKey = new Map(full.figures.map((figure) => [figure.key, figure]));
      const citesFigureIn = (from: string, to: string) =>
        seededClaimGids((claim) =>
          claim.figureKeys.some((key) => {
            const figure = figureByKey.get(key);
            return figure !== undefined && figure.periodEnd >= from && figure.periodStart <= to;
          }),
        );

      const in2023 = citesFigureIn('2023-01-01', '2023-12-31');
      expect(in2023.filter((id) => data.claimGids(() => true).includes(id))).toHaveLength(3);
      expect(await filtered({ period: { from: '2023-01-01', to: '2023-12-31' } })).toEqual(in2023);
      // The first half of 2023 excludes the end-of-2023 figure about charging stations.
      const firstHalf = citesFigureIn('2023-01-01', '2023-06-30');
      expect(firstHalf.length).toBeLessThan(in2023.length);
      expect(firstHalf).not.toContain(data.claimGid('about-2-4-nevs-per-charging-station-end-2023'));
      expect(await filtered({ period: { to: '2023-06-30' } })).toEqual(citesFigureIn('0000-01-01', '2023-06-30'));
      expect(await filtered({ period: { from: '2023-12-31' } })).toEqual(citesFigureIn('2023-12-31', '9999-12-31'));
      expect(await filtered({ period: { from: '2030-01-01' } })).toEqual([]);
    });

    it('filters by text in the claim or its quote, ignoring case', async () => {
      const contains = (words: string) => (claim: AnnotationClaim) =>
        claim.text.toLowerCase().includes(words) || claim.quote.toLowerCase().includes(words);
      expect(await filtered({ text: 'CHARGING Station' })).toEqual(data.claimGids(contains('charging station')));
      expect(await filtered({ text: 'virtuous' })).toEqual(data.claimGids(contains('virtuous')));
      expect(await filtered({ text: '  software  ' })).toEqual(data.claimGids(contains('software')));
      expect(await filtered({ text: 'no claim says this' })).toEqual([]);
    });

    it('combines filters: every field narrows the list', async () => {
      expect(await filtered({ speaker: MIAO, kinds: ['STATISTIC'] })).toEqual([
        data.claimGid('about-2-4-nevs-per-charging-station-end-2023'),
      ]);
      expect(
        await filtered({ topic: gid('Topic', 'charging-infrastructure'), attributions: ['PARAPHRASE'], text: 'poles' }),
      ).toEqual(
        data.claimGids(
          (claim) =>
            claim.topics.includes('charging-infrastructure') &&
            claim.attribution === 'paraphrase' &&
            (claim.text + claim.quote).toLowerCase().includes('poles'),
        ),
      );
      expect(await filtered({ speaker: gid('Organization', 'cgtn'), kinds: ['OPINION'] })).toEqual([]);
    });

    it('pages a filtered list with the same cursors', async () => {
      const filter = { speaker: MIAO };
      const pages = await walk(3, filter);
      const expected = data.claimGids((claim) => claim.speaker === 'miao-wei');
      expect(pages.flatMap((page) => idsOf(page))).toEqual(expected);
      expect(pages.every((page) => page.totalCount === expected.length)).toBe(true);
    });

    it('narrows the claims of a speaker with a filter', async () => {
      const response = await server.graphql<{ person: { claims: { edges: { node: { id: string } }[] } } }>(
        'query ($id: ID!) { person(id: $id) { claims(first: 100, filter: { kinds: [OPINION] }) { edges { node { id } } } } }',
        { id: MIAO },
      );
      expect(idsOf(dataOf(response).person.claims)).toEqual(
        data.claimGids((claim) => claim.speaker === 'miao-wei' && claim.kind === 'opinion'),
      );
    });

    it.each([
      ['a Person id as source', { source: toGlobalId('Person', 'miao-wei') }, 'filter.source'],
      ['a Metric id as topic', { topic: toGlobalId('Metric', 'nev-exports') }, 'filter.topic'],
      ['a Topic id as speaker', { speaker: toGlobalId('Topic', 'software') }, 'filter.speaker'],
      ['a Claim id as metric', { metric: toGlobalId('Claim', 'x') }, 'filter.metric'],
      ['a malformed id as speaker', { speaker: '%%%' }, 'filter.speaker'],
      ['a reversed period', { period: { from: '2023-12-31', to: '2023-01-01' } }, 'filter.period'],
      ['an empty text', { text: '' }, 'filter.text'],
      ['a whitespace text', { text: ' \t\n ' }, 'filter.text'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, filter, field) => {
      const response = await server.graphql(CLAIMS_PAGE, { first: 5, filter });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.data).toBeNull();
    });
  });
});
