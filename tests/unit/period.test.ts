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
