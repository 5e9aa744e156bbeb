import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { ErrorCode, HttpError } from './errors';

/**
 * Read-your-writes across requests. Every response carries the Neo4j bookmarks of the request's
 * last transactions in the `Neo4j-Bookmarks` header (mutations also in `extensions.bookmarks`); a
 * client that sends them back in the same header is guaranteed that the next request, on any
 * replica of the service and any member of the Neo4j cluster, sees at least that state.
 */
export const BOOKMARKS_HEADER = 'neo4j-bookmarks';

/** Bookmarks are opaque printable tokens from Neo4j ("FB:…"); the header lists them comma-separated. */
const BOOKMARK = /^[\x21-\x2b\x2d-\x7e]{1,256}$/;
const MAX_BOOKMARKS = 16;

/** The bookmarks a request sent, or a 400 BAD_USER_INPUT naming the header when they are malformed. */
export function parseBookmarksHeader(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const bookmarks = value.split(',').map((bookmark) => bookmark.trim());
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) {
    throw new HttpError(
      `The Neo4j-Bookmarks header must list at most ${MAX_BOOKMARKS} bookmarks, comma-separated, as returned by this service`,
      ErrorCode.BAD_USER_INPUT,
      400,
      { field: 'Neo4j-Bookmarks' },
    );
  }
  return bookmarks;
}

/** Hands the request's latest bookmarks back to the client (see BOOKMARKS_HEADER). */
export const returnBookmarks: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation }) {
        // A request refused before its context was built has no bookmarks to return.
        const bookmarks = contextValue?.bookmarks ? [...(await contextValue.bookmarks.getBookmarks())] : [];
        if (bookmarks.length === 0) return;
        response.http.headers.set(BOOKMARKS_HEADER, bookmarks.join(','));
        if (operation?.operation === 'mutation' && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmarks };
        }
      },
    };
  },
};
