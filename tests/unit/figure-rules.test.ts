import {
  checkDerivedValue,
  figureEvidenceViolations,
  figureName,
  figureViolations,
  recompute,
  writtenDecimal,
  type FigureDraft,
} from '../../src/domain/figure';

/** A plain observation of a percent metric; each test changes what it is about. */
const draft = (overrides: Partial<FigureDraft>): FigureDraft => ({
  kind: 'observation',
  decimal: '40.9',
  lowDecimal: null,
  highDecimal: null,
  rank: null,
  unit: 'percent',
  metricKey: 'nev-share',
  metricUnit: 'percent',
  change: null,
  derived: null,
  ...overrides,
});
const fields = (overrides: Partial<FigureDraft>) => figureViolations(draft(overrides)).map((v) => v.field);

describe('writtenDecimal', () => {
  it('keeps a quoted value as written and writes numbers out in plain notation', () => {
    expect(writtenDecimal('2.40')).toBe('2.40');
    expect(writtenDecimal(12870000)).toBe('12870000');
    expect(writtenDecimal(1e-7)).toBe('0.0000001');
    expect(writtenDecimal('12,870,000')).toBeUndefined();
    expect(writtenDecimal('1e6')).toBeUndefined();
  });
});

describe('figure rules', () => {
  it('accepts a sound observation', () => {
    expect(figureViolations(draft({}))).toEqual([]);
  });

  it('refuses an unknown kind and a malformed decimal', () => {
    expect(fields({ kind: 'rumour' })).toEqual(['kind']);
    expect(figureViolations(draft({ decimal: '4O.9' }))[0]?.message).toMatch(/decimal number/);
  });

  it('needs a value, a range or a rank, and not both a value and a range', () => {
    expect(fields({ decimal: null })).toEqual(['value']);
    expect(fields({ lowDecimal: '1' })).toEqual(['range']);
  });

  it('accepts a range with open ends and refuses one whose low end is above its high end', () => {
    expect(fields({ decimal: null, lowDecimal: '30000', highDecimal: null })).toEqual([]);
    expect(fields({ decimal: null, lowDecimal: '10', highDecimal: '10' })).toEqual([]);
    const [violation] = figureViolations(draft({ decimal: null, lowDecimal: '1000000', highDecimal: '30000' }));
    expect(violation).toEqual({ field: 'range.high', message: 'the low end 1000000 is above the high end 30000' });
  });

  it('takes a rank as a positive integer only', () => {
    expect(fields({ decimal: null, rank: 10 })).toEqual([]);
    expect(fields({ decimal: null, rank: 0 })).toEqual(['rank']);
    expect(fields({ decimal: null, rank: 2.5 })).toEqual(['rank']);
  });

  it('states an ordinary figure in its metric unit', () => {
    expect(figureViolations(draft({ unit: 'percentage points' }))[0]).toEqual({
      field: 'unit',
      message: 'unit "percentage points" differs from the unit of metric "nev-share" ("percent")',
    });
  });
});

describe('change figures', () => {
  const change = { type: 'percentage-points', basePeriod: 'the previous year', levelMetricKey: 'nev-share' };

  it('accepts "+9.3 percentage points" of a percent metric from the previous year', () => {
    expect(fields({ decimal: '9.3', unit: 'percentage points', change })).toEqual([]);
  });

  it('needs a base period', () => {
    const violations = figureViolations(
      draft({ decimal: '9.3', unit: 'percentage points', change: { ...change, basePeriod: null } }),
    );
    expect(violations.map((v) => v.field)).toEqual(['change.basePeriod']);
    expect(fields({ decimal: '9.3', unit: 'percentage points', change: { ...change, basePeriod: ' ' } })).toEqual([
      'change.basePeriod',
    ]);
  });

  it('measures the metric of the level it changes', () => {
    const [violation] = figureViolations(
      draft({ decimal: '9.3', unit: 'percentage points', change: { ...change, levelMetricKey: 'nev-sales' } }),
    );
    expect(violation?.field).toBe('change.of');
    expect(violation?.message).toContain('"nev-sales"');
  });

  it('allows percentage points only for a percentage-point change of a percent metric', () => {
    const sales = { metricKey: 'nev-sales', metricUnit: 'vehicles' };
    expect(
      fields({ ...sales, decimal: '9.3', unit: 'percentage points', change: { ...change, levelMetricKey: null } }),
    ).toEqual(['change.type']);
    expect(fields({ decimal: '9.3', unit: 'percent', change })).toEqual(['unit']);
  });

  it('states a percent change in percent and an absolute change in the metric unit', () => {
    const sales = { metricKey: 'nev-sales', metricUnit: 'vehicles' };
    const percent = { type: 'percent', basePeriod: 'a year earlier', levelMetricKey: 'nev-sales' };
    expect(fields({ ...sales, decimal: '35.5', unit: 'percent', change: percent })).toEqual([]);
    expect(fields({ ...sales, decimal: '35.5', unit: 'vehicles', change: percent })).toEqual(['unit']);
    const absolute = { type: 'absolute', basePeriod: '2023', levelMetricKey: null };
    expect(fields({ ...sales, decimal: '3370000', unit: 'vehicles', change: absolute })).toEqual([]);
    expect(fields({ ...sales, change: { ...absolute, type: 'doubling' } })).toEqual(['change.type']);
  });
});

describe('derived figures', () => {
  const perChargingPoint: FigureDraft['derived'] = { operation: 'ratio', inputDecimals: ['20.41', '8.596'] };
  const derived = (decimal: string, derivation = perChargingPoint) =>
    draft({
      kind: 'derived',
      decimal,
      unit: 'vehicles per charging point',
      metricUnit: 'vehicles per charging point',
      derived: derivation,
    });

  it('recomputes exactly, with no float noise', () => {
    const difference = recompute('difference', ['40.9', '31']);
    expect(difference.ok && difference.value.toFixed()).toBe('9.9');
    const change = recompute('percent-change', ['9.495', '12.866']);
    expect(change.ok && change.value.toDecimalPlaces(1).toFixed()).toBe('35.5');
    const sum = recompute('sum', ['0.1', '0.2', '0.3']);
    expect(sum.ok && sum.value.toFixed()).toBe('0.6');
    const product = recompute('product', ['1.1', '1.1']);
    expect(product.ok && product.value.toFixed()).toBe('1.21');
  });

  it('matches a stated value to its stated precision: 2.37 and 2.4 from 20.41 / 8.596, not 2.38', () => {
    expect(figureViolations(derived('2.37'))).toEqual([]);
    expect(figureViolations(derived('2.4'))).toEqual([]);
    const [violation] = figureViolations(derived('2.38'));
    expect(violation?.field).toBe('value');
    expect(violation?.message).toBe(
      'stated 2.38 does not match ratio of 20.41, 8.596 = 2.374360168 (2.37 to the stated precision)',
    );
  });

  it('refuses a wrong number of inputs, a division by zero and an input without a single value', () => {
    expect(checkDerivedValue('ratio', ['1', '2', '3'], '1')[0]?.message).toBe('ratio needs exactly 2 inputs');
    expect(checkDerivedValue('sum', ['1'], '1')[0]?.message).toBe('sum needs at least 2 inputs');
    expect(checkDerivedValue('ratio', ['1', '0'], '1')[0]?.message).toBe('ratio would divide by zero');
    expect(figureViolations(derived('2.37', { operation: 'ratio', inputDecimals: ['20.41', null] }))[0]?.field).toBe(
      'derived.inputs[1]',
    );
  });

  it('ties the derived kind to a derivation', () => {
    expect(fields({ kind: 'derived' })).toEqual(['derived']);
    expect(fields({ derived: { operation: 'ratio', inputDecimals: ['1', '2'] } })).toEqual(['kind']);
    expect(figureViolations(derived('2.37', { operation: 'quotient', inputDecimals: ['1', '2'] }))[0]?.field).toBe(
      'derived.operation',
    );
  });
});

describe('figure evidence and caption, shared by ingestion and addFigure', () => {
  const evidence = (overrides: Partial<Parameters<typeof figureEvidenceViolations>[0]>) =>
    figureEvidenceViolations({
      referenceOnly: false,
      sourceKind: 'article',
      quoted: true,
      located: false,
      ...overrides,
    });

  it('wants a quote in a text, a locator in a source recorded by its facts, either in a dataset or report', () => {
    expect(evidence({})).toEqual([]);
    expect(evidence({ quoted: false, located: true }).map((v) => v.field)).toEqual(['quote']);
    expect(evidence({ quoted: false, located: true, sourceKind: 'dataset' })).toEqual([]);
    expect(evidence({ quoted: false, located: true, sourceKind: 'report' })).toEqual([]);
    expect(evidence({ referenceOnly: true, sourceKind: 'dataset' }).map((v) => v.field)).toEqual(['quote', 'locator']);
    expect(evidence({ referenceOnly: true, quoted: false, located: true })).toEqual([]);
  });

  it('captions values, changes, ranges and ranks', () => {
    const caption = { qualifier: 'exact', isChange: false, decimal: null, lowDecimal: null, highDecimal: null };
    const named = (overrides: Partial<Parameters<typeof figureName>[0]>) =>
      figureName({ ...caption, rank: null, unit: 'percent', periodLabel: '2024', ...overrides });
    expect(named({ decimal: '31', qualifier: 'exceeding' })).toBe('> 31 percent (2024)');
    expect(named({ decimal: '9.3', isChange: true, unit: 'percentage points' })).toBe('+9.3 percentage points (2024)');
    expect(named({ lowDecimal: '30000', highDecimal: '1000000', unit: 'yuan' })).toBe('30,000–1,000,000 yuan (2024)');
    expect(named({ highDecimal: '5' })).toBe('≤ 5 percent (2024)');
    expect(named({ rank: 10, unit: 'rank' })).toBe('#10 rank (2024)');
  });
});
