import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import type { GraphQLFormattedError, GraphQLSchema, ValidationContext } from 'graphql';

import { createAuthenticator } from './auth';
import { BOOKMARKS_HEADER, requestBookmarks, returnBookmarks } from './bookmarks';
import type { Config } from './config';
import { createContext } from './context';
import type { Context } from './modules/context';
import { cypher, type Executor } from './db/executor';
import { AppError, createErrorFormatter, ErrorCode } from './errors';
import { exportRouter } from './export/routes';
import { cacheControlPlugins, persistedQueries, varyOnCacheKeys } from './http/cache-control';
import { costLimitPlugin } from './http/cost-limit';
import { graphqlOverHttpRequests, graphqlOverHttpResponses } from './http/graphql-over-http';
import { logger } from './logger';
import { metricsRegistry, observeOperations, observeQueries, reportPoolSize } from './observability';
import { mountPages } from './pages';
import { startSubscriptions } from './subscriptions/server';

/** Limits on incoming operations; a query over any of them is refused with QUERY_TOO_COMPLEX. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  /**
   * Expected Neo4j db hits (src/http/cost.ts, weights measured on `medium` by bench/cost-weights.mjs):
   * about 9x the dearest documented operation, ClaimsPage at first: 100 with totalCount (106,617,
   * see docs/cost-model.md).
   */
  maxCost: 1_000_000,
  /** Objects an answer may hold (pages at their `first`, lists at their measured fanout): 5x a nested page of 100. */
  maxObjects: 5000,
  maxTokens: 2000,
  maxDirectives: 20,
  maxBodyBytes: 100 * 1024,
} as const;

const PING = cypher('health.ping', 'RETURN 1 AS ok');

const rejectAsTooComplex = (context: ValidationContext | null, error: Error) => {
  context?.reportError(new AppError(error.message.replace(/^Syntax Error: /, ''), ErrorCode.QUERY_TOO_COMPLEX));
};

/**
 * graphql-js aborts parsing past `maxTokens` with a syntax error (graphql 16 spells it "more that");
 * it is a limit, so QUERY_TOO_COMPLEX like the others.
 */
const isTokenLimitError = (formatted: GraphQLFormattedError) =>
  formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' &&
  /^Syntax Error: Document contains more tha[nt] \d+ tokens\./.test(formatted.message);

const tooManyTokens: GraphQLFormattedError = {
  message: `The query has more than ${LIMITS.maxTokens} tokens`,
  extensions: { code: ErrorCode.QUERY_TOO_COMPLEX },
};

/** Reports how many Cypher statements an operation ran (development and test only): the N+1 detector. */
const queryCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cypherQueries: contextValue.queries.length,
          };
        }
      },
    };
  },
};

export interface App {
  url: string;
  close(): Promise<void>;
}

/**
 * What every limit does over its bound: refuse the operation with QUERY_TOO_COMPLEX and say nothing
 * more. A fresh object per limit, as Armor writes into the options it is given.
 */
const refuse = () => ({ propagateOnRejection: false, onReject: [rejectAsTooComplex] });

/** GraphQL Armor's limits as validation rules and plugins; the token limit is graphql-js's (see below). */
function armorProtection(config: Config) {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ...refuse() },
    maxAliases: { n: LIMITS.maxAliases, ...refuse() },
    // The cost limit is src/http/cost-limit.ts: it needs the variables, which validation has not.
    costLimit: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, ...refuse() },
    // Armor's token limit re-parses the document in a plugin hook, where any syntax error becomes a
    // 500 GRAPHQL_VALIDATION_FAILED; graphql-js enforces the limit while parsing instead (parseOptions).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.environment === 'production' },
  }).protect();
}

/** The Apollo server: the schema behind the limits, the error formatter and the plugins. */
function createApolloServer(config: Config, schema: GraphQLSchema, httpServer: http.Server): ApolloServer<Context> {
  const protection = armorProtection(config);
  const formatError = createErrorFormatter((error) => logger.error('unexpected error in a resolver', { error }));
  return new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    persistedQueries: persistedQueries(),
    // A browser cannot send a custom header cross-origin without a CORS preflight; the spec's example
    // header is accepted beside Apollo's own (README "HTTP: status codes, GET and CSRF").
    csrfPrevention: {
      requestHeaders: ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-require-preflight'],
    },
    // src/main.ts owns SIGTERM/SIGINT (drain, close the driver, exit). Apollo's own handler would
    // race it: with both, apollo.stop() never resolved and the process hung on SIGTERM.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    formatError: (formatted, error) => (isTokenLimitError(formatted) ? tooManyTokens : formatError(formatted, error)),
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      costLimitPlugin(LIMITS),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo turns on inline traces for a federation subgraph, sending per-field timings to any
      // caller asking with a header; the subgraph answers like the plain service instead.
      ApolloServerPluginInlineTraceDisabled(),
      observeOperations(),
      returnBookmarks,
      graphqlOverHttpResponses,
      ...cacheControlPlugins(),
      ...(config.environment === 'production' ? [] : [queryCountPlugin]),
    ],
  });
}

/**
 * /metrics for Prometheus, /health (the process answers: liveness) and /ready (it takes requests and
 * Neo4j answers: readiness). While the process drains, /ready is 503 and /health stays 200, so a
 * load balancer stops routing to it without a supervisor restarting it.
 */
function mountProbes(app: express.Express, executor: Executor, isDraining: () => boolean): void {
  app.get('/metrics', async (_request, response) => {
    response.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', async (_request, response) => {
    if (isDraining()) {
      response.status(503).json({ status: 'draining', reason: 'the service is shutting down' });
      return;
    }
    try {
      await executor.read(PING);
      response.json({ status: 'ready', neo4j: 'reachable' });
    } catch (error) {
      response
        .status(503)
        .json({ status: 'unavailable', reason: 'Neo4j is not reachable', detail: (error as Error).message });
    }
  });
}

/** POST and GET /graphql: CORS, the JSON body limit, then Apollo with a context per request. */
function mountGraphQL(app: express.Express, apollo: ApolloServer<Context>, executor: Executor, config: Config): void {
  const authenticate = createAuthenticator(config.apiTokens);
  app.use(
    '/graphql',
    // CORS: only the origins of CORS_ORIGINS get Access-Control-Allow-* headers; with none set, a
    // browser on another origin cannot read responses (same-origin only). CSRF prevention is Apollo's.
    cors({
      origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
      exposedHeaders: ['Neo4j-Bookmarks', 'X-Request-Id'],
      maxAge: 600,
    }),
    express.json({ limit: LIMITS.maxBodyBytes }),
    graphqlOverHttpRequests({ maxTokens: LIMITS.maxTokens }),
    varyOnCacheKeys,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const authentication = authenticate(req.headers.authorization);
        return createContext(executor, authentication, requestBookmarks(req.get(BOOKMARKS_HEADER), authentication));
      },
    }),
  );
}

/** What a request body that never reached GraphQL gets: 413, 400 or 500 with a GraphQL-shaped error. */
function bodyError(status: number): GraphQLFormattedError {
  if (status === 413) {
    return {
      message: `The request body is larger than ${LIMITS.maxBodyBytes} bytes`,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (status < 500) return { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } };
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Body-parser errors (malformed JSON, a body over the limit) as GraphQL-shaped errors, never HTML. */
const handleBodyErrors: express.ErrorRequestHandler = (
  error: Error & { status?: number },
  _request,
  response,
  next,
) => {
  if (response.headersSent) return next(error);
  const status = error.status ?? 500;
  if (status >= 500) logger.error('request failed', { error });
  response.status(status).json({ errors: [bodyError(status)] });
};

/** Resolves once the server accepts connections, with the port it got (`port` 0 asks for a free one). */
async function listen(httpServer: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  return (httpServer.address() as AddressInfo).port;
}

/**
 * The HTTP service: GraphQL on /graphql, liveness on /health, readiness (Neo4j reachable) on /ready,
 * the JSON-LD export, /metrics and the pages for people.
 * `close` drains: /ready turns 503 at once, requests are still served for `config.drainDelayMs` (for
 * a load balancer to notice), then the port closes, the requests in flight finish and it resolves.
 * The caller owns the driver.
 */
export async function startServer(options: {
  config: Config;
  executor: Executor;
  schema: GraphQLSchema;
  port?: number;
}): Promise<App> {
  const { config, schema } = options;
  // Every statement the service runs is timed for /metrics, and slow ones are logged.
  const executor = options.executor.withObserver(observeQueries(config.slowQueryMs));
  reportPoolSize(config.neo4j.maxPoolSize);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(config, schema, httpServer);
  await apollo.start();

  app.use(exportRouter(executor));
  let draining = false;
  mountProbes(app, executor, () => draining);
  mountPages(app, config);
  mountGraphQL(app, apollo, executor, config);
  app.use(handleBodyErrors);

  // Subscriptions (graphql-ws) share the HTTP server and its limits; they close first, as open
  // WebSockets would keep the HTTP server from draining.
  const limits = {
    maxTokens: LIMITS.maxTokens,
    costLimits: LIMITS,
    validationRules: armorProtection(config).validationRules,
  };
  const subscriptions = startSubscriptions({ httpServer, schema, executor, config, limits });

  const port = await listen(httpServer, options.port ?? config.port, config.host);
  return {
    url: `http://localhost:${port}`,
    async close() {
      draining = true;
      await setTimeout(config.drainDelayMs);
      await subscriptions.close();
      await apollo.stop();
    },
  };
}
