import { resolvePeriod } from '../../src/domain/period';

const PUBLISHED = '2024-03-19';

describe('resolvePeriod', () => {
  it.each([
    ['2023', { label: '2023', start: '2023-01-01', end: '2023-12-31', relative: false }],
    ['2024-03-19', { label: '2024-03-19', start: '2024-03-19', end: '2024-03-19', relative: false }],
    ['end of 2023', { label: 'end of 2023', start: '2023-12-31', end: '2023-12-31', relative: false }],
    ['last year', { label: '2023', start: '2023-01-01', end: '2023-12-31', relative: true }],
    ['this year', { label: '2024', start: '2024-01-01', end: '2024-12-31', relative: true }],
    ['next year', { label: '2025', start: '2025-01-01', end: '2025-12-31', relative: true }],
    ['end of last year', { label: 'end of 2023', start: '2023-12-31', end: '2023-12-31', relative: true }],
    ['end of this year', { label: 'end of 2024', start: '2024-12-31', end: '2024-12-31', relative: true }],
  ])('resolves "%s" against a publication date of 2024-03-19', (expression, expected) => {
    expect(resolvePeriod(expression, PUBLISHED)).toEqual({ ...expected, expression });
  });

  it('resolves relative expressions against the given publication date, not today', () => {
    expect(resolvePeriod('end of last year', '2010-06-01')?.label).toBe('end of 2009');
    expect(resolvePeriod('next year', '1999-12-31')?.label).toBe('2000');
  });

  it('ignores case and extra spaces but keeps the expression as written', () => {
    const resolved = resolvePeriod('  End  of LAST year ', PUBLISHED);
    expect(resolved?.label).toBe('end of 2023');
    expect(resolved?.expression).toBe('  End  of LAST year ');
  });

  it('accepts 29 February only in a leap year', () => {
    expect(resolvePeriod('2024-02-29', PUBLISHED)?.start).toBe('2024-02-29');
    expect(resolvePeriod('2023-02-29', PUBLISHED)).toBeUndefined();
  });

  it.each([
    '2023-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023-1-5',
    'sometime',
    'last decade',
    'end of next week',
    '23',
    '',
  ])('rejects "%s"', (expression) => {
    expect(resolvePeriod(expression, PUBLISHED)).toBeUndefined();
  });
});

describe('resolvePeriod: halves, quarters, months and years relative to a reference', () => {
  const JANUARY_2025 = '2025-01-14';

  it.each([
    ['the first half', { label: 'H1 2025', start: '2025-01-01', end: '2025-06-30', relative: true }],
    ['first half of 2024', { label: 'H1 2024', start: '2024-01-01', end: '2024-06-30', relative: false }],
    ['H1 2024', { label: 'H1 2024', start: '2024-01-01', end: '2024-06-30', relative: false }],
    ['the second half', { label: 'H2 2025', start: '2025-07-01', end: '2025-12-31', relative: true }],
    ['Q3', { label: 'Q3 2025', start: '2025-07-01', end: '2025-09-30', relative: true }],
    ['Q3 2024', { label: 'Q3 2024', start: '2024-07-01', end: '2024-09-30', relative: false }],
    ['the third quarter', { label: 'Q3 2025', start: '2025-07-01', end: '2025-09-30', relative: true }],
    ['the fourth quarter of 2024', { label: 'Q4 2024', start: '2024-10-01', end: '2024-12-31', relative: false }],
    [
      'January-October 2024',
      { label: 'January-October 2024', start: '2024-01-01', end: '2024-10-31', relative: false },
    ],
    ['January to October', { label: 'January-October 2025', start: '2025-01-01', end: '2025-10-31', relative: true }],
    ['February 2024', { label: 'February 2024', start: '2024-02-01', end: '2024-02-29', relative: false }],
    ['October 2024', { label: 'October 2024', start: '2024-10-01', end: '2024-10-31', relative: false }],
    ['the previous year', { label: '2024', start: '2024-01-01', end: '2024-12-31', relative: true }],
    ['a year earlier', { label: '2024', start: '2024-01-01', end: '2024-12-31', relative: true }],
    ['same period last year', { label: '2024', start: '2024-01-01', end: '2024-12-31', relative: true }],
  ])('resolves "%s" against a publication date of 2025-01-14', (expression, expected) => {
    expect(resolvePeriod(expression, JANUARY_2025)).toEqual({ ...expected, expression });
  });

  it('resolves "the previous year" and "same period last year" against a reference period when given', () => {
    const h1of2024 = resolvePeriod('H1 2024', JANUARY_2025)!;
    expect(resolvePeriod('same period last year', JANUARY_2025, h1of2024)).toMatchObject({
      label: 'H1 2023',
      start: '2023-01-01',
      end: '2023-06-30',
    });
    expect(resolvePeriod('the previous year', JANUARY_2025, h1of2024)?.label).toBe('2023');
    const endOf2023 = resolvePeriod('end of 2023', JANUARY_2025)!;
    expect(resolvePeriod('a year earlier', JANUARY_2025, endOf2023)).toMatchObject({
      label: 'end of 2022',
      start: '2022-12-31',
    });
    const february2024 = resolvePeriod('February 2024', JANUARY_2025)!;
    expect(resolvePeriod('a year earlier', JANUARY_2025, february2024)).toMatchObject({
      label: 'February 2023',
      end: '2023-02-28',
    });
  });

  it.each(['October-January 2024', 'Q5', 'the fifth quarter', 'H3 2024', 'third half', 'the year before last'])(
    'rejects "%s"',
    (expression) => {
      expect(resolvePeriod(expression, JANUARY_2025)).toBeUndefined();
    },
  );
});
