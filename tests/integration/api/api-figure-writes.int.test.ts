import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf, decodeGlobalId } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, startTestServer, type GraphQLResponse, type TestServer } from '../../support/server';
import { insertMetric, insertOrganization, insertPlace, insertSource } from '../../support/test-graph';

/**
 * addFigure through the public API: every element of the figure model (kinds, changes with their
 * base period and level, ranges, ranks, derived figures, relative periods, quotes located or checked
 * at offsets, locators in a dataset), and each kind of bad input refused with its code, writing
 * nothing. The article is added through addSource, so its offsets are the service's code points.
 */

const PREFIX = 'test-figw';
const id = (name: string) => `${PREFIX}-${name}`;
const metric = (name: string) => toGlobalId('Metric', id(name));

// Written for this test; the emoji makes code points and UTF-16 indexes differ.
const TEXT =
  'Test wire 🚗 report. Sales of new-energy vehicles reached 12.87 million last year, up 35.5 percent from ' +
  'the previous year. Their share of new car sales rose to 40.9 percent, 9.3 percentage points higher than a ' +
  'year earlier. Prices ranged from 30,000 to 1,000,000 yuan, and some models cost over 2,000,000 yuan. ' +
  'The country led world sales for the 10th consecutive year. There were 2.37 vehicles per charging point. ' +
  'Sales are expected to reach 16 million next year; analysts estimate about 15.5 million.';

const FIGURE = `id name kind value decimal unit qualifier rank rankOf locator
  period { label start end expression relative words }
  range { low high lowDecimal highDecimal }
  change { type basePeriod { label start end expression } of { id } }
  derivation { operation inputs { id } }
  quote { exact start end prefix suffix }
  metric { id } place { id } source { id }`;
const ADD = `mutation ($input: AddFigureInput!) { addFigure(input: $input) { ${FIGURE} } }`;

type Figure = Record<string, unknown> & { id: string };

describe('addFigure', () => {
  let server: TestServer;
  let article: string;
  const dataset = toGlobalId('Source', id('dataset'));

  const add = (input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) =>
    server.graphql<{ addFigure: Figure }>(ADD, { input }, token ? { token } : {});
  const quoted = (input: Record<string, unknown>) => add({ source: article, period: 'last year', ...input });
  const added = async (input: Record<string, unknown>) => dataOf(await quoted(input)).addFigure;

  /** Refused with `code` (and `field`), and the graph is exactly what it was. */
  async function refused(
    code: string,
    field: string | null,
    send: () => Promise<GraphQLResponse<unknown>>,
  ): Promise<string> {
    const before = await graphCounts(server.db.driver);
    const response = await send();
    expect(codeOf(response)).toBe(code);
    if (field !== null) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(await graphCounts(server.db.driver)).toEqual(before);
    return response.errors?.[0]?.message ?? '';
  }

  beforeAll(async () => {
    server = await startTestServer();
    const { driver } = server.db;
    await deleteTestNodes(driver, PREFIX);
    await insertOrganization(driver, { id: id('wire'), name: 'Test-figw Wire' });
    await insertPlace(driver, { id: id('china'), name: 'Test-figw China' });
    await insertMetric(driver, { id: id('sales'), name: 'Test-figw NEV sales', unit: 'vehicles' });
    await insertMetric(driver, { id: id('share'), name: 'Test-figw NEV share', unit: 'percent' });
    await insertMetric(driver, { id: id('price'), name: 'Test-figw NEV price', unit: 'yuan' });
    await insertMetric(driver, { id: id('lead'), name: 'Test-figw world lead', unit: 'rank' });
    await insertMetric(driver, { id: id('fleet'), name: 'Test-figw NEV fleet', unit: 'million vehicles' });
    await insertMetric(driver, { id: id('points'), name: 'Test-figw charging points', unit: 'million points' });
    await insertMetric(driver, { id: id('density'), name: 'Test-figw density', unit: 'vehicles per point' });
    await insertSource(driver, { id: id('dataset'), kind: 'dataset', text: null, publishedDate: '2025-01-10' });
    const source = await server.graphql<{ addSource: { id: string } }>(
      `mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }`,
      {
        input: {
          title: 'Test-figw wire report',
          url: 'https://news.example/test-figw',
          publishedDate: '2025-01-15',
          language: 'en',
          kind: 'article',
          publisher: toGlobalId('Organization', id('wire')),
          text: TEXT,
          bodyStartsWith: 'Sales of new-energy',
        },
      },
      { token: EDITOR_TOKEN },
    );
    article = dataOf(source).addSource.id;
  });

  afterAll(async () => {
    const { driver } = server.db;
    const key = decodeGlobalId(article).key;
    await driver.executeQuery('MATCH (n) WHERE n.id = $key OR n.sourceId = $key DETACH DELETE n', { key });
    await deleteTestNodes(driver, PREFIX);
    await server.close();
  });

  it('adds a quoted observation: offsets in code points, a relative period resolved against the publication date', async () => {
    const before = await graphCounts(server.db.driver);
    const figure = await added({
      metric: metric('sales'),
      value: '12870000',
      unit: 'vehicles',
      place: toGlobalId('Place', id('china')),
      quote: '12.87 million',
      periodWords: 'last year',
    });
    const start = TEXT.indexOf('12.87 million');
    const codePointStart = Array.from(TEXT.slice(0, start)).length;
    expect(codePointStart).toBe(start - 1); // the emoji is two UTF-16 units, one code point
    expect(figure).toMatchObject({
      name: '12,870,000 vehicles (2024)',
      kind: 'OBSERVATION',
      value: 12870000,
      decimal: '12870000',
      qualifier: 'EXACT',
      period: { label: '2024', start: '2024-01-01', end: '2024-12-31', expression: 'last year', relative: true },
      quote: { exact: '12.87 million', start: codePointStart, end: codePointStart + 13 },
      metric: { id: metric('sales') },
      place: { id: toGlobalId('Place', id('china')) },
      source: { id: article },
      range: null,
      change: null,
      derivation: null,
    });
    expect((figure.quote as { suffix: string }).suffix).toBe(' last year, up 35.5 percent from');
    // The figure, its metric, source and place links.
    expect(await graphCounts(server.db.driver)).toEqual({
      nodes: before.nodes + 1,
      relationships: before.relationships + 3,
    });
    const read = await server.graphql<{ node: { id: string; decimal: string } }>(
      `query ($id: ID!) { node(id: $id) { ... on Figure { id decimal } } }`,
      { id: figure.id },
    );
    expect(dataOf(read).node).toEqual({ id: figure.id, decimal: '12870000' });
  });

  it('checks a quote given with its offsets against the stored text', async () => {
    const quote = '40.9 percent';
    const start = TEXT.indexOf(quote); // in UTF-16 units
    const offset = Array.from(TEXT.slice(0, start)).length;
    const figure = await added({
      metric: metric('share'),
      value: '40.9',
      unit: 'percent',
      quote,
      quoteStart: offset,
      quoteEnd: offset + 12,
    });
    expect(figure.quote).toMatchObject({ exact: quote, start: offset, end: offset + 12 });
    // UTF-16 offsets are one off after the emoji: refused, naming the quote.
    const message = await refused('BAD_USER_INPUT', 'input.quote', () =>
      quoted({
        metric: metric('share'),
        value: '40.9',
        unit: 'percent',
        quote,
        quoteStart: start,
        quoteEnd: start + 12,
      }),
    );
    expect(message).toMatch(/^the text at code points \d+-\d+ is "0\.9 percent,", not the quote$/);
    await refused('BAD_USER_INPUT', 'input.quoteEnd', () =>
      quoted({ metric: metric('share'), value: '40.9', unit: 'percent', quote, quoteStart: offset }),
    );
    // Page boilerplate before the body cannot be quoted.
    expect(
      await refused('BAD_USER_INPUT', 'input.quote', () =>
        quoted({ metric: metric('sales'), value: '1', unit: 'vehicles', quote: 'Test wire' }),
      ),
    ).toBe('quote lies outside the article body (page boilerplate cannot be quoted)');
  });

  it('adds changes of a level: percent from the previous year, and percentage points', async () => {
    const level = await added({ metric: metric('sales'), value: '12870000', unit: 'vehicles', quote: '12.87 million' });
    const growth = await added({
      metric: metric('sales'),
      value: '35.5',
      unit: 'percent',
      change: { type: 'PERCENT', basePeriod: 'the previous year', of: level.id },
      quote: 'up 35.5 percent',
    });
    expect(growth).toMatchObject({
      name: '+35.5 percent (2024)',
      change: {
        type: 'PERCENT',
        basePeriod: { label: '2023', start: '2023-01-01', end: '2023-12-31', expression: 'the previous year' },
        of: { id: level.id },
      },
    });
    const points = await added({
      metric: metric('share'),
      value: '9.3',
      unit: 'percentage points',
      change: { type: 'PERCENTAGE_POINTS', basePeriod: 'a year earlier' },
      quote: '9.3 percentage points',
    });
    expect(points.change).toEqual({
      type: 'PERCENTAGE_POINTS',
      basePeriod: { label: '2023', start: '2023-01-01', end: '2023-12-31', expression: 'a year earlier' },
      of: null,
    });
  });

  it('adds ranges, open or closed, and an ordinal ranking', async () => {
    const range = await added({
      metric: metric('price'),
      range: { low: '30000', high: '1000000' },
      unit: 'yuan',
      quote: '30,000 to 1,000,000 yuan',
    });
    expect(range).toMatchObject({
      value: null,
      name: '30,000–1,000,000 yuan (2024)',
      range: { low: 30000, high: 1000000, lowDecimal: '30000', highDecimal: '1000000' },
    });
    const open = await added({
      metric: metric('price'),
      range: { low: '2000000' },
      unit: 'yuan',
      quote: 'over 2,000,000',
    });
    expect(open.range).toEqual({ low: 2000000, high: null, lowDecimal: '2000000', highDecimal: null });
    const rank = await added({
      metric: metric('lead'),
      rank: 10,
      rankOf: 'consecutive years leading world sales',
      unit: 'rank',
      quote: '10th consecutive year',
    });
    expect(rank).toMatchObject({ rank: 10, rankOf: 'consecutive years leading world sales', name: '#10 rank (2024)' });
  });

  it('adds a forecast and an estimate for the next year', async () => {
    const forecast = await added({
      metric: metric('sales'),
      kind: 'FORECAST',
      value: '16000000',
      unit: 'vehicles',
      period: 'next year',
      quote: '16 million next year',
    });
    expect(forecast).toMatchObject({ kind: 'FORECAST', period: { label: '2026', relative: true } });
    const estimate = await added({
      metric: metric('sales'),
      kind: 'ESTIMATE',
      value: '15500000',
      qualifier: 'ABOUT',
      unit: 'vehicles',
      period: 'next year',
      quote: 'about 15.5 million',
    });
    expect(estimate).toMatchObject({ kind: 'ESTIMATE', qualifier: 'ABOUT', name: '≈ 15,500,000 vehicles (2026)' });
  });

  it('adds figures located in a dataset and a derived figure whose value is recomputed from them', async () => {
    const fleet = dataOf(
      await add({
        source: dataset,
        metric: metric('fleet'),
        value: '20.41',
        unit: 'million vehicles',
        period: 'end of 2024',
        locator: 'table 3, row "NEV fleet"',
      }),
    ).addFigure;
    expect(fleet).toMatchObject({ locator: 'table 3, row "NEV fleet"', quote: null, source: { id: dataset } });
    const points = dataOf(
      await add({
        source: dataset,
        metric: metric('points'),
        value: '8.596',
        unit: 'million points',
        period: 'end of 2024',
        locator: 'table 5',
      }),
    ).addFigure;
    const density = await added({
      metric: metric('density'),
      kind: 'DERIVED',
      value: '2.37',
      unit: 'vehicles per point',
      period: 'end of 2024',
      derived: { operation: 'RATIO', inputs: [fleet.id, points.id] },
      quote: '2.37 vehicles per charging point',
    });
    expect(density).toMatchObject({
      kind: 'DERIVED',
      derivation: { operation: 'RATIO', inputs: [{ id: fleet.id }, { id: points.id }] },
    });
    // 20.41 / 8.596 = 2.3743…: "2.38" is refused, naming the value.
    const message = await refused('BAD_USER_INPUT', 'input.value', () =>
      quoted({
        metric: metric('density'),
        kind: 'DERIVED',
        value: '2.38',
        unit: 'vehicles per point',
        period: 'end of 2024',
        derived: { operation: 'RATIO', inputs: [fleet.id, points.id] },
        quote: '2.37 vehicles per charging point',
      }),
    );
    expect(message).toBe(
      'stated 2.38 does not match ratio of 20.41, 8.596 = 2.374360168 (2.37 to the stated precision)',
    );
  });

  it('refuses a change without a base, low above high, an unknown period phrase, writing nothing', async () => {
    expect(
      await refused('BAD_USER_INPUT', 'input.change.basePeriod', () =>
        quoted({
          metric: metric('sales'),
          value: '35.5',
          unit: 'percent',
          change: { type: 'PERCENT' },
          quote: 'up 35.5 percent',
        }),
      ),
    ).toBe('a change needs the base period it is measured from, e.g. "the previous year"');
    expect(
      await refused('BAD_USER_INPUT', 'input.range.high', () =>
        quoted({
          metric: metric('price'),
          range: { low: '1000000', high: '30000' },
          unit: 'yuan',
          quote: '30,000 to 1,000,000 yuan',
        }),
      ),
    ).toBe('the low end 1000000 is above the high end 30000');
    expect(
      await refused('BAD_USER_INPUT', 'input.period', () =>
        quoted({
          metric: metric('sales'),
          value: '12870000',
          unit: 'vehicles',
          period: 'the year before last',
          quote: '12.87 million',
        }),
      ),
    ).toMatch(/^bad period or date "the year before last"; write "2023", /);
    await refused('BAD_USER_INPUT', 'input.change.basePeriod', () =>
      quoted({
        metric: metric('sales'),
        value: '35.5',
        unit: 'percent',
        change: { type: 'PERCENT', basePeriod: 'long ago' },
        quote: 'up 35.5 percent',
      }),
    );
  });

  it('refuses figures that break the other rules of ingestion, naming the field', async () => {
    const figure = { metric: metric('sales'), value: '12870000', unit: 'vehicles', quote: '12.87 million' };
    const cases: [string, Record<string, unknown>][] = [
      ['input.unit', { ...figure, unit: 'cars' }],
      ['input.value', { ...figure, value: '12,870,000' }],
      ['input.range', { ...figure, range: { low: '1' } }],
      [
        'input.change.type',
        { ...figure, unit: 'percentage points', change: { type: 'PERCENTAGE_POINTS', basePeriod: '2023' } },
      ],
      ['input.derived', { ...figure, kind: 'DERIVED' }],
      ['input.rank', { metric: metric('lead'), rank: 0, unit: 'rank', quote: '10th consecutive year' }],
      ['input.quote', { ...figure, quote: '12.88 million' }],
      ['input.quote', { metric: metric('sales'), value: '1', unit: 'vehicles', locator: 'table 1' }],
      ['input.periodWords', { ...figure, periodWords: 'in 2024' }],
    ];
    for (const [field, input] of cases) await refused('BAD_USER_INPUT', field, () => quoted(input));
    // A source recorded by its facts has no text to quote.
    await refused('BAD_USER_INPUT', 'input.quote', () =>
      add({ ...figure, source: dataset, period: '2024', locator: 'table 1' }),
    );
    await refused('BAD_USER_INPUT', 'input.locator', () =>
      add({ ...figure, source: dataset, period: '2024', quote: undefined }),
    );
  });

  it('refuses unknown ids with NOT_FOUND and anonymous callers, writing nothing', async () => {
    const figure = { metric: metric('sales'), value: '12870000', unit: 'vehicles', quote: '12.87 million' };
    const missing = toGlobalId('Figure', id('nowhere'));
    await refused('NOT_FOUND', null, () =>
      add({ ...figure, source: toGlobalId('Source', id('nowhere')), period: '2024' }),
    );
    await refused('NOT_FOUND', null, () => quoted({ ...figure, metric: metric('nowhere') }));
    await refused('NOT_FOUND', null, () => quoted({ ...figure, place: toGlobalId('Place', id('nowhere')) }));
    const message = await refused('NOT_FOUND', null, () =>
      quoted({ ...figure, unit: 'percent', change: { type: 'PERCENT', basePeriod: '2023', of: missing } }),
    );
    expect(message).toBe(`Figure "${missing}" was not found`);
    await refused('NOT_FOUND', null, () =>
      quoted({ ...figure, kind: 'DERIVED', derived: { operation: 'SUM', inputs: [missing, missing] } }),
    );
    await refused('BAD_USER_INPUT', 'input.metric', () => quoted({ ...figure, metric: article }));
    await refused('UNAUTHENTICATED', null, () => add({ ...figure, source: article, period: '2024' }, null));
  });
});
