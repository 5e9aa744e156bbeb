import { Date as Neo4jDate, int } from 'neo4j-driver';

import { mapReview } from '../../../../src/modules/review/review.mapper';

const stored = {
  id: 'test-review-1',
  rating: 4,
  ratingLabel: 'Mostly true',
  explanation: 'The ministry count of charging points matches.',
  reviewer: 'test-reviewer',
  datePublished: new Neo4jDate(2026, 11, 25),
};

describe('mapReview', () => {
  it('maps the publication date to an ISO string and a missing url to null', () => {
    expect(mapReview(stored)).toEqual({
      label: 'Review',
      key: 'test-review-1',
      rating: 4,
      ratingLabel: 'Mostly true',
      explanation: 'The ministry count of charging points matches.',
      reviewer: 'test-reviewer',
      datePublished: '2026-11-25',
      url: null,
    });
  });

  it('keeps a url and reads a neo4j Integer rating as a number', () => {
    expect(mapReview({ ...stored, rating: int(2), url: 'https://check.example/r/1' })).toMatchObject({
      rating: 2,
      url: 'https://check.example/r/1',
    });
  });
});
