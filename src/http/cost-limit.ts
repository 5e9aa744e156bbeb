import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

import { ErrorCode, HttpError } from '../errors';
import { estimateCost, type CostEstimate, type CostliestField, type CostWeights } from './cost';
import measuredWeights from './cost-weights.json';

/** The weights `bench/cost-weights.mjs` measured (db hits on the bench `medium` data). */
export const COST_WEIGHTS: CostWeights = measuredWeights;

/** The two budgets: expected Neo4j db hits, and objects in the answer. */
export interface CostLimits {
  maxCost: number;
  maxObjects: number;
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');

/** What to lower, in words: the `first` arguments that multiply the field, nearest first. */
function advice(field: CostliestField | null, what: string): string {
  if (!field) return 'ask for fewer fields';
  const where = `The field ${what} is ${field.field} at ${field.path} (about ${format(field.cost)})`;
  if (field.lower.length === 0) return `${where}: leave it out or split the query`;
  return `${where}: lower ${field.lower.join(' or ')}`;
}

/**
 * An operation over a budget: the message and `extensions` name the estimate, the limit, the
 * field that weighs most and the `first` arguments to lower (nearest first). HTTP 422 like the
 * other limits.
 */
export class QueryTooCostlyError extends HttpError {
  constructor(estimate: CostEstimate, limits: CostLimits) {
    const overCost = estimate.cost > limits.maxCost;
    const field = overCost ? estimate.costliest : estimate.largest;
    const message = overCost
      ? `The query costs too much: about ${format(estimate.cost)} database hits, over the limit of ${format(limits.maxCost)}. ${advice(field, 'that costs most')}.`
      : `The query costs too much: it could return about ${format(estimate.objects)} objects, over the limit of ${format(limits.maxObjects)}. ${advice(field, 'returning most')}.`;
    super(message, ErrorCode.QUERY_TOO_COMPLEX, 422, {
      limit: overCost ? 'cost' : 'objects',
      cost: Math.round(estimate.cost),
      maxCost: limits.maxCost,
      objects: Math.round(estimate.objects),
      maxObjects: limits.maxObjects,
      field: field?.field ?? null,
      path: field?.path ?? null,
      lower: field?.lower ?? [],
    });
  }
}

/**
 * Estimates an operation with its variables (a `first` passed as a variable counts as much as a
 * literal); undefined when the variables do not coerce, which execution then reports itself.
 */
export function costOf(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  weights?: CostWeights;
}): CostEstimate | undefined {
  const definitions: readonly VariableDefinitionNode[] = options.operation.variableDefinitions ?? [];
  const coerced = getVariableValues(options.schema, definitions, options.variables ?? {}, { maxErrors: 1 });
  if (!coerced.coerced) return undefined;
  return estimateCost({ ...options, variables: coerced.coerced, weights: options.weights ?? COST_WEIGHTS });
}

/** Throws QueryTooCostlyError when the operation's estimate is over either budget. */
export function checkCost(options: Parameters<typeof costOf>[0] & { limits: CostLimits }): void {
  const estimate = costOf(options);
  if (estimate && (estimate.cost > options.limits.maxCost || estimate.objects > options.limits.maxObjects)) {
    throw new QueryTooCostlyError(estimate, options.limits);
  }
}

/**
 * The cost limit as an Apollo plugin: it runs once the operation is known and before anything
 * executes, because the estimate needs the variables (validation, cached per document, does not).
 */
export function costLimitPlugin(limits: CostLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkCost({ schema, document, operation, variables: request.variables, limits });
        },
      };
    },
  };
}
