import { ErrorCode } from '../../src/errors';
import { fromGlobalId, idOf, toGlobalId } from '../../src/modules/common/global-id';
import { decodeCursor, encodeCursor, pageRequest, toPage } from '../../src/modules/common/pagination';
import { codeThrownBy } from '../support/errors';

describe('global ids', () => {
  it('round-trips type and key, including keys with slashes and non-ASCII', () => {
    const id = toGlobalId('Claim', 'source-1/新能源-🚗');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Claim', key: 'source-1/新能源-🚗' });
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
  it('round-trips the sort value and key', () => {
    expect(decodeCursor(encodeCursor({ sortValue: '2023-12-31', key: 'a/b' }))).toEqual({
      sortValue: '2023-12-31',
      key: 'a/b',
    });
    expect(decodeCursor(encodeCursor({ sortValue: null, key: 'x' }))).toEqual({ sortValue: null, key: 'x' });
  });

  it('keeps the wire format of cursors already issued: base64url of [sortValue, key]', () => {
    const issued = Buffer.from(JSON.stringify(['Miao Wei', 'miao-wei']), 'utf8').toString('base64url');
    expect(decodeCursor(issued)).toEqual({ sortValue: 'Miao Wei', key: 'miao-wei' });
    expect(encodeCursor({ sortValue: 'Miao Wei', key: 'miao-wei' })).toBe(issued);
    // A claims cursor as the API has always written it.
    expect(encodeCursor({ sortValue: null, key: 'c-1' })).toBe('W251bGwsImMtMSJd');
    expect(decodeCursor('W251bGwsImMtMSJd')).toEqual({ sortValue: null, key: 'c-1' });
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
    const request = pageRequest(2, null, 'key');
    expect(request).toEqual({ after: null, limit: 3, first: 2 });
    const page = toPage(['a', 'b', 'c'], request, (item) => ({ sortValue: null, key: item }));
    expect(page.items).toEqual(['a', 'b']);
    expect(page.hasNextPage).toBe(true);
    expect(toPage(['a'], request, (item) => ({ sortValue: null, key: item })).hasNextPage).toBe(false);
  });

  it.each([[-1], [101], [1.5]])('refuses first = %p', (first) => {
    expect(codeThrownBy(() => pageRequest(first, null, 'key'))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a cursor of a list sorted by another kind of value', () => {
    const nameCursor = encodeCursor({ sortValue: 'Miao Wei', key: 'miao-wei' });
    const keyCursor = encodeCursor({ sortValue: null, key: 'c' });
    expect(codeThrownBy(() => pageRequest(5, nameCursor, 'date'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeThrownBy(() => pageRequest(5, keyCursor, 'text'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeThrownBy(() => pageRequest(5, nameCursor, 'key'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(pageRequest(5, encodeCursor({ sortValue: '2024-03-19', key: 's' }), 'date').after).toEqual({
      sortValue: '2024-03-19',
      key: 's',
    });
  });
});
