import { compareFigures } from '../../src/modules/claim/lineage.resolver';
import type { FigureData } from '../../src/modules/figure/figure.mapper';
import { RATING_LABELS, toClaimReview } from '../../src/modules/review/claim-review';
import { toLuceneQuery } from '../../src/modules/search/search.repository';

const figure = (key: string, value: number): FigureData => ({
  label: 'Figure',
  key,
  name: key,
  value,
  unit: 'percent',
  qualifier: 'exact',
  period: { label: '2023', start: '2023-01-01', end: '2023-12-31', expression: '2023', words: null, relative: false },
  sourceKey: 's',
  quote: { exact: 'x', start: 0, end: 1, prefix: '', suffix: '' },
});

describe('compareFigures', () => {
  it('gives the difference from the cited value, absolute and in percent', () => {
    const up = compareFigures(figure('cited', 31), figure('other', 35.65));
    expect(up.figure.key).toBe('other');
    expect(up.difference).toBeCloseTo(4.65, 10);
    expect(up.relativeDifferencePercent).toBeCloseTo(15, 10);
    expect(compareFigures(figure('cited', 40), figure('other', 30))).toMatchObject({
      difference: -10,
      relativeDifferencePercent: -25,
    });
  });

  it('has no relative difference against a zero value', () => {
    expect(compareFigures(figure('cited', 0), figure('other', 5)).relativeDifferencePercent).toBeNull();
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
        quote: figure('f', 1).quote,
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
