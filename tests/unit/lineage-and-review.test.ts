import { compareFigures } from '../../src/modules/claim/figure-comparison';
import type { FigureData, SiblingRelation } from '../../src/modules/figure/figure.mapper';
import { RATING_LABELS, toClaimReview } from '../../src/modules/review/claim-review';
import { toLuceneQuery } from '../../src/modules/search/search.repository';

const figure = (key: string, decimal: string, overrides: Partial<FigureData> = {}): FigureData => ({
  label: 'Figure',
  key,
  name: key,
  kind: 'observation',
  value: Number(decimal),
  decimal,
  low: null,
  high: null,
  lowDecimal: null,
  highDecimal: null,
  rank: null,
  rankOf: null,
  changeType: null,
  basePeriod: null,
  version: 1,
  operation: null,
  locator: null,
  unit: 'percent',
  qualifier: 'exact',
  period: { label: '2023', start: '2023-01-01', end: '2023-12-31', expression: '2023', words: null, relative: false },
  sourceKey: 's',
  quote: { exact: 'x', start: 0, end: 1, prefix: '', suffix: '' },
  ...overrides,
});
const sibling = (other: FigureData, relation: SiblingRelation = 'same-period') => ({ figure: other, relation });

describe('compareFigures', () => {
  it('gives the difference from the cited value exactly, absolute and in percent', () => {
    const up = compareFigures(figure('cited', '31'), sibling(figure('other', '35.65')));
    expect(up.figure.key).toBe('other');
    expect(up.difference).toBe(4.65);
    expect(up.exactDifference).toBe('4.65');
    expect(up.relativeDifferencePercent).toBe(15);
    expect(compareFigures(figure('cited', '40'), sibling(figure('other', '30')))).toMatchObject({
      difference: -10,
      relativeDifferencePercent: -25,
    });
    // In floats 40.9 - 31 is 9.899999999999999.
    expect(40.9 - 31).not.toBe(9.9);
    expect(compareFigures(figure('cited', '31'), sibling(figure('other', '40.9'))).difference).toBe(9.9);
  });

  it('has no relative difference against a zero value', () => {
    expect(compareFigures(figure('cited', '0'), sibling(figure('other', '5'))).relativeDifferencePercent).toBeNull();
  });

  it('checks a figure of the same period for consistency, with the reason', () => {
    const cited = figure('cited', '31', { qualifier: 'exceeding' });
    expect(compareFigures(cited, sibling(figure('other', '31.6')))).toMatchObject({
      consistent: true,
      reason: '"exceeding 31" means (31, ∞) and "31.6" means [31.55, 31.65): they overlap, so both can be right.',
    });
    expect(compareFigures(figure('cited', '77'), sibling(figure('other', '77.6'))).consistent).toBe(false);
  });

  it('does not check figures of another period, place, measure, or of the same source', () => {
    const cited = figure('cited', '31');
    const later = figure('later', '35.7', { period: { ...cited.period, label: '2024' } });
    expect(compareFigures(cited, sibling(later, 'other-period'))).toEqual({
      figure: later,
      consistent: false,
      reason: 'Not compared: another period (2024; the cited figure is for 2023).',
      difference: 4.7,
      exactDifference: '4.7',
      relativeDifferencePercent: expect.closeTo(15.16129, 4),
    });
    expect(compareFigures(cited, sibling(figure('same', '31'), 'same-source')).reason).toBe(
      'Not compared: the same source reports both figures.',
    );
    expect(compareFigures(cited, sibling(figure('there', '31'), 'other-place')).reason).toBe(
      'Not compared: the figure is for another place.',
    );
    const change = compareFigures(
      cited,
      sibling(figure('growth', '9.3', { changeType: 'percentage-points' }), 'other-measure'),
    );
    expect(change).toMatchObject({
      consistent: false,
      reason: 'Not compared: a percentage-points change, where the cited figure is a level.',
      difference: null,
      exactDifference: null,
      relativeDifferencePercent: null,
    });
  });
});

describe('toLuceneQuery', () => {
  it('escapes every Lucene syntax character so user text is plain words', () => {
    expect(toLuceneQuery('C++ (2023): "new" AND energy*')).toBe('C\\+\\+ \\(2023\\)\\: \\"new\\" and energy\\*');
    expect(toLuceneQuery('}) DETACH DELETE n //')).toBe('\\}\\) DETACH DELETE n \\/\\/');
  });
});

describe('toClaimReview', () => {
  it('maps a review onto schema.org ClaimReview with the claim, its author and where it appeared', () => {
    const jsonLd = toClaimReview({
      review: {
        label: 'Review',
        key: 'r',
        rating: 2,
        ratingLabel: RATING_LABELS[1],
        explanation: 'Because.',
        reviewer: 'alice',
        datePublished: '2026-11-25',
        url: null,
      },
      claim: {
        label: 'Claim',
        key: 'c',
        text: 'Software defines cars.',
        kind: 'opinion',
        attribution: 'direct-quote',
        quote: { exact: 'x', start: 0, end: 1, prefix: '', suffix: '' },
        version: 1,
        retracted: null,
      },
      speaker: { label: 'Person', key: 'miao-wei', name: 'Miao Wei', description: null, sameAs: [] },
      role: { label: 'Role', key: 'r', name: 'x', title: 'Vice chairman', status: 'current', from: null, to: null },
      source: undefined,
      publisher: null,
    });
    expect(jsonLd).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      datePublished: '2026-11-25',
      author: { '@type': 'Person', name: 'alice' },
      claimReviewed: 'Software defines cars.',
      reviewBody: 'Because.',
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Miao Wei', jobTitle: 'Vice chairman' } },
    });
  });
});
