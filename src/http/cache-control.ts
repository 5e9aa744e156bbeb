import { cacheControlFromInfo } from '@apollo/cache-control-types';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type express from 'express';
import { getNamedType, getNullableType, isCompositeType, isListType, type GraphQLOutputType } from 'graphql';

/**
 * How long a browser or CDN may serve an anonymous read without asking again, in seconds. The
 * service caches no results itself, so a read is never staler than the max-age it was sent with;
 * README "Caching" states these figures.
 */
export const MAX_AGE = {
  /** A claim, its quote, lineage and anything not named below. */
  default: 60,
  /** What no mutation changes once ingested: sources, speakers, places, topics, metrics, figures. */
  entity: 300,
  /** Lists and connections (addClaim adds to them), reviews and evidence (reviewClaim, linkEvidence). */
  changing: 30,
} as const;

const ENTITY_TYPES = new Set([
  'Source',
  'Speaker',
  'Person',
  'Organization',
  'VirtualPresenter',
  'Role',
  'Place',
  'Topic',
  'Metric',
  'Figure',
  'Period',
]);
const CHANGING_TYPES = new Set(['Review', 'EvidenceLink', 'ReviewEvidence', 'EvidenceItem', 'SearchResult']);

/**
 * The max-age of a field by what it returns: any list or connection (a write may add to it), or
 * an object type's own age. Other scalar fields return undefined and share their parent's age.
 */
export function maxAgeOf(returnType: GraphQLOutputType): number | undefined {
  const named = getNamedType(returnType);
  if (isListType(getNullableType(returnType)) || named.name.endsWith('Connection')) return MAX_AGE.changing;
  if (!isCompositeType(named)) return undefined;
  if (CHANGING_TYPES.has(named.name)) return MAX_AGE.changing;
  return ENTITY_TYPES.has(named.name) ? MAX_AGE.entity : MAX_AGE.default;
}

/**
 * Cache hints per type and field, kept in this one table instead of `@cacheControl` directives
 * on every type class. Apollo's cache-control plugin takes the smallest age of the response's
 * fields and sends `Cache-Control: max-age=N, public`, or `no-store` for a response with errors.
 * Mutations and requests with an Authorization header (whose reads must see their own writes) get
 * `no-store` too.
 */
export function cacheControlPlugins(): ApolloServerPlugin[] {
  const hints: ApolloServerPlugin = {
    async requestDidStart({ request }) {
      const authenticated = request.http?.headers.get('authorization') !== undefined;
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation !== 'query' || authenticated) overallCachePolicy.restrict({ maxAge: 0 });
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              const maxAge = maxAgeOf(info.returnType);
              if (maxAge !== undefined) cacheControlFromInfo(info).setCacheHint({ maxAge });
            },
          };
        },
      };
    },
  };
  // Apollo runs willResolveField hooks in reverse plugin order; Apollo's plugin must run first, as
  // it gives every field the `info.cacheControl` the hints plugin sets, so it comes last here.
  return [hints, ApolloServerPluginCacheControl({ defaultMaxAge: MAX_AGE.default })];
}

/** Automatic persisted queries: the documents clients registered, at most 8 MiB, each kept a day. */
export const PERSISTED_QUERY_CACHE_BYTES = 8 * 1024 * 1024;

export function persistedQueries() {
  return { cache: new InMemoryLRUCache<string>({ maxSize: PERSISTED_QUERY_CACHE_BYTES }), ttl: 24 * 60 * 60 };
}

/**
 * A cached answer depends on the media type negotiated and on whether a token was sent; shared
 * caches must key on both. (Express adds a body-derived ETag and answers If-None-Match with 304.)
 */
export const varyOnCacheKeys: express.RequestHandler = (_request, response, next) => {
  response.vary('Accept');
  response.vary('Authorization');
  next();
};
