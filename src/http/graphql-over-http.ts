import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type express from 'express';
import { getOperationAST, parse, type GraphQLFormattedError } from 'graphql';
import Negotiator from 'negotiator';

/**
 * The GraphQL-over-HTTP spec (graphql/graphql-over-http, spec/GraphQLOverHTTP.md, draft of
 * August 2026) on top of Apollo Server: content negotiation, the status code for each outcome, and
 * the request checks Apollo answers with a bare 400. Apollo still parses, validates and executes.
 */

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const JSON_MEDIA_TYPE = 'application/json';
type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof JSON_MEDIA_TYPE;

/** The spec's status for a response with data and errors ("partial success"), only with its own media type. */
export const PARTIAL_SUCCESS = 294;

/**
 * The media type of the response: the client's highest-priority one of the two. A missing Accept
 * and `*∕*` get application/json, which every client reads; null means neither is acceptable (406).
 */
export function negotiateMediaType(accept: string | undefined): ResponseMediaType | null {
  if (accept === undefined || accept.trim() === '') return JSON_MEDIA_TYPE;
  const chosen = new Negotiator({ headers: { accept } }).mediaType([JSON_MEDIA_TYPE, GRAPHQL_RESPONSE_JSON]);
  return (chosen as ResponseMediaType | undefined) ?? null;
}

const withCharset = (mediaType: ResponseMediaType) => `${mediaType}; charset=utf-8`;

/**
 * An error answered before Apollo sees the request, with a GraphQL-shaped body. Only a well-formed
 * request gets a GraphQL response (application/graphql-response+json); anything else is plain JSON.
 */
function refuse(
  response: express.Response,
  status: number,
  error: GraphQLFormattedError,
  mediaType: ResponseMediaType = JSON_MEDIA_TYPE,
): void {
  response
    .status(status)
    .type(withCharset(mediaType))
    .send(JSON.stringify({ errors: [error] }));
}

const isMap = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptionalMap = (value: unknown) => value === undefined || value === null || isMap(value);
const isOptionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** The request parameters, wherever they came from (the JSON body, or the URL of a GET). */
interface RequestParameters {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * Why the parameters are not a well-formed GraphQL-over-HTTP request, or null if they are. `query`
 * may be absent only for an automatic persisted query (the hash in `extensions.persistedQuery`).
 */
function malformation(parameters: RequestParameters): string | null {
  if (!isOptionalMap(parameters.variables)) return '`variables` must be a map';
  if (!isOptionalMap(parameters.extensions)) return '`extensions` must be a map';
  if (!isOptionalString(parameters.operationName)) return '`operationName` must be a string';
  const persisted = isMap(parameters.extensions) && 'persistedQuery' in (parameters.extensions as object);
  if (typeof parameters.query === 'string' || (parameters.query == null && persisted)) return null;
  return '`query` must be a string';
}

/** A GET's parameters: each at most once; `variables` and `extensions` JSON-encoded, '' meaning absent. */
function parametersOfUrl(request: express.Request): RequestParameters | string {
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  const parameters: Record<string, unknown> = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions'] as const) {
    const values = search.getAll(name);
    if (values.length > 1) return `\`${name}\` may be given only once`;
    const value = values[0];
    if (value === undefined || value === '') continue;
    if (name === 'variables' || name === 'extensions') {
      try {
        parameters[name] = JSON.parse(value);
      } catch {
        return `\`${name}\` must be JSON`;
      }
    } else parameters[name] = value;
  }
  return parameters;
}

/**
 * The spec makes an empty optional GET parameter mean "absent"; Apollo would try to parse an empty
 * `variables` as JSON, so the URL Apollo reads (`request.url`) loses them.
 */
function dropEmptyParameters(request: express.Request): void {
  const [path, query = ''] = request.url.split('?');
  const search = new URLSearchParams(query);
  for (const name of ['operationName', 'variables', 'extensions']) {
    if (search.get(name) === '') search.delete(name);
  }
  request.url = `${path}?${search.toString()}`;
}

const prefersHtml = (request: express.Request) =>
  request.accepts([JSON_MEDIA_TYPE, GRAPHQL_RESPONSE_JSON, 'text/html']) === 'text/html';

function hasGraphQLParameters(request: express.Request): boolean {
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  return search.has('query') || search.has('extensions');
}

/** True if a GET asks for a mutation; a document that does not parse is left for Apollo to report. */
function asksForMutation(parameters: RequestParameters, maxTokens: number): boolean {
  if (typeof parameters.query !== 'string') return false;
  try {
    const document = parse(parameters.query, { maxTokens });
    const operationName = typeof parameters.operationName === 'string' ? parameters.operationName : undefined;
    return getOperationAST(document, operationName)?.operation === 'mutation';
  } catch {
    return false;
  }
}

/**
 * Express middleware in front of Apollo (after the JSON body parser): 406 for an Accept it cannot
 * meet, 415 for a POST that is not JSON, 422 for parameters of the wrong shape, 405 for a mutation
 * over GET. Each stops the request before anything runs.
 */
export function graphqlOverHttpRequests(options: { maxTokens: number }): express.RequestHandler {
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'POST') return next();
    // A browser opening /graphql (no GraphQL parameters, HTML first): Apollo's landing page answers.
    if (request.method === 'GET' && !hasGraphQLParameters(request) && prefersHtml(request)) return next();
    if (negotiateMediaType(request.get('accept')) === null) {
      return refuse(response, 406, {
        message: `The Accept header allows neither ${GRAPHQL_RESPONSE_JSON} nor ${JSON_MEDIA_TYPE}`,
        extensions: { code: 'NOT_ACCEPTABLE' },
      });
    }
    if (request.method === 'POST' && !request.is(JSON_MEDIA_TYPE)) {
      return refuse(response, 415, {
        message: `A POST must have Content-Type: ${JSON_MEDIA_TYPE}`,
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      });
    }
    const parameters: RequestParameters | string =
      request.method === 'GET'
        ? parametersOfUrl(request)
        : isMap(request.body)
          ? request.body
          : 'the body must be a map';
    const problem = typeof parameters === 'string' ? parameters : malformation(parameters);
    if (problem !== null) {
      return refuse(response, 422, {
        message: `Not a well-formed GraphQL-over-HTTP request: ${problem}`,
        extensions: { code: 'BAD_REQUEST' },
      });
    }
    if (request.method === 'GET' && asksForMutation(parameters as RequestParameters, options.maxTokens)) {
      response.set('allow', 'POST');
      const error = {
        message: 'Mutations are sent with POST; GET is for queries only',
        extensions: { code: 'METHOD_NOT_ALLOWED' },
      };
      return refuse(response, 405, error, GRAPHQL_RESPONSE_JSON);
    }
    if (request.method === 'GET') dropEmptyParameters(request);
    next();
  };
}

/**
 * The status of a response Apollo built: 400 if the document did not parse, 422 for any other
 * request error (validation, limits, the operation or the variables), Apollo's own status when it
 * chose a specific one (405, 413...); with data, 200, or 294 with errors in the spec's media type.
 */
export function statusOf(
  body: { data?: unknown; errors?: readonly GraphQLFormattedError[] },
  mediaType: ResponseMediaType,
  apolloStatus: number | undefined,
): number {
  if (body.data === undefined) {
    if (body.errors?.[0]?.extensions?.code === 'GRAPHQL_PARSE_FAILED') return 400;
    if (apolloStatus !== undefined && apolloStatus !== 200 && apolloStatus !== 400) return apolloStatus;
    // An automatic persisted query Apollo does not know yet: the APQ protocol answers 200, and
    // clients resend the full query on that (see README "Caching").
    if (body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') return 200;
    return 422;
  }
  if (body.errors !== undefined && body.errors.length > 0 && mediaType === GRAPHQL_RESPONSE_JSON) {
    return PARTIAL_SUCCESS;
  }
  return 200;
}

/**
 * Sets the status and Content-Type of every single-result response. A 2xx in application/json for
 * a legacy client; any other status says application/graphql-response+json, so a client can tell
 * a GraphQL error from a proxy's (spec, "Body").
 */
export const graphqlOverHttpResponses: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }: GraphQLRequestContextWillSendResponse<object>) {
        if (response.body.kind !== 'single') return;
        const accepted = negotiateMediaType(request.http?.headers.get('accept')) ?? JSON_MEDIA_TYPE;
        const status = statusOf(response.body.singleResult, accepted, response.http.status);
        response.http.status = status;
        const mediaType = status >= 200 && status < 300 ? accepted : GRAPHQL_RESPONSE_JSON;
        response.http.headers.set('content-type', withCharset(mediaType));
      },
    };
  },
};
