import { randomUUID } from 'node:crypto';

import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

import { transactionsInFlight, type Params, type QueryEvent, type QueryObserver } from './db/executor';
import { logger } from './logger';

/** One registry for the process: GET /metrics serves it in the Prometheus text format. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const requestDuration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'GraphQL operations by operation name and outcome (ok or the first error code).',
  labelNames: ['operation', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

const queryDuration = new Histogram({
  name: 'cypher_query_duration_seconds',
  help: 'Cypher statements by repository query name, access mode and outcome.',
  labelNames: ['query', 'mode', 'outcome'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const loaderBatchSize = new Histogram({
  name: 'dataloader_batch_size',
  help: 'Keys per DataLoader batch (one Cypher statement each).',
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  registers: [metricsRegistry],
});

new Gauge({
  name: 'neo4j_transactions_in_flight',
  help: 'Neo4j transactions holding a pooled connection or waiting for one, by access mode (each uses one connection).',
  labelNames: ['mode'],
  registers: [metricsRegistry],
  collect() {
    for (const mode of ['READ', 'WRITE'] as const) this.set({ mode }, transactionsInFlight[mode]);
  },
});

const poolSize = new Gauge({
  name: 'neo4j_connection_pool_max_size',
  help: 'Connections the driver may open per Neo4j server (NEO4J_MAX_POOL_SIZE); in-flight transactions beyond it wait.',
  registers: [metricsRegistry],
});

export const reportPoolSize = (size: number) => poolSize.set(size);

/**
 * The shape of parameters without their values (names, types, list lengths), so the slow-query
 * log can say what a statement was given without leaking what users typed.
 */
export function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return depth > 2 ? `list(${value.length})` : [`list(${value.length})`, shapeOf(value[0], depth + 1)];
  if (typeof value === 'object') {
    if (depth > 2) return 'map';
    return Object.fromEntries(Object.entries(value as Params).map(([key, inner]) => [key, shapeOf(inner, depth + 1)]));
  }
  return typeof value;
}

/** Times every statement, and logs those slower than `slowMs` with their name and parameter shape. */
export function observeQueries(slowMs: number, log = logger.warn): QueryObserver {
  return (event) => {
    queryDuration.observe(
      { query: event.name, mode: event.mode, outcome: event.ok ? 'ok' : 'error' },
      event.durationMs / 1000,
    );
    if (event.durationMs > slowMs) {
      log('slow Cypher statement', {
        query: event.name,
        mode: event.mode,
        durationMs: Math.round(event.durationMs),
        params: shapeOf(event.params),
      });
    }
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * One log line and one metric per GraphQL operation: request id (the client's X-Request-Id when
 * well-formed, else a new one, echoed in the response), operation name, outcome, duration and the
 * number of Cypher statements it ran. Variables and headers are never logged.
 */
export function observeOperations(log = logger.info): ApolloServerPlugin<{ queries: QueryEvent[] }> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const given = request.http?.headers.get('x-request-id');
      const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
      return {
        async willSendResponse({ operationName, errors, contextValue, response }) {
          const durationMs = performance.now() - started;
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? String(code ?? 'error') : 'ok';
          const operation = operationName ?? 'anonymous';
          requestDuration.observe({ operation, outcome }, durationMs / 1000);
          response.http.headers.set('x-request-id', requestId);
          log('graphql operation', {
            requestId,
            operation,
            outcome,
            durationMs: Math.round(durationMs),
            cypherQueries: contextValue?.queries?.length ?? 0,
          });
        },
      };
    },
  };
}
