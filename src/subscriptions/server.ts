// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module, needed where the build lists only src/main.ts
/// <reference path="./graphql-ws.d.ts" />
import type http from 'node:http';

import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import { createAuthenticator } from '../auth';
import type { Config } from '../config';
import { createContext } from '../context';
import type { Executor } from '../db/executor';
import { createErrorFormatter } from '../errors';
import { checkCost, type CostLimits } from '../http/cost-limit';
import { OutboxRepository } from '../events/outbox';
import { OutboxTail } from '../events/outbox-tail';
import { logger } from '../logger';
import type { SubscriptionContext } from './claim-event.resolver';

export interface Subscriptions {
  close(): Promise<void>;
}

const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });

interface Limits {
  maxTokens: number;
  costLimits: CostLimits;
  validationRules: readonly ValidationRule[];
}

/** A subscription document parsed and checked like an HTTP request: the same token, Armor and cost limits. */
function checkedDocument(
  schema: GraphQLSchema,
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  limits: Limits,
): DocumentNode | readonly GraphQLError[] {
  const { query, operationName } = payload;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') {
    const message = 'Only subscriptions are served over WebSocket; send queries and mutations over HTTP';
    return [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })];
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (errors.length > 0)
    return errors.map((error) => (error.extensions.code ? error : withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
  try {
    checkCost({ schema, document, operation, variables: payload.variables ?? undefined, limits: limits.costLimits });
  } catch (error) {
    return [error as GraphQLError];
  }
  return document;
}

/**
 * GraphQL subscriptions over graphql-ws on /graphql (the WebSocket upgrade of the HTTP server).
 * The token goes in connection_init (`{ "authorization": "Bearer <token>" }`); a bad one closes the
 * socket (4403). Documents pass the same limits as over HTTP and errors the same masking. Events
 * come from this instance's tail of the outbox.
 */
export function startSubscriptions(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  executor: Executor;
  config: Config;
  limits: Limits;
}): Subscriptions {
  const { httpServer, schema, executor, config, limits } = options;
  const outbox = new OutboxTail(new OutboxRepository(executor));
  outbox.start();
  const authenticate = createAuthenticator(config.apiTokens);
  const authorizationOf = (params: Record<string, unknown> | undefined) =>
    typeof params?.authorization === 'string' ? params.authorization : undefined;
  const formatError = createErrorFormatter((error) => logger.error('unexpected error in a subscription', { error }));
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

  const webSockets = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer(
    {
      schema,
      onConnect: (ctx) => authenticate(authorizationOf(ctx.connectionParams)).failure === null,
      context: (ctx): SubscriptionContext => ({
        ...createContext(executor, authenticate(authorizationOf(ctx.connectionParams))),
        outbox,
      }),
      onSubscribe: (_ctx, _id, payload) => {
        const document = checkedDocument(schema, payload, limits);
        if (!('kind' in document)) return document;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    webSockets,
  );
  return {
    async close() {
      await server.dispose();
      await outbox.stop();
    },
  };
}
