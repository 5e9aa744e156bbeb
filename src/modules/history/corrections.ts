import { claimName } from '../../domain/claim';
import { figureName, figureViolations, writtenDecimal, DECIMAL_MESSAGE } from '../../domain/figure';
import { resolvePeriod, PERIOD_GRAMMAR } from '../../domain/period';
import { neo4jDate, neo4jNow, optionalNumber, optionalText, text, type Properties } from '../../db/values';
import { BadUserInputError, FailedPreconditionError } from '../../errors';
import type { LockedNode } from './history.repository';

/**
 * The property changes of a correction, checked against the state just locked with the rules that
 * ingestion and addClaim apply. Each function throws BAD_USER_INPUT (naming the input field) to
 * refuse, which rolls the transaction back.
 */

export interface ClaimCorrection {
  text?: string;
  kind?: string;
  attribution?: string;
}

/** Only the values that differ: a correction that changes nothing is refused. */
function differing(live: Properties, changes: Properties): Properties {
  const changed = Object.fromEntries(Object.entries(changes).filter(([name, value]) => live[name] !== value));
  if (Object.keys(changed).length === 0) {
    throw new BadUserInputError('the correction changes nothing: give at least one value that differs', 'input');
  }
  return changed;
}

export function claimChanges(correction: ClaimCorrection) {
  return ({ live }: LockedNode): Properties => {
    const changes: Properties = {};
    if (correction.text !== undefined)
      Object.assign(changes, { text: correction.text, name: claimName(correction.text) });
    if (correction.kind !== undefined) changes.kind = correction.kind;
    if (correction.attribution !== undefined) changes.attribution = correction.attribution;
    return differing(live, changes);
  };
}

export interface FigureCorrection {
  /** The value as written, e.g. "2.4". */
  value?: string;
  qualifier?: string;
  /** A period expression of the grammar, resolved against the source's publication date. */
  period?: string;
}

function periodChanges(expression: string, publishedDate: unknown): Properties {
  const resolved = typeof publishedDate === 'string' ? resolvePeriod(expression, publishedDate) : undefined;
  if (!resolved) throw new BadUserInputError(`"${expression}" is not a period: use ${PERIOD_GRAMMAR}`, 'input.period');
  return {
    periodLabel: resolved.label,
    periodStart: neo4jDate(resolved.start),
    periodEnd: neo4jDate(resolved.end),
    periodExpression: resolved.expression,
    periodRelative: resolved.relative,
  };
}

/** The figure rules (domain/figure.ts) over the figure as it would be after the change. */
function checkFigureRules(next: Properties, facts: Properties): void {
  const changeType = optionalText(next, 'changeType');
  const operation = optionalText(next, 'operation');
  const violations = figureViolations({
    kind: optionalText(next, 'kind') ?? 'observation',
    decimal: optionalText(next, 'decimal') ?? (next.value == null ? null : String(next.value)),
    lowDecimal: optionalText(next, 'lowDecimal') ?? (next.low == null ? null : String(next.low)),
    highDecimal: optionalText(next, 'highDecimal') ?? (next.high == null ? null : String(next.high)),
    rank: optionalNumber(next, 'rank'),
    unit: text(next, 'unit'),
    metricKey: String(facts.metricKey ?? ''),
    metricUnit: String(facts.metricUnit ?? next.unit),
    change: changeType
      ? {
          type: changeType,
          basePeriod: optionalText(next, 'basePeriodExpression'),
          levelMetricKey: (facts.levelMetricKey as string | null) ?? null,
        }
      : null,
    derived: operation ? { operation, inputDecimals: (facts.inputDecimals as (string | null)[]) ?? [] } : null,
  });
  const [first] = violations;
  if (first) throw new BadUserInputError(`${first.field}: ${first.message}`, `input.${first.field}`);
}

export function figureChanges(correction: FigureCorrection) {
  return ({ live, facts }: LockedNode): Properties => {
    const changes: Properties = {};
    if (correction.value !== undefined) {
      const decimal = writtenDecimal(correction.value);
      if (decimal === undefined) throw new BadUserInputError(`"${correction.value}" ${DECIMAL_MESSAGE}`, 'input.value');
      Object.assign(changes, { decimal, value: Number(decimal) });
    }
    if (correction.qualifier !== undefined) changes.qualifier = correction.qualifier;
    if (correction.period !== undefined) Object.assign(changes, periodChanges(correction.period, facts.publishedDate));
    const next = { ...live, ...changes };
    checkFigureRules(next, facts);
    changes.name = figureName({
      qualifier: text(next, 'qualifier'),
      isChange: next.changeType != null,
      decimal: optionalText(next, 'decimal'),
      lowDecimal: optionalText(next, 'lowDecimal'),
      highDecimal: optionalText(next, 'highDecimal'),
      rank: optionalNumber(next, 'rank'),
      unit: text(next, 'unit'),
      periodLabel: text(next, 'periodLabel'),
    });
    return differing(live, changes);
  };
}

export interface RetractionInput {
  reason: string;
  /** ISO date; today when not given. */
  date: string;
  agent: string;
  evidence: string | null;
}

/** The retraction mark's properties (the same on claims and sources). */
export const retractionMark = (input: RetractionInput): Properties => ({
  retractionReason: input.reason,
  retractionDate: neo4jDate(input.date),
  retractedBy: input.agent,
  retractionEvidence: input.evidence,
  retractedAt: neo4jNow(),
});

export function retractionChanges(input: RetractionInput) {
  return ({ live }: LockedNode): Properties => {
    if (live.retractionReason != null) throw new FailedPreconditionError('the claim is already retracted');
    return retractionMark(input);
  };
}
