import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

import { ErrorCode, HttpError } from '../errors';
import { estimateCost, type CostEstimate, type CostWeights } from './cost';
import measuredWeights from './cost-weights.json';

/** The weights `bench/cost-weights.mjs` measured (db hits on the bench `medium` data). */
export const COST_WEIGHTS: CostWeights = measuredWeights;

const format = (value: number) => Math.round(value).toLocaleString('en-US');

/** What to lower, in words: the `first` arguments that multiply the costliest field. */
function advice(estimate: CostEstimate): string {
  const costliest = estimate.costliest;
  if (!costliest) return 'ask for fewer fields';
  const where = `The costliest field is ${costliest.field} at ${costliest.path} (about ${format(costliest.cost)})`;
  if (costliest.lower.length === 0) return `${where}: ask for fewer fields under it or split the query`;
  return `${where}: lower ${costliest.lower.join(' or ')}`;
}

/**
 * An operation over the cost limit: the message and `extensions` name the estimate, the limit, the
 * costliest field and the `first` arguments to lower (nearest first). HTTP 422 like the other limits.
 */
export class QueryTooCostlyError extends HttpError {
  constructor(estimate: CostEstimate, maxCost: number) {
    const message = `The query would cost about ${format(estimate.cost)} database hits, over the limit of ${format(maxCost)}. ${advice(estimate)}.`;
    super(message, ErrorCode.QUERY_TOO_COMPLEX, 422, {
      cost: Math.round(estimate.cost),
      maxCost,
      costliestField: estimate.costliest?.field ?? null,
      costliestPath: estimate.costliest?.path ?? null,
      lower: estimate.costliest?.lower ?? [],
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

/** Throws QueryTooCostlyError when the operation's estimate is over `maxCost`. */
export function checkCost(options: Parameters<typeof costOf>[0] & { maxCost: number }): void {
  const estimate = costOf(options);
  if (estimate && estimate.cost > options.maxCost) throw new QueryTooCostlyError(estimate, options.maxCost);
}

/**
 * The cost limit as an Apollo plugin: it runs once the operation is known and before anything
 * executes, because the estimate needs the variables (validation, cached per document, does not).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkCost({ schema, document, operation, variables: request.variables, maxCost });
        },
      };
    },
  };
}
