import { parseBookmarksHeader, requestBookmarks } from '../../src/bookmarks';
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
    ['65 bookmarks', Array.from({ length: 65 }, () => 'FB:a').join(',')],
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

  it('is accepted from a client with a token only (401 UNAUTHENTICATED otherwise), and parsed either way', () => {
    const viewer = { viewer: { name: 'alice', role: 'editor' as const }, failure: null };
    expect(requestBookmarks('FB:a', viewer)).toEqual(['FB:a']);
    expect(requestBookmarks(undefined, { viewer: null, failure: null })).toEqual([]);
    expect(() => requestBookmarks('FB:a', { viewer: null, failure: null })).toThrow(/needs a valid bearer token/);
    expect(() => requestBookmarks('FB:a b', viewer)).toThrow(/at most 64 bookmarks/);
  });
});
