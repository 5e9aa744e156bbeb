import type { GraphQLSchema } from 'graphql';

import { FAILURE_KINDS, outcomeOf, type FailureKind, type TokenName } from './judge';
import { TOKENS } from './cases';

/**
 * What a fuzz run counts (cases per token, outcomes per operation, why mutations were refused,
 * failures by kind with the first few in full) and how it reports them: on the console and as the
 * JSON of reliability/fuzz.json.
 */

export interface Failure {
  kinds: FailureKind[];
  case: number;
  token: TokenName;
  request: { query: string; variables: Record<string, unknown> };
  status?: number;
  body?: unknown;
  violations?: string[];
  detail?: string;
  serviceLog?: string[];
}

const MAX_REPORTED_FAILURES = 20;

const truncate = (value: unknown, length = 2000) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;
};

/** The first error of a refused mutation, with quoted values and numbers elided: why mutations are refused. */
export function refusalReason(body: unknown): string {
  const error = (body as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined)?.errors?.[0];
  const message = String(error?.message ?? '(no error)')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
  return `${error?.extensions?.code ?? 'uncoded'}: ${message}`;
}

function printFailure(failure: Failure): void {
  console.error(`\n[fuzz] FAILURE ${failure.kinds.join(', ')} at case ${failure.case} (token: ${failure.token})`);
  console.error(`  query:     ${failure.request.query.replace(/\n\s*/g, ' ')}`);
  console.error(`  variables: ${truncate(failure.request.variables)}`);
  if (failure.status !== undefined) console.error(`  status:    ${failure.status}`);
  if (failure.body !== undefined) console.error(`  response:  ${truncate(failure.body)}`);
  for (const violation of failure.violations?.slice(0, 10) ?? []) console.error(`  violation: ${violation}`);
  if (failure.detail) console.error(`  detail:    ${failure.detail}`);
  for (const line of failure.serviceLog ?? []) console.error(`  service:   ${truncate(line, 4000)}`);
}

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export class Tally {
  cases = 0;
  readonly casesByToken = Object.fromEntries(TOKENS.map((token) => [token, 0])) as Record<TokenName, number>;
  readonly failuresByKind = Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])) as Record<FailureKind, number>;
  readonly failures: Failure[] = [];
  readonly outcomes: Record<string, Record<string, number>> = {};
  readonly refusals: Record<string, Record<string, number>> = {};

  countCase(token: TokenName): void {
    this.cases += 1;
    this.casesByToken[token] += 1;
  }

  /** How the service answered: data or the first error code, and for a refused mutation, why. */
  countOutcome(field: string, operation: 'query' | 'mutation', body: unknown): void {
    const outcome = outcomeOf(body);
    increment((this.outcomes[field] ??= {}), outcome);
    if (operation === 'mutation' && outcome !== 'data') increment((this.refusals[field] ??= {}), refusalReason(body));
  }

  /** Counts a failure and prints the first MAX_REPORTED_FAILURES in full. */
  fail(failure: Failure): void {
    for (const kind of failure.kinds) this.failuresByKind[kind] += 1;
    if (this.failures.length < MAX_REPORTED_FAILURES) {
      this.failures.push(failure);
      printFailure(failure);
    }
  }

  get failureCount(): number {
    return Object.values(this.failuresByKind).reduce((sum, count) => sum + count, 0);
  }

  /** The report: `run` (seed, budget, duration...) and the counts. */
  report<Run extends object>(schema: GraphQLSchema, run: Run) {
    const total = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    const covered = Object.keys(this.outcomes);
    return {
      generatedAt: new Date().toISOString(),
      ...run,
      operations: {
        covered: covered.length,
        total: total.length,
        missing: total.filter((name) => !covered.includes(name)),
      },
      cases: this.cases,
      casesByToken: this.casesByToken,
      failures: { total: this.failureCount, byKind: this.failuresByKind, examples: this.failures },
      processExits: this.failuresByKind['process-exit'],
      outcomesByOperation: this.outcomes,
      mutationRefusals: Object.fromEntries(
        Object.entries(this.refusals).map(([field, reasons]) => [
          field,
          Object.fromEntries(
            Object.entries(reasons)
              .sort(([, a], [, b]) => b - a)
              .slice(0, 10),
          ),
        ]),
      ),
    };
  }
}

export function printSummary(report: ReturnType<Tally['report']> & { seed: number; durationSeconds: number }): void {
  console.log('\n==================== fuzz report ====================');
  console.log(`seed ${report.seed}: ${report.cases} cases in ${report.durationSeconds} s`);
  console.log(
    `operations covered: ${report.operations.covered} of ${report.operations.total}` +
      (report.operations.missing.length > 0 ? ` (missing: ${report.operations.missing.join(', ')})` : ''),
  );
  console.log(`cases per token: ${JSON.stringify(report.casesByToken)}`);
  console.table(
    Object.entries(report.outcomesByOperation).map(([operation, outcomes]) => ({ operation, ...outcomes })),
  );
  console.log('failures by kind:');
  console.table(report.failures.byKind);
  console.log(`process exits under fuzzing: ${report.processExits}`);
  console.log(
    report.failures.total === 0
      ? 'fuzz: passed'
      : `fuzz: FAILED (${report.failures.total}); replay with: npm run fuzz -- --seed ${report.seed} --runs ${report.cases}`,
  );
}
