import { anchorAtOffsets, anchorInBody, type TextAnchor } from '../../domain/anchor';
import type { Checked, Violation } from '../../domain/checked';
import {
  apiFigureKey,
  DECIMAL_MESSAGE,
  figureEvidenceViolations,
  figureName,
  figureViolations,
  writtenDecimal,
} from '../../domain/figure';
import { badPeriodMessage, resolvePeriod, type ResolvedPeriod } from '../../domain/period';
import type { FigureRow } from './figure.row';

/**
 * addFigure's checks: the rules of domain/ that ingestion applies to an annotation's figures
 * (compile/figures.ts), over a figure sent through the API and what the graph holds about what it
 * refers to. Pure: the graph was read by the writer, in the transaction that writes the figure.
 * Violations name the fields of AddFigureInput, which are the annotation format's.
 */

/** A figure as the mutation decoded it: keys instead of global ids, text cleaned. */
export interface FigureRequest {
  sourceKey: string;
  metricKey: string;
  kind: string;
  value: string | null;
  range: { low: string | null; high: string | null } | null;
  rank: number | null;
  rankOf: string | null;
  unit: string;
  qualifier: string;
  period: string;
  periodWords: string | null;
  placeKey: string | null;
  change: { type: string; basePeriod: string | null; levelKey: string | null } | null;
  derived: { operation: string; inputKeys: string[] } | null;
  quote: { exact: string; occurrence: number | null; start: number | null; end: number | null } | null;
  locator: string | null;
  addedBy: string;
}

/** What the graph holds about what a new figure refers to; every reference has been found. */
export interface FigureContext {
  source: {
    text: string | null;
    bodyStart: number | null;
    bodyEnd: number | null;
    kind: string;
    referenceOnly: boolean;
    publishedDate: string;
  };
  metricUnit: string;
  /** The metric of the level figure a change is of; null without one. */
  levelMetricKey: string | null;
  /** The derived figure's inputs' values as written, in order; null for one stating no single value. */
  inputDecimals: (string | null)[];
}

interface Written {
  decimal: string | null;
  lowDecimal: string | null;
  highDecimal: string | null;
}

function writtenValues(request: FigureRequest, violations: Violation[]): Written {
  const read = (field: string, value: string | null | undefined): string | null => {
    if (value == null) return null;
    const written = writtenDecimal(value);
    if (written === undefined) violations.push({ field, message: `"${value}" ${DECIMAL_MESSAGE}` });
    return written ?? null;
  };
  return {
    decimal: read('value', request.value),
    lowDecimal: read('range.low', request.range?.low),
    highDecimal: read('range.high', request.range?.high),
  };
}

function periods(
  request: FigureRequest,
  publishedDate: string,
  violations: Violation[],
): { period?: ResolvedPeriod; basePeriod?: ResolvedPeriod } {
  const period = resolvePeriod(request.period, publishedDate);
  if (period === undefined) {
    violations.push({ field: 'period', message: badPeriodMessage(request.period) });
    return {};
  }
  const base = request.change?.basePeriod;
  if (base == null || base.trim() === '') return { period };
  // As at ingestion: "the previous year" of a base period counts from the figure's own period.
  const basePeriod = resolvePeriod(base, publishedDate, period);
  if (basePeriod === undefined) violations.push({ field: 'change.basePeriod', message: badPeriodMessage(base) });
  return { period, basePeriod };
}

/** The quote located in the stored text (or checked at the offsets given); undefined for a located figure. */
function evidence(request: FigureRequest, context: FigureContext, violations: Violation[]): TextAnchor | undefined {
  const { source } = context;
  const found = figureEvidenceViolations({
    referenceOnly: source.referenceOnly || source.text === null,
    sourceKind: source.kind,
    quoted: request.quote !== null,
    located: request.locator !== null,
  });
  violations.push(...found);
  const { quote } = request;
  if (found.length > 0 || quote === null || source.text === null) return undefined;
  const body =
    source.bodyStart === null || source.bodyEnd === null ? undefined : { start: source.bodyStart, end: source.bodyEnd };
  if ((quote.start === null) !== (quote.end === null)) {
    violations.push({
      field: quote.start === null ? 'quoteStart' : 'quoteEnd',
      message: 'give both quoteStart and quoteEnd, or neither',
    });
    return undefined;
  }
  const anchored =
    quote.start !== null && quote.end !== null
      ? anchorAtOffsets(source.text, body, quote.exact, quote.start, quote.end)
      : anchorInBody(source.text, body, quote.exact, quote.occurrence ?? undefined);
  if (anchored.ok) return anchored.value;
  violations.push(...anchored.violations);
  return undefined;
}

function toRow(
  request: FigureRequest,
  written: Written,
  period: ResolvedPeriod,
  basePeriod: ResolvedPeriod | undefined,
  anchor: TextAnchor | undefined,
): FigureRow {
  const number = (decimal: string | null) => (decimal === null ? null : Number(decimal));
  return {
    key: apiFigureKey(request.sourceKey),
    name: figureName({
      qualifier: request.qualifier,
      isChange: request.change !== null,
      ...written,
      rank: request.rank,
      unit: request.unit,
      periodLabel: period.label,
    }),
    kind: request.kind,
    value: number(written.decimal),
    decimal: written.decimal,
    low: number(written.lowDecimal),
    lowDecimal: written.lowDecimal,
    high: number(written.highDecimal),
    highDecimal: written.highDecimal,
    rank: request.rank,
    rankOf: request.rankOf,
    changeType: request.change?.type ?? null,
    basePeriodLabel: basePeriod?.label ?? null,
    basePeriodStart: basePeriod?.start ?? null,
    basePeriodEnd: basePeriod?.end ?? null,
    basePeriodExpression: basePeriod?.expression ?? null,
    changeOfKey: request.change?.levelKey ?? null,
    operation: request.derived?.operation ?? null,
    derivedFromKeys: request.derived?.inputKeys ?? [],
    locator: request.locator,
    producedByKey: null,
    relayedByKeys: [],
    unit: request.unit,
    qualifier: request.qualifier,
    periodLabel: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    periodExpression: period.expression,
    periodRelative: period.relative,
    periodWords: request.periodWords,
    metricKey: request.metricKey,
    placeKey: request.placeKey,
    sourceKey: request.sourceKey,
    quote: anchor ?? null,
    origin: 'api',
    addedBy: request.addedBy,
  };
}

/** The row addFigure writes, or every rule the figure breaks (the first is reported). */
export function checkNewFigure(request: FigureRequest, context: FigureContext): Checked<FigureRow> {
  const violations: Violation[] = [];
  const written = writtenValues(request, violations);
  const { period, basePeriod } = periods(request, context.source.publishedDate, violations);
  if (violations.length === 0) {
    violations.push(
      ...figureViolations({
        kind: request.kind,
        ...written,
        rank: request.rank,
        unit: request.unit,
        metricKey: request.metricKey,
        metricUnit: context.metricUnit,
        change: request.change && {
          type: request.change.type,
          basePeriod: request.change.basePeriod,
          levelMetricKey: context.levelMetricKey,
        },
        derived: request.derived && { operation: request.derived.operation, inputDecimals: context.inputDecimals },
      }),
    );
  }
  const { periodWords } = request;
  if (periodWords !== null && !(context.source.text ?? '').includes(periodWords)) {
    violations.push({ field: 'periodWords', message: `"${periodWords}" does not occur in the source text` });
  }
  const anchor = evidence(request, context, violations);
  if (violations.length > 0 || period === undefined) return { ok: false, violations };
  return { ok: true, value: toRow(request, written, period, basePeriod, anchor) };
}
