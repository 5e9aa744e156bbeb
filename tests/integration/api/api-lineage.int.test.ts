import { CONTEXT_LENGTH } from '../../../src/domain/anchor';
import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { insertEvidenceLink, insertTestClaim, insertTestFigure, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { loadFullSeed, loadSeed, type FullSeed, type SeedData } from '../../support/seed-data';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Claim.lineage: what a fact-checker follows from the claim "about 2.4 NEVs for every charging
 * station" (Miao Wei, direct quote): the words in the source, who published it, who said it in
 * which role, the figure it cites and how other figures of the metric compare, and the evidence.
 */

const PREFIX = 'test-api-lineage';
const CLAIM = 'about-2-4-nevs-per-charging-station-end-2023';
const FIGURE = 'nevs-per-charging-station-end-2023';

interface EvidenceLink {
  stance: string;
  origin: string;
  note: string | null;
  addedBy: string | null;
  addedAt: string | null;
  item: { __typename: string; id: string };
}

interface Lineage {
  claim: { id: string; text: string };
  quote: { exact: string; start: number; end: number; prefix: string; suffix: string };
  source: { id: string; text: string; body: { start: number; end: number }; publisher: { name: string } };
  publisher: { id: string; name: string; fullName: string };
  speaker: { __typename: string; id: string; name: string };
  role: {
    title: string;
    status: string;
    organization: { id: string; name: string };
    holder: { id: string };
  } | null;
  figures: {
    figure: { id: string; value: number; period: { label: string } };
    metric: { id: string; name: string; unit: string };
    comparisons: {
      figure: { id: string; value: number };
      difference: number;
      relativeDifferencePercent: number | null;
    }[];
  }[];
  supporting: EvidenceLink[];
  contradicting: EvidenceLink[];
  reviews: { id: string }[];
}

const LINEAGE_FIELDS = `
  claim { id text }
  quote { exact start end prefix suffix }
  source { id text body { start end } publisher { name } }
  publisher { id name fullName }
  speaker { __typename id name }
  role { title status organization { id name } holder { id } }
  figures {
    figure { id value period { label } }
    metric { id name unit }
    comparisons { figure { id value } difference relativeDifferencePercent }
  }
  supporting { stance origin note addedBy addedAt item { __typename ... on Claim { id } ... on Figure { id } } }
  contradicting { stance origin note addedBy addedAt item { __typename ... on Claim { id } ... on Figure { id } } }
  reviews { id }`;

const LINEAGE = `query ($id: ID!) { claim(id: $id) { lineage { ${LINEAGE_FIELDS} } } }`;

describe('the lineage of a claim', () => {
  let server: TestServer;
  let data: SeedData;
  let full: FullSeed;

  async function lineageOf(localId: string): Promise<Lineage> {
    const { data: result } = await run<{ claim: { lineage: Lineage } }>(server, LINEAGE, {
      id: data.claimGid(localId),
    });
    return result.claim.lineage;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
  });
  afterEach(() => deleteTestNodes(server.db.driver, PREFIX));
  afterAll(() => server.close());

  it('anchors the quote in the source text: sliced by code points at start/end it is the exact words', async () => {
    const lineage = await lineageOf(CLAIM);
    const annotated = data.claim(CLAIM);
    expect(lineage.claim).toEqual({ id: data.claimGid(CLAIM), text: annotated.text });
    expect(lineage.quote.exact).toBe(annotated.quote);
    expect(lineage.quote.exact).toBe('By the end of last year, there were about 2.4 NEVs for every charging station');

    const codePoints = Array.from(lineage.source.text);
    const { start, end, prefix, suffix } = lineage.quote;
    expect(codePoints.slice(start, end).join('')).toBe(lineage.quote.exact);
    expect(end - start).toBe(Array.from(annotated.quote).length);
    expect(codePoints.slice(Math.max(0, start - CONTEXT_LENGTH), start).join('')).toBe(prefix);
    expect(codePoints.slice(end, end + CONTEXT_LENGTH).join('')).toBe(suffix);
    expect(prefix.endsWith('"')).toBe(true);
    expect(suffix.startsWith(',"')).toBe(true);
    expect(start).toBeGreaterThanOrEqual(lineage.source.body.start);
    expect(end).toBeLessThanOrEqual(lineage.source.body.end);
    // The offsets are those ingestion computed from the file.
    const row = data.claimRow(CLAIM);
    expect(lineage.quote).toEqual(row.quote);
  });

  it('leads to the source and its publisher, CGTN', async () => {
    const lineage = await lineageOf(CLAIM);
    const cgtn = data.annotation.organizations.find((org) => org.id === data.annotation.source.publisher);
    expect(lineage.source.id).toBe(data.sourceGid);
    expect(lineage.source.text).toBe(data.text);
    expect(lineage.source.publisher).toEqual({ name: 'CGTN' });
    expect(lineage.publisher).toEqual({
      id: toGlobalId('Organization', 'cgtn'),
      name: cgtn?.name,
      fullName: cgtn?.fullName,
    });
  });

  it('names the speaker, Miao Wei, and the role he spoke in: vice chairman at the committee, current', async () => {
    const lineage = await lineageOf(CLAIM);
    const annotated = data.claim(CLAIM);
    const person = data.annotation.people.find((p) => p.id === annotated.speaker);
    const role = person?.roles.find((r) => r.id === annotated.role);
    const organization = data.annotation.organizations.find((org) => org.id === role?.organization);
    expect(lineage.speaker).toEqual({
      __typename: 'Person',
      id: toGlobalId('Person', 'miao-wei'),
      name: person?.name,
    });
    expect(lineage.role).toEqual({
      title: 'Vice chairman',
      status: 'CURRENT',
      organization: { id: toGlobalId('Organization', 'cppcc-committee-economic-affairs'), name: organization?.name },
      holder: { id: toGlobalId('Person', 'miao-wei') },
    });
    expect(role?.status).toBe('current');
  });

  it("has no role for a claim in the outlet's narration", async () => {
    const lineage = await lineageOf('china-nev-industry-booming');
    expect(lineage.speaker).toEqual({
      __typename: 'Organization',
      id: toGlobalId('Organization', 'cgtn'),
      name: 'CGTN',
    });
    expect(lineage.role).toBeNull();
    expect(lineage.figures).toEqual([]);
  });

  /** The seeded figures of the cited figure's metric other than it (the dataset's count), by period. */
  const otherSeededFigures = () =>
    full.figures
      .filter((f) => f.metricKey === data.figure(FIGURE).metric && f.key !== data.ownedKey(FIGURE))
      .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0));

  it('traces the cited figure to its metric and compares it with the other seeded sources', async () => {
    const lineage = await lineageOf(CLAIM);
    const figure = data.figure(FIGURE);
    const metric = data.annotation.metrics.find((m) => m.id === figure.metric);
    expect(data.claim(CLAIM).figures).toEqual([FIGURE]);
    expect(data.annotation.figures.filter((f) => f.metric === figure.metric)).toHaveLength(1);
    const others = otherSeededFigures();
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((other) => other.sourceKey !== data.sourceKey)).toBe(true);
    expect(lineage.figures).toEqual([
      {
        figure: { id: data.figureGid(FIGURE), value: figure.value, period: { label: 'end of 2023' } },
        metric: { id: toGlobalId('Metric', figure.metric), name: metric?.name, unit: metric?.unit },
        comparisons: others.map((other) => ({
          figure: { id: toGlobalId('Figure', other.key), value: other.value },
          difference: expect.any(Number) as number,
          relativeDifferencePercent: expect.any(Number) as number,
        })),
      },
    ]);
    for (const [index, comparison] of (lineage.figures[0]?.comparisons ?? []).entries()) {
      const value = others[index]?.value ?? NaN;
      // Exact decimal arithmetic: the difference is the decimal one, with no float noise.
      expect(comparison.difference).toBe(Number((value - Number(figure.value)).toFixed(10)));
    }
  });

  it('compares the cited figure with the other figures of its metric, in period order', async () => {
    const figure = data.figure(FIGURE);
    const base = { sourceId: PREFIX, metricId: figure.metric, unit: figure.unit };
    await insertTestFigure(server.db.driver, {
      ...base,
      id: `${PREFIX}-2024`,
      value: 3.1,
      periodStart: '2024-12-31',
      periodEnd: '2024-12-31',
      periodLabel: 'end of 2024',
    });
    await insertTestFigure(server.db.driver, {
      ...base,
      id: `${PREFIX}-2022`,
      value: 1.8,
      periodStart: '2022-12-31',
      periodEnd: '2022-12-31',
      periodLabel: 'end of 2022',
    });

    const [all] = (await lineageOf(CLAIM)).figures;
    const cited = Number(figure.value);
    const seededIds = new Set(otherSeededFigures().map((other) => toGlobalId('Figure', other.key)));
    const expectedInOrder = [
      { id: toGlobalId('Figure', `${PREFIX}-2022`), value: 1.8, start: '2022-12-31' },
      ...otherSeededFigures().map((other) => ({
        id: toGlobalId('Figure', other.key),
        value: other.value,
        start: other.periodStart,
      })),
      { id: toGlobalId('Figure', `${PREFIX}-2024`), value: 3.1, start: '2024-12-31' },
    ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    expect(all?.comparisons.map((c) => c.figure)).toEqual(expectedInOrder.map(({ id, value }) => ({ id, value })));
    // The test's two, apart from the seeded sources' figures.
    const testComparisons = (all?.comparisons ?? []).filter((c) => !seededIds.has(c.figure.id));
    expect(testComparisons.map((c) => c.figure)).toEqual([
      { id: toGlobalId('Figure', `${PREFIX}-2022`), value: 1.8 },
      { id: toGlobalId('Figure', `${PREFIX}-2024`), value: 3.1 },
    ]);
    const [earlier, later] = testComparisons;
    expect(earlier?.difference).toBeCloseTo(1.8 - cited, 10);
    expect(earlier?.relativeDifferencePercent).toBeCloseTo(((1.8 - cited) / cited) * 100, 10);
    expect(later?.difference).toBeCloseTo(3.1 - cited, 10);
    expect(later?.relativeDifferencePercent).toBeCloseTo(((3.1 - cited) / cited) * 100, 10);
    expect(later?.difference).toBeCloseTo(0.7, 10);
    expect(later?.relativeDifferencePercent).toBeCloseTo(29.1667, 3);
  });

  it('lists the claims that support a claim, per the file', async () => {
    const target = 'charging-infrastructure-critical-area-for-improvement';
    const supporters = data.evidenceFor(target, 'SUPPORTS');
    expect(supporters).toContain(CLAIM);
    expect(supporters.length).toBeGreaterThan(2);
    const lineage = await lineageOf(target);
    expect(lineage.supporting.map((link) => link.item.id).sort()).toEqual(supporters.map(data.claimGid).sort());
    for (const link of lineage.supporting) {
      expect(link).toMatchObject({
        stance: 'SUPPORTS',
        origin: 'annotation',
        note: null,
        addedBy: null,
        addedAt: null,
      });
      expect(link.item.__typename).toBe('Claim');
    }
    expect(lineage.contradicting).toEqual([]);
  });

  it('has no supporting or contradicting evidence where the file records none', async () => {
    expect(data.evidenceFor(CLAIM, 'SUPPORTS')).toEqual([]);
    expect(data.evidenceFor(CLAIM, 'CONTRADICTS')).toEqual([]);
    const lineage = await lineageOf(CLAIM);
    expect(lineage.supporting).toEqual([]);
    expect(lineage.contradicting).toEqual([]);
  });

  it('separates contradicting from supporting evidence, claims and figures alike', async () => {
    const contradicting = `${PREFIX}-contradicting-claim`;
    const supportingFigure = `${PREFIX}-supporting-figure`;
    await insertTestClaim(server.db.driver, {
      id: contradicting,
      sourceKey: PREFIX,
      text: 'There were about 5 NEVs for every charging station at the end of 2023.',
      kind: 'statistic',
    });
    await insertTestFigure(server.db.driver, {
      id: supportingFigure,
      sourceId: PREFIX,
      metricId: data.figure(FIGURE).metric,
      value: 2.5,
      unit: data.figure(FIGURE).unit,
      periodStart: '2023-12-31',
      periodEnd: '2023-12-31',
      periodLabel: 'end of 2023',
    });
    await insertEvidenceLink(server.db.driver, {
      fromId: contradicting,
      toId: data.ownedKey(CLAIM),
      stance: 'CONTRADICTS',
      note: 'A different count of charging stations',
      addedBy: 'test-reviewer',
    });
    await insertEvidenceLink(server.db.driver, {
      fromId: supportingFigure,
      toId: data.ownedKey(CLAIM),
      stance: 'SUPPORTS',
      note: 'Another source gives about the same ratio',
      addedBy: 'test-reviewer',
    });

    const lineage = await lineageOf(CLAIM);
    expect(lineage.contradicting).toEqual([
      {
        stance: 'CONTRADICTS',
        origin: 'api',
        note: 'A different count of charging stations',
        addedBy: 'test-reviewer',
        addedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
        item: { __typename: 'Claim', id: toGlobalId('Claim', contradicting) },
      },
    ]);
    expect(lineage.supporting).toEqual([
      expect.objectContaining({
        stance: 'SUPPORTS',
        origin: 'api',
        item: { __typename: 'Figure', id: toGlobalId('Figure', supportingFigure) },
      }),
    ]);
  });

  it('costs one statement for a claim and its lineage, two for a page of lineages: the claims, then their neighbourhoods', async () => {
    const fields = `lineage {
      claim { id } quote { exact } source { id title } publisher { name } speaker { __typename id }
      role { title organization { name } } figures { figure { id } metric { name } }
      supporting { stance } contradicting { stance } reviews { id } }`;
    const one = await run(server, `query ($id: ID!) { claim(id: $id) { ${fields} } }`, { id: data.claimGid(CLAIM) });
    const page = await run<{ claims: { edges: unknown[] } }>(
      server,
      `{ claims(first: 25) { edges { node { ${fields} } } } }`,
    );
    expect(page.data.claims.edges.length).toBeGreaterThan(1);
    expect(one.cypherQueries).toBe(1);
    expect(page.cypherQueries).toBe(2);
    // The look-ahead follows fragments too, and the claim's own relations come with it.
    const viaFragment = await run(
      server,
      `query ($id: ID!) { claim(id: $id) { ...Traced speaker { name } } } fragment Traced on Claim { lineage { source { title } } }`,
      { id: data.claimGid(CLAIM) },
    );
    expect(viaFragment.cypherQueries).toBe(1);
    // The metric's other figures come with the neighbourhood when asked for; fields it leaves out (a
    // role's holder) add a statement per level, as everywhere else.
    expect((await run(server, LINEAGE, { id: data.claimGid(CLAIM) })).cypherQueries).toBe(2);
  });

  it('fetches no neighbourhood when a lineage asks only for the claim and its quote', async () => {
    const page = await run<{ claims: { edges: unknown[] } }>(
      server,
      '{ claims(first: 25) { edges { node { lineage { claim { id } quote { exact start end } } } } } }',
    );
    expect(page.data.claims.edges.length).toBeGreaterThan(1);
    expect(page.cypherQueries).toBe(1);
  });

  it('has no reviews in the seed', async () => {
    const lineage = await lineageOf(CLAIM);
    expect(lineage.reviews).toEqual([]);
  });
});
