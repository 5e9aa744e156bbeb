import {
  compareStated,
  decimalOfFloat,
  exactDifference,
  formatInterval,
  halfUnit,
  intersects,
  relativeDifferencePercent,
  statedInterval,
  type Interval,
  type Qualifier,
  type StatedFigure,
} from '../../src/domain/consistency';

const stated = (qualifier: Qualifier, decimal: string): StatedFigure => ({ qualifier, decimal });
const range = (lowDecimal: string | null, highDecimal: string | null): StatedFigure => ({
  qualifier: 'exact',
  decimal: null,
  lowDecimal,
  highDecimal,
});
const intervalText = (figure: StatedFigure) => formatInterval(statedInterval(figure) as Interval);

describe('the interval a figure states', () => {
  it('is half a unit of the last written digit either side of an exact value, closed below and open above', () => {
    expect(intervalText(stated('exact', '31'))).toBe('[30.5, 31.5)');
    expect(intervalText(stated('exact', '2.37'))).toBe('[2.365, 2.375)');
    expect(intervalText(stated('exact', '-3.2'))).toBe('[-3.25, -3.15)');
    // Trailing zeros written after the point are precision the source claims.
    expect(halfUnit('31.50').toFixed()).toBe('0.005');
    expect(halfUnit('12870000').toFixed()).toBe('0.5');
  });

  it('is ±5% for "about", never narrower than the half-unit', () => {
    expect(intervalText(stated('about', '2.4'))).toBe('[2.28, 2.52]');
    expect(intervalText(stated('about', '100'))).toBe('[95, 105]');
    expect(intervalText(stated('about', '2'))).toBe('[1.5, 2.5]');
    expect(intervalText(stated('about', '0'))).toBe('[-0.5, 0.5]');
  });

  it('is open-ended for over, exceeding, at least, under and at most', () => {
    expect(intervalText(stated('exceeding', '31'))).toBe('(31, ∞)');
    expect(intervalText(stated('over', '31'))).toBe('(31, ∞)');
    expect(intervalText(stated('at-least', '31'))).toBe('[31, ∞)');
    expect(intervalText(stated('under', '5'))).toBe('(−∞, 5)');
    expect(intervalText(stated('at-most', '5'))).toBe('(−∞, 5]');
  });

  it('is [low, high] for a range, either end possibly open', () => {
    expect(intervalText(range('10000', '1000000'))).toBe('[10000, 1000000]');
    expect(intervalText(range('10000', null))).toBe('[10000, ∞)');
    expect(intervalText(range(null, '1000000'))).toBe('(−∞, 1000000]');
  });

  it('is absent for a ranking, and a value in another notation is refused', () => {
    expect(statedInterval({ qualifier: 'exact', decimal: null, rank: 10 })).toBeNull();
    expect(() => statedInterval(stated('exact', '1e3'))).toThrow('not a decimal number');
    expect(() => statedInterval(stated('exact', '2,4'))).toThrow('not a decimal number');
  });
});

describe('consistency of two figures of one metric, place and period', () => {
  it('"exceeding 31" is consistent with 31.6', () => {
    const result = compareStated(stated('exceeding', '31'), stated('exact', '31.6'));
    expect(result).toEqual({
      consistent: true,
      reason: '"exceeding 31" means (31, ∞) and "31.6" means [31.55, 31.65): they overlap, so both can be right.',
    });
  });

  it('"about 2.4" is consistent with 2.37, and says which tolerance it used', () => {
    const result = compareStated(stated('about', '2.4'), stated('exact', '2.37'));
    expect(result.consistent).toBe(true);
    expect(result.reason).toBe(
      '"about 2.4" means [2.28, 2.52] (±5%) and "2.37" means [2.365, 2.375): they overlap, so both can be right.',
    );
  });

  it('exact 77 is not consistent with 77.6, which rounds to 78', () => {
    expect(compareStated(stated('exact', '77'), stated('exact', '77.6'))).toEqual({
      consistent: false,
      reason: '"77" means [76.5, 77.5) and "77.6" means [77.55, 77.65): they do not overlap.',
    });
    expect(compareStated(stated('exact', '77'), stated('exact', '77.4')).consistent).toBe(true);
  });

  it('meets at a shared end only when both intervals include it', () => {
    // "77" is [76.5, 77.5); "77.5" exact is [77.45, 77.55): they overlap.
    expect(compareStated(stated('exact', '77'), stated('exact', '77.5')).consistent).toBe(true);
    expect(compareStated(stated('at-most', '5'), stated('at-least', '5')).consistent).toBe(true);
    expect(compareStated(stated('under', '5'), stated('at-least', '5')).consistent).toBe(false);
    expect(compareStated(stated('at-most', '5'), stated('over', '5')).consistent).toBe(false);
    expect(compareStated(stated('exact', '77'), stated('at-least', '77.5')).consistent).toBe(false);
  });

  it('compares ranges and open ends', () => {
    expect(compareStated(range('10000', '1000000'), stated('about', '500000')).consistent).toBe(true);
    expect(compareStated(range('10000', '1000000'), stated('exact', '1200000')).consistent).toBe(false);
    expect(compareStated(range('10000', null), stated('exceeding', '2000000')).consistent).toBe(true);
    expect(compareStated(range(null, '5'), stated('over', '5')).consistent).toBe(false);
    expect(compareStated(range('10000', '20000'), range('20000', '30000')).consistent).toBe(true);
    expect(compareStated(stated('under', '30'), stated('exceeding', '31')).consistent).toBe(false);
    expect(compareStated(stated('exceeding', '31'), stated('over', '50')).consistent).toBe(true);
  });

  it('compares rankings by rank, and a ranking with a value not at all', () => {
    const tenth = { qualifier: 'exact' as const, decimal: null, rank: 10 };
    expect(compareStated(tenth, { ...tenth })).toEqual({ consistent: true, reason: 'Both give rank 10.' });
    expect(compareStated(tenth, { ...tenth, rank: 9 })).toEqual({
      consistent: false,
      reason: 'Rank 10 and rank 9 differ.',
    });
    expect(compareStated(tenth, stated('exact', '10'))).toEqual({
      consistent: false,
      reason: '"rank 10" and "10" cannot be compared: one states no value of the kind the other does.',
    });
  });

  it('is symmetric in its verdict', () => {
    const figures = [
      stated('exact', '31'),
      stated('about', '30'),
      stated('exceeding', '31'),
      stated('under', '31'),
      stated('at-most', '29'),
      range('28', '30'),
      range('32', null),
    ];
    for (const a of figures) {
      for (const b of figures) {
        const ia = statedInterval(a) as Interval;
        const ib = statedInterval(b) as Interval;
        expect(intersects(ia, ib)).toBe(intersects(ib, ia));
      }
    }
  });
});

describe('exact differences', () => {
  it('subtracts the decimals as written: no float noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactDifference(stated('exact', '31'), stated('exact', '40.9'))?.toFixed()).toBe('9.9');
    expect(exactDifference(stated('exact', '0.2'), stated('exact', '0.3'))?.toNumber()).toBe(0.1);
    expect(exactDifference(stated('about', '2.4'), stated('exact', '3.1'))?.toFixed()).toBe('0.7');
    expect(exactDifference(stated('exact', '12870000'), stated('exact', '9587000'))?.toFixed()).toBe('-3283000');
  });

  it('gives the relative difference in percent of the cited value, none for a zero or missing one', () => {
    expect(relativeDifferencePercent(stated('exact', '2.4'), stated('exact', '3.1'))?.toFixed(4)).toBe('29.1667');
    expect(relativeDifferencePercent(stated('exact', '-2'), stated('exact', '-1'))?.toFixed()).toBe('50');
    expect(relativeDifferencePercent(stated('exact', '0'), stated('exact', '1'))).toBeNull();
    expect(exactDifference(range('1', '2'), stated('exact', '1'))).toBeNull();
  });

  it('reads a stored float back as the decimal it was written as', () => {
    expect(decimalOfFloat(31)).toBe('31');
    expect(decimalOfFloat(2.4)).toBe('2.4');
    expect(decimalOfFloat(12870000)).toBe('12870000');
    expect(decimalOfFloat(0.000001)).toBe('0.000001');
  });
});
