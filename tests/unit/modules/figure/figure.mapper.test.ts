import { Date as Neo4jDate, int } from 'neo4j-driver';

import { mapFigure } from '../../../../src/modules/figure/figure.mapper';

const stored = {
  id: 'test-nev-share-2023',
  name: 'NEV share of new car sales, 2023',
  value: 31.6,
  unit: 'percent',
  qualifier: 'about',
  periodLabel: '2023',
  periodStart: new Neo4jDate(2023, 1, 1),
  periodEnd: new Neo4jDate(2023, 12, 31),
  periodExpression: '2023',
  sourceId: 'test-source',
  quote: 'nearly a third',
  quoteStart: int(40),
  quoteEnd: int(54),
  quotePrefix: 'made up ',
  quoteSuffix: ' of sales',
};

describe('mapFigure', () => {
  it('maps the period dates to ISO strings and Integer offsets to numbers', () => {
    expect(mapFigure(stored)).toEqual({
      label: 'Figure',
      key: 'test-nev-share-2023',
      name: 'NEV share of new car sales, 2023',
      kind: 'observation',
      value: 31.6,
      decimal: '31.6',
      low: null,
      high: null,
      lowDecimal: null,
      highDecimal: null,
      rank: null,
      rankOf: null,
      changeType: null,
      basePeriod: null,
      operation: null,
      locator: null,
      unit: 'percent',
      qualifier: 'about',
      period: {
        label: '2023',
        start: '2023-01-01',
        end: '2023-12-31',
        expression: '2023',
        words: null,
        relative: false,
      },
      sourceKey: 'test-source',
      quote: { exact: 'nearly a third', start: 40, end: 54, prefix: 'made up ', suffix: ' of sales' },
      version: 1,
    });
  });

  it('keeps the period words and the relative flag when stored', () => {
    const figure = mapFigure({ ...stored, periodWords: 'last year', periodRelative: true });
    expect(figure.period).toMatchObject({ words: 'last year', relative: true });
  });

  it('reads a neo4j Integer value as a number', () => {
    expect(mapFigure({ ...stored, value: int(7) }).value).toBe(7);
  });

  it('reads the value as written from `decimal`, falling back to the float for figures stored before decimals', () => {
    expect(mapFigure({ ...stored, value: 31.5, decimal: '31.50' })).toMatchObject({ value: 31.5, decimal: '31.50' });
    expect(mapFigure({ ...stored, value: 2.4 }).decimal).toBe('2.4');
  });

  it('maps a range with an open end, a ranking and a change', () => {
    const range = mapFigure({ ...stored, value: null, low: 10000, lowDecimal: '10000', kind: 'estimate' });
    expect(range).toMatchObject({
      kind: 'estimate',
      value: null,
      decimal: null,
      lowDecimal: '10000',
      highDecimal: null,
    });
    const ranking = mapFigure({ ...stored, value: null, rank: int(10), rankOf: 'years leading NEV sales' });
    expect(ranking).toMatchObject({ value: null, decimal: null, rank: 10, rankOf: 'years leading NEV sales' });
    expect(mapFigure({ ...stored, changeType: 'percent' }).changeType).toBe('percent');
  });

  it('maps a change with its base period, and a located figure without a quote', () => {
    const change = mapFigure({
      ...stored,
      changeType: 'percentage-points',
      basePeriodLabel: '2022',
      basePeriodStart: new Neo4jDate(2022, 1, 1),
      basePeriodEnd: new Neo4jDate(2022, 12, 31),
      basePeriodExpression: 'the previous year',
    });
    expect(change.basePeriod).toEqual({
      label: '2022',
      start: '2022-01-01',
      end: '2022-12-31',
      expression: 'the previous year',
    });
    const { quote: _quote, quoteStart: _s, quoteEnd: _e, quotePrefix: _p, quoteSuffix: _x, ...unquoted } = stored;
    expect(mapFigure({ ...unquoted, locator: "table 1, row 'NEV sales'" })).toMatchObject({
      quote: null,
      locator: "table 1, row 'NEV sales'",
    });
  });
});
