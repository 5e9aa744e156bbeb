import type { ApolloServerPlugin } from '@apollo/server';

import type { Authentication } from './auth';
import type { Context } from './modules/context';
import { ErrorCode, HttpError } from './errors';

/**
 * Read-your-writes across requests. A response to a client with a bearer token carries the Neo4j
 * bookmarks of the request's last transactions in the `Neo4j-Bookmarks` header (mutations also in
 * `extensions.bookmarks`); a client that sends them back in the same header is guaranteed that the
 * next request, on any replica of the service and any member of the Neo4j cluster, sees at least
 * that state.
 */
export const BOOKMARKS_HEADER = 'neo4j-bookmarks';
export const BOOKMARKS_FIELD = 'Neo4j-Bookmarks';

/** Bookmarks are opaque printable tokens from Neo4j ("FB:…"); the header lists them comma-separated. */
const BOOKMARK = /^[\x21-\x2b\x2d-\x7e]{1,256}$/;
/**
 * A request returns one bookmark per transaction that committed while others ran, so at most one
 * per loader of its widest level: far fewer than this.
 */
const MAX_BOOKMARKS = 64;

/** The bookmarks a request sent, or a 400 BAD_USER_INPUT naming the header when they are malformed. */
export function parseBookmarksHeader(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const bookmarks = value.split(',').map((bookmark) => bookmark.trim());
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) {
    throw new HttpError(
      `The Neo4j-Bookmarks header must list at most ${MAX_BOOKMARKS} bookmarks, comma-separated, as returned by this service`,
      ErrorCode.BAD_USER_INPUT,
      400,
      { field: BOOKMARKS_FIELD },
    );
  }
  return bookmarks;
}

/**
 * The bookmarks a request may make its transactions wait for. Neo4j holds a transaction, and so a
 * pooled connection, at BEGIN until the database has reached every bookmark, for up to
 * `db.transaction.bookmark_ready_timeout` (30 s by default); a forged bookmark "from the future"
 * would tie up a connection that long. Only clients with a token send them: they are the ones that
 * write, hence the only ones with writes to read back, and they are accountable.
 */
export function requestBookmarks(header: string | undefined, authentication: Authentication): string[] {
  const bookmarks = parseBookmarksHeader(header);
  if (bookmarks.length > 0 && !authentication.viewer) {
    throw new HttpError(
      'The Neo4j-Bookmarks header needs a valid bearer token: read-your-writes is for clients that write',
      ErrorCode.UNAUTHENTICATED,
      401,
      { field: BOOKMARKS_FIELD },
    );
  }
  return bookmarks;
}

/** Hands the request's latest bookmarks back to a client with a token (see BOOKMARKS_HEADER). */
export const returnBookmarks: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation, errors }) {
        // Nothing to return to anonymous clients or a request refused before its context was built;
        // and after Neo4j refused the client's bookmarks, the manager still holds only those.
        if (!contextValue?.bookmarks) return;
        if (errors?.some((error) => error.extensions?.field === BOOKMARKS_FIELD)) return;
        const bookmarks = [...(await contextValue.bookmarks.getBookmarks())];
        if (bookmarks.length === 0) return;
        response.http.headers.set(BOOKMARKS_HEADER, bookmarks.join(','));
        if (operation?.operation === 'mutation' && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmarks };
        }
      },
    };
  },
};
