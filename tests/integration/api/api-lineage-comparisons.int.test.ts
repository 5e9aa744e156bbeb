import { toGlobalId } from '../../../src/modules/common/global-id';
import { dataOf, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../../support/server';
import {
  insertClaim,
  insertFigure,
  insertManyFigures,
  insertMetric,
  insertPlace,
  insertSource,
  type TestFigure,
} from '../../support/test-graph';

/**
 * FigureLineage.samePeriod and .series: a claim says the NEV share "exceeded 31 percent" in 2023;
 * other sources give the share for 2023 (checked for consistency, with the reason) and for other
 * years (the series), all with exact differences. The graph is built here, not seeded, so these
 * figures are the only ones of their metric.
 */

const PREFIX = 'test-cmp';
const id = (name: string) => `${PREFIX}-${name}`;
const gid = (name: string) => toGlobalId('Figure', id(name));

interface Comparison {
  figure: { id: string };
  consistent: boolean;
  reason: string;
  difference: number | null;
  exactDifference: string | null;
  relativeDifferencePercent: number | null;
}

interface FigureLineage {
  figure: { id: string; value: number | null; decimal: string | null };
  samePeriod: Comparison[];
  series: Comparison[];
  comparisons: { figure: { id: string }; difference: number | null }[];
}

const COMPARISON = 'figure { id } consistent reason difference exactDifference relativeDifferencePercent';
const FIGURES = `figures { figure { id value decimal } samePeriod { ${COMPARISON} } series { ${COMPARISON} }
  comparisons { figure { id } difference } }`;
const LINEAGE = `query ($id: ID!) { claim(id: $id) { lineage { ${FIGURES} } } }`;

describe('lineage comparisons a fact-checker can read', () => {
  let server: TestServer;

  const figure = (name: string, rest: Omit<TestFigure, 'id' | 'metricId'>) =>
    insertFigure(server.db.driver, { id: id(name), metricId: id('share'), ...rest });

  async function lineage(): Promise<{ figures: FigureLineage[]; cypherQueries: number }> {
    const { data, cypherQueries } = await run<{ claim: { lineage: { figures: FigureLineage[] } } }>(server, LINEAGE, {
      id: toGlobalId('Claim', id('claim')),
    });
    return { figures: data.claim.lineage.figures, cypherQueries };
  }

  beforeAll(async () => {
    server = await startTestServer();
    const { driver } = server.db;
    await deleteTestNodes(driver, PREFIX);
    await insertMetric(driver, { id: id('share'), name: 'Test NEV share', unit: 'percent' });
    await insertPlace(driver, { id: id('china'), name: 'Test China' });
    await insertPlace(driver, { id: id('elsewhere'), name: 'Test Elsewhere' });
    for (const source of ['article', 'agency', 'dataset']) {
      await insertSource(driver, {
        id: id(source),
        kind: source === 'dataset' ? 'dataset' : 'article',
        text: source === 'dataset' ? null : undefined,
      });
    }
    const china = { placeId: id('china') };
    await figure('cited', { sourceId: id('article'), ...china, decimal: '31', qualifier: 'exceeding', period: '2023' });
    await figure('dataset-2023', { sourceId: id('dataset'), ...china, decimal: '31.6', period: '2023', locator: 't1' });
    await figure('agency-low', { sourceId: id('agency'), ...china, decimal: '29', period: '2023' });
    await figure('agency-about', {
      sourceId: id('agency'),
      ...china,
      decimal: '30',
      qualifier: 'about',
      period: '2023',
    });
    await figure('agency-range', {
      sourceId: id('agency'),
      ...china,
      decimal: null,
      lowDecimal: '30',
      highDecimal: '35',
      period: '2023',
    });
    await figure('same-source', { sourceId: id('article'), ...china, decimal: '31', period: '2023' });
    await figure('elsewhere', { sourceId: id('agency'), placeId: id('elsewhere'), decimal: '31.6', period: '2023' });
    await figure('change', {
      sourceId: id('agency'),
      ...china,
      decimal: '9.3',
      changeType: 'percentage-points',
      unit: 'percentage points',
      period: '2023',
    });
    await figure('y2024', { sourceId: id('dataset'), ...china, decimal: '40.9', period: '2024', locator: 't2' });
    await figure('y2022', { sourceId: id('dataset'), ...china, decimal: '25.6', period: '2022', locator: 't3' });
    await insertClaim(driver, { id: id('claim'), sourceId: id('article'), figureIds: [id('cited')] });
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('lists the figures of the same metric, place and period from other sources, each checked with its reason', async () => {
    const [cited] = (await lineage()).figures;
    expect(cited?.figure).toEqual({ id: gid('cited'), value: 31, decimal: '31' });
    // Ordered by id; the same source's own 31, the other place and the change are not checks.
    expect(cited?.samePeriod).toEqual([
      {
        figure: { id: gid('agency-about') },
        consistent: true,
        reason:
          '"exceeding 31" means (31, ∞) and "about 30" means [28.5, 31.5] (±5%): they overlap, so both can be right.',
        difference: -1,
        exactDifference: '-1',
        relativeDifferencePercent: expect.closeTo(-3.2258, 4),
      },
      {
        figure: { id: gid('agency-low') },
        consistent: false,
        reason: '"exceeding 31" means (31, ∞) and "29" means [28.5, 29.5): they do not overlap.',
        difference: -2,
        exactDifference: '-2',
        relativeDifferencePercent: expect.closeTo(-6.4516, 4),
      },
      {
        figure: { id: gid('agency-range') },
        consistent: true,
        reason: '"exceeding 31" means (31, ∞) and "30 to 35" means [30, 35]: they overlap, so both can be right.',
        difference: null,
        exactDifference: null,
        relativeDifferencePercent: null,
      },
      {
        figure: { id: gid('dataset-2023') },
        consistent: true,
        reason: '"exceeding 31" means (31, ∞) and "31.6" means [31.55, 31.65): they overlap, so both can be right.',
        difference: 0.6,
        exactDifference: '0.6',
        relativeDifferencePercent: expect.closeTo(1.9355, 4),
      },
    ]);
  });

  it('gives the other periods as a series in period order, with exact differences', async () => {
    const [cited] = (await lineage()).figures;
    expect(cited?.series.map((comparison) => comparison.figure.id)).toEqual([gid('y2022'), gid('y2024')]);
    const [earlier, later] = cited?.series ?? [];
    expect(earlier).toMatchObject({ difference: -5.4, exactDifference: '-5.4', consistent: false });
    expect(earlier?.reason).toBe('Not compared: another period (2022; the cited figure is for 2023).');
    // 40.9 - 31 in floats is 9.899999999999999.
    expect(40.9 - 31).not.toBe(9.9);
    expect(later).toMatchObject({ difference: 9.9, exactDifference: '9.9' });
  });

  it('keeps the deprecated comparisons: every other figure of the metric in period order', async () => {
    const [cited] = (await lineage()).figures;
    const ids = cited?.comparisons.map((comparison) => comparison.figure.id);
    expect(ids?.[0]).toBe(gid('y2022'));
    expect(ids?.[ids.length - 1]).toBe(gid('y2024'));
    expect([...(ids ?? [])].sort()).toEqual(
      [
        'agency-about',
        'agency-low',
        'agency-range',
        'change',
        'dataset-2023',
        'elsewhere',
        'same-source',
        'y2022',
        'y2024',
      ]
        .map(gid)
        .sort(),
    );
    expect(cited?.comparisons.find((c) => c.figure.id === gid('y2024'))?.difference).toBe(9.9);
    // A change in percentage points has no difference from a level.
    expect(cited?.comparisons.find((c) => c.figure.id === gid('change'))?.difference).toBeNull();
  });

  it('costs one statement for a claim with its comparisons, the same for 100 more figures to compare', async () => {
    const before = await lineage();
    expect(before.cypherQueries).toBe(1);
    await insertManyFigures(server.db.driver, {
      idPrefix: id('many'),
      count: 100,
      sourceId: id('agency'),
      metricId: id('share'),
      placeId: id('china'),
      year: '2023',
    });
    const after = await lineage();
    const [cited] = after.figures;
    expect(cited?.samePeriod).toHaveLength((before.figures[0]?.samePeriod.length ?? 0) + 100);
    expect(after.cypherQueries).toBe(before.cypherQueries);

    // A page of lineages: the claims, then their neighbourhoods with the siblings, however many.
    const page = await run<{ claims: { edges: { node: { lineage: { figures: FigureLineage[] } } }[] } }>(
      server,
      `query ($source: ID!) { claims(first: 10, filter: { source: $source }) { edges { node { lineage { ${FIGURES} } } } } }`,
      { source: toGlobalId('Source', id('article')) },
    );
    expect(page.data.claims.edges).toHaveLength(1);
    expect(page.data.claims.edges[0]?.node.lineage.figures[0]?.samePeriod).toHaveLength(104);
    expect(page.cypherQueries).toBe(2);
  });

  it('costs the same statements for a claim with cross-source evidence and 1 or 100 figures added through addFigure', async () => {
    const { driver } = server.db;
    await insertMetric(driver, { id: id('evshare'), name: 'Test NEV share, evidence', unit: 'percent' });
    await insertFigure(driver, {
      id: id('evcited'),
      sourceId: id('article'),
      metricId: id('evshare'),
      placeId: id('china'),
      decimal: '31',
      qualifier: 'exceeding',
      period: '2023',
    });
    await insertClaim(driver, { id: id('evclaim'), sourceId: id('article'), figureIds: [id('evcited')] });
    const addFigure = async (decimal: string, period: string, locator: string): Promise<string> => {
      const response = await server.graphql<{ addFigure: { id: string } }>(
        `mutation ($input: AddFigureInput!) { addFigure(input: $input) { id } }`,
        {
          input: {
            source: toGlobalId('Source', id('dataset')),
            metric: toGlobalId('Metric', id('evshare')),
            place: toGlobalId('Place', id('china')),
            value: decimal,
            unit: 'percent',
            period,
            locator,
          },
        },
        { token: EDITOR_TOKEN },
      );
      return dataOf(response).addFigure.id;
    };
    // The independent figure, linked as evidence from another source than the claim's.
    const evidence = await addFigure('31.6', '2023', 'table 1');
    dataOf(
      await server.graphql(
        `mutation ($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id } }`,
        { input: { claim: toGlobalId('Claim', id('evclaim')), evidence, stance: 'SUPPORTS' } },
        { token: EDITOR_TOKEN },
      ),
    );
    const query = `query ($id: ID!) { claim(id: $id) { lineage {
      ${FIGURES}
      supporting { stance item { ... on Figure { id decimal locator source { id title } metric { id } } } }
      contradicting { stance }
      provenance { relation locator }
    } } }`;
    type Traced = {
      claim: { lineage: { figures: FigureLineage[]; supporting: { item: { id: string; locator: string } }[] } };
    };
    const trace = () => run<Traced>(server, query, { id: toGlobalId('Claim', id('evclaim')) });

    const one = await trace();
    expect(one.data.claim.lineage.supporting).toEqual([
      expect.objectContaining({ item: expect.objectContaining({ id: evidence, locator: 'table 1' }) }),
    ]);
    expect(one.data.claim.lineage.figures[0]?.samePeriod.map((c) => c.figure.id)).toEqual([evidence]);

    for (let n = 1; n < 100; n += 1) {
      await addFigure(`${30 + n / 100}`, n % 2 === 0 ? '2023' : String(2000 + (n % 20)), `table 1, row ${n}`);
    }
    const hundred = await trace();
    const [cited] = hundred.data.claim.lineage.figures;
    expect((cited?.samePeriod.length ?? 0) + (cited?.series.length ?? 0)).toBe(100);
    expect(hundred.data.claim.lineage.supporting).toHaveLength(1);
    expect(hundred.cypherQueries).toBe(one.cypherQueries);
    // The lineage with its figures, comparisons, evidence and provenance; then the evidence figure's
    // source and metric, one batched statement each, however many figures there are.
    expect(one.cypherQueries).toBe(3);
  });
});
