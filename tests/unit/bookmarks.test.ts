import { parseBookmarksHeader } from '../../src/bookmarks';
import { AppError } from '../../src/errors';

describe('the Neo4j-Bookmarks request header', () => {
  it('is optional: absent or blank means no bookmarks', () => {
    expect(parseBookmarksHeader(undefined)).toEqual([]);
    expect(parseBookmarksHeader('  ')).toEqual([]);
  });

  it('lists bookmarks comma-separated, spaces around them ignored', () => {
    expect(parseBookmarksHeader('FB:kcwQZmTWLp0dRHyLBlcr5YphesoAAIxqkA==, FB:other')).toEqual([
      'FB:kcwQZmTWLp0dRHyLBlcr5YphesoAAIxqkA==',
      'FB:other',
    ]);
  });

  it.each([
    ['a control character', 'FB:a\u0007b'],
    ['a non-ASCII character', 'FB:bookmärk'],
    ['an empty entry', 'FB:a,'],
    ['17 bookmarks', Array.from({ length: 17 }, () => 'FB:a').join(',')],
  ])('refuses %s with BAD_USER_INPUT, HTTP 400, naming the header', (_case, value) => {
    let thrown: unknown;
    try {
      parseBookmarksHeader(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'Neo4j-Bookmarks',
      http: { status: 400 },
    });
  });
});
