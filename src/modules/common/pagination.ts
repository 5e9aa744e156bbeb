import { BadUserInputError } from '../../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Keyset pagination. A cursor encodes the sort value and the key (stored id) of the last item
 * seen, so the next page is "items after (sortValue, key)" in index order: page 500 costs what
 * page 1 costs, and items added meanwhile neither shift nor repeat a page (unlike SKIP/offset).
 */
export interface Keyset {
  /** What the list sorts by (a name, an ISO date); null for lists ordered by key alone. */
  sortValue: string | number | null;
  /** The stored id: breaks ties between equal sort values. */
  key: string;
}

/** What a repository needs to read one page: the position to continue from and how many. */
export interface PageRequest {
  after: Keyset | null;
  /** Rows to read: one more than the page size, to know whether a next page exists. */
  limit: number;
  first: number;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  keysetOf: (item: T) => Keyset;
}

/** On the wire: base64url of the JSON pair [sortValue, key]. Cursors already issued must keep decoding. */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.sortValue, keyset.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): Keyset {
  try {
    if (!/^[A-Za-z0-9_-]{1,4096}$/.test(cursor)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (value[0] === null ||
        typeof value[0] === 'string' ||
        (typeof value[0] === 'number' && Number.isFinite(value[0]))) &&
      typeof value[1] === 'string'
    ) {
      return { sortValue: value[0] as string | number | null, key: value[1] };
    }
  } catch {
    // fall through to the client error below
  }
  throw new BadUserInputError(`"${field}" is not a valid cursor`, field);
}

/**
 * What a list sorts by, so a cursor from another list is refused instead of reaching Cypher:
 * 'key' lists are ordered by key alone (no sort value), 'text' lists by name, 'date' lists by an
 * ISO date.
 */
export type SortValueKind = 'key' | 'text' | 'date';

const SORT_VALUE_CHECKS: Record<SortValueKind, (sortValue: Keyset['sortValue']) => boolean> = {
  key: (sortValue) => sortValue === null,
  text: (sortValue) => typeof sortValue === 'string',
  date: (sortValue) => typeof sortValue === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sortValue),
};

export function pageRequest(
  first: number | undefined | null,
  after: string | undefined | null,
  sortedBy: SortValueKind,
): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  const keyset = after == null ? null : decodeCursor(after);
  if (keyset && !SORT_VALUE_CHECKS[sortedBy](keyset.sortValue)) {
    throw new BadUserInputError('"after" is a cursor of another list', 'after');
  }
  return { after: keyset, limit: size + 1, first: size };
}

/** Cuts the extra row read to detect a next page. */
export function toPage<T>(rows: T[], request: PageRequest, keysetOf: (item: T) => Keyset): Page<T> {
  return { items: rows.slice(0, request.first), hasNextPage: rows.length > request.first, keysetOf };
}
