import type { GraphQLField } from 'graphql';

/**
 * What makes a fuzz case a failure. Each response is judged on its own (a 5xx, an
 * INTERNAL_SERVER_ERROR, a response that does not conform to the schema, a mutation that went
 * through without a token or without the role it needs); a hung request, a connection that fails
 * without a response, a process exit and a broken graph invariant are found by the runner (tests/fuzz/run.ts).
 */

export const FAILURE_KINDS = [
  'http-5xx',
  'internal-server-error',
  'non-conforming-response',
  'hung-request',
  'no-response',
  'process-exit',
  'mutation-accepted-without-token',
  'mutation-accepted-without-role',
  'broken-invariant',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export type TokenName = 'none' | 'editor' | 'reviewer';

export interface Judged {
  /** The HTTP status and the parsed body (undefined if it was not JSON). */
  status: number;
  body: unknown;
  /** Violations found by checkResponse (tests/fuzz/conformance.ts). */
  violations: string[];
  operation: 'query' | 'mutation';
  /** The root field's response key (its alias, if any). */
  responseKey: string;
  token: TokenName;
  /** The role the mutation needs, if the schema says so. */
  requiredRole?: 'editor' | 'reviewer';
}

/** The role a mutation's description names ("Adds a claim to a source (editor role)."). */
export function requiredRoleOf(field: GraphQLField<unknown, unknown>): 'editor' | 'reviewer' | undefined {
  const match = /\((editor|reviewer) role\)/.exec(field.description ?? '');
  return match ? (match[1] as 'editor' | 'reviewer') : undefined;
}

const ROLE_GRANTS: Record<TokenName, string[]> = { none: [], editor: ['editor'], reviewer: ['editor', 'reviewer'] };

function errorCodes(body: unknown): unknown[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error) => (error as { extensions?: { code?: unknown } } | null)?.extensions?.code);
}

/** The failure kinds one response shows (none: the case passed). */
export function judge(response: Judged): FailureKind[] {
  const kinds: FailureKind[] = [];
  if (response.status >= 500) kinds.push('http-5xx');
  if (errorCodes(response.body).includes('INTERNAL_SERVER_ERROR')) kinds.push('internal-server-error');
  if (response.violations.length > 0) kinds.push('non-conforming-response');
  if (response.operation === 'mutation') {
    const data = (response.body as { data?: Record<string, unknown> | null } | undefined)?.data;
    const accepted = data !== null && data !== undefined && data[response.responseKey] != null;
    if (accepted && response.token === 'none') kinds.push('mutation-accepted-without-token');
    else if (accepted && response.requiredRole && !ROLE_GRANTS[response.token].includes(response.requiredRole)) {
      kinds.push('mutation-accepted-without-role');
    }
  }
  return kinds;
}

/** The first error code of a response, or "data" when it has none: the outcome tallied per operation. */
export function outcomeOf(body: unknown): string {
  const codes = errorCodes(body);
  if (codes.length === 0) return 'data';
  return typeof codes[0] === 'string' ? codes[0] : 'uncoded';
}
