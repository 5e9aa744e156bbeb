import { ErrorCode } from '../../src/errors';
import { fromGlobalId, idOf, toGlobalId } from '../../src/modules/common/global-id';
import { decodeCursor, encodeCursor, pageRequest, toPage } from '../../src/modules/common/pagination';
import { codeThrownBy } from '../support/errors';

describe('global ids', () => {
  it('round-trips type and key, including keys with slashes and non-ASCII', () => {
    const id = toGlobalId('Claim', 'source-1/新能源-🚗');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Claim', id: 'source-1/新能源-🚗' });
  });

  it('refuses malformed ids and ids of another type with BAD_USER_INPUT', () => {
    expect(codeThrownBy(() => fromGlobalId('not base64!'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeThrownBy(() => fromGlobalId(Buffer.from('no-separator').toString('base64url')))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(codeThrownBy(() => idOf(toGlobalId('Person', 'x'), ['Claim']))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('keyset cursors', () => {
  it('round-trips the sort key and id', () => {
    expect(decodeCursor(encodeCursor({ key: '2023-12-31', id: 'a/b' }))).toEqual({ key: '2023-12-31', id: 'a/b' });
    expect(decodeCursor(encodeCursor({ key: null, id: 'x' }))).toEqual({ key: null, id: 'x' });
  });

  it.each([
    ['garbage'],
    [Buffer.from('{"a":1}').toString('base64url')],
    [Buffer.from('[1e309,"x"]').toString('base64url')],
    [''],
  ])('refuses the invalid cursor %j', (cursor) => {
    expect(codeThrownBy(() => decodeCursor(cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('reads one row more than the page to know whether another page follows', () => {
    const request = pageRequest(2, null, 'id');
    expect(request).toEqual({ after: null, limit: 3, first: 2 });
    const page = toPage(['a', 'b', 'c'], request, (item) => ({ key: null, id: item }));
    expect(page.items).toEqual(['a', 'b']);
    expect(page.hasNextPage).toBe(true);
    expect(toPage(['a'], request, (item) => ({ key: null, id: item })).hasNextPage).toBe(false);
  });

  it.each([[-1], [101], [1.5]])('refuses first = %p', (first) => {
    expect(codeThrownBy(() => pageRequest(first, null, 'id'))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a cursor of a list sorted by another kind of key', () => {
    const nameCursor = encodeCursor({ key: 'Miao Wei', id: 'miao-wei' });
    const idCursor = encodeCursor({ key: null, id: 'c' });
    expect(codeThrownBy(() => pageRequest(5, nameCursor, 'date'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeThrownBy(() => pageRequest(5, idCursor, 'text'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeThrownBy(() => pageRequest(5, nameCursor, 'id'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(pageRequest(5, encodeCursor({ key: '2024-03-19', id: 's' }), 'date').after).toEqual({
      key: '2024-03-19',
      id: 's',
    });
  });
});
