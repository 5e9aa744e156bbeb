import Decimal from 'decimal.js';

import type { Checked, Violation } from './checked';
import {
  changeTypes,
  derivedOperations,
  figureKinds,
  isOneOf,
  type ChangeType,
  type DerivedOperation,
} from './vocabulary';

/**
 * The rules a figure follows, whoever adds it (an annotation file or the API): what it states (a
 * value, a range or a rank), the unit it is stated in, a change's base period and level, and a
 * derived figure's arithmetic. Values are decimal strings as written ("2.37", "12870000") and
 * arithmetic is exact (decimal.js), so "2.37" is checked against 20.41 / 8.596 without float noise.
 */

/** Plain decimal notation, as figures are written: no exponent, no thousands separators. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
export const DECIMAL_MESSAGE = 'must be a decimal number written out, such as 2.4 or 12870000';

/** Enough significant digits that a ratio of two stated figures is exact to far more than any stated precision. */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const PERCENT_UNIT = 'percent';
/** The unit of a percentage-point change of a percent metric ("+9.3 percentage points"). */
export const PERCENTAGE_POINTS_UNIT = 'percentage points';

/**
 * The value as written: a YAML number loses trailing zeros (2.40 → 2.4), so annotators who mean
 * them quote the value ("2.40"). Numbers are written out in plain notation (1e-7 → "0.0000001").
 */
export function writtenDecimal(value: number | string): string | undefined {
  const written = typeof value === 'number' ? new Exact(value).toFixed() : value.trim();
  return DECIMAL.test(written) ? written : undefined;
}

const decimalPlaces = (written: string): number => (written.includes('.') ? written.split('.')[1]!.length : 0);

/** The result of a derived figure's operation over its inputs, in order, exactly. */
export function recompute(operation: DerivedOperation, inputs: readonly string[]): Checked<Decimal> {
  const values = inputs.map((input) => new Exact(input));
  const binary = operation === 'ratio' || operation === 'difference' || operation === 'percent-change';
  if (binary ? values.length !== 2 : values.length < 2) {
    const needed = binary ? 'exactly 2 inputs' : 'at least 2 inputs';
    return { ok: false, violations: [{ field: 'derived.inputs', message: `${operation} needs ${needed}` }] };
  }
  const [first, second] = values as [Decimal, Decimal];
  if ((operation === 'ratio' && second.isZero()) || (operation === 'percent-change' && first.isZero())) {
    return { ok: false, violations: [{ field: 'derived.inputs', message: `${operation} would divide by zero` }] };
  }
  switch (operation) {
    case 'ratio':
      return { ok: true, value: first.div(second) };
    case 'difference':
      return { ok: true, value: first.minus(second) };
    case 'percent-change':
      return { ok: true, value: second.minus(first).div(first).times(100) };
    case 'sum':
      return { ok: true, value: values.reduce((total, value) => total.plus(value), new Exact(0)) };
    case 'product':
      return { ok: true, value: values.reduce((total, value) => total.times(value), new Exact(1)) };
  }
}

/**
 * A stated derived value matches when the recomputed value, rounded to the stated precision, is the
 * stated value: "2.37" matches 20.41 / 8.596 = 2.3743…, "2.4" too, "2.38" does not.
 */
export function checkDerivedValue(operation: DerivedOperation, inputs: readonly string[], stated: string): Violation[] {
  const result = recompute(operation, inputs);
  if (!result.ok) return result.violations;
  const places = decimalPlaces(stated);
  const rounded = result.value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  if (rounded.equals(new Exact(stated))) return [];
  return [
    {
      field: 'value',
      message:
        `stated ${stated} does not match ${operation} of ${inputs.join(', ')} = ` +
        `${result.value.toSignificantDigits(10).toFixed()} (${rounded.toFixed(places)} to the stated precision)`,
    },
  ];
}

/** A figure as the rules need it; metric units are looked up by the caller. */
export interface FigureDraft {
  kind: string;
  /** The single value as written; null for a range or a rank. */
  decimal: string | null;
  lowDecimal: string | null;
  highDecimal: string | null;
  rank: number | null;
  unit: string;
  metricKey: string;
  metricUnit: string;
  change: {
    type: string;
    /** The base period expression; empty or missing is refused. */
    basePeriod: string | null;
    /** The metric of the level figure the change is of, when the text gives it. */
    levelMetricKey: string | null;
  } | null;
  derived: {
    operation: string;
    /** The inputs' values as written, in order; null for an input that states no single value. */
    inputDecimals: (string | null)[];
  } | null;
}

function statedValueRules(draft: FigureDraft): Violation[] {
  const violations: Violation[] = [];
  const hasRange = draft.lowDecimal !== null || draft.highDecimal !== null;
  if (draft.decimal === null && !hasRange && draft.rank === null) {
    violations.push({ field: 'value', message: 'a figure states a value, a range or a rank' });
  }
  if (draft.decimal !== null && hasRange) {
    violations.push({ field: 'range', message: 'a figure states either a value or a range, not both' });
  }
  if (draft.lowDecimal !== null && draft.highDecimal !== null) {
    if (new Exact(draft.lowDecimal).greaterThan(draft.highDecimal)) {
      violations.push({
        field: 'range.high',
        message: `the low end ${draft.lowDecimal} is above the high end ${draft.highDecimal}`,
      });
    }
  }
  if (draft.rank !== null && (!Number.isInteger(draft.rank) || draft.rank < 1)) {
    violations.push({ field: 'rank', message: `a rank is a positive integer (1 = first), not ${draft.rank}` });
  }
  return violations;
}

/** The unit a figure must be stated in: its metric's, or the unit of its kind of change. */
function expectedUnit(draft: FigureDraft, changeType: ChangeType | undefined): Violation[] {
  const { unit, metricKey, metricUnit } = draft;
  if (changeType === 'percentage-points') {
    if (metricUnit !== PERCENT_UNIT) {
      return [
        {
          field: 'change.type',
          message: `a percentage-point change needs a percent metric; "${metricKey}" is in "${metricUnit}"`,
        },
      ];
    }
    return unit === PERCENTAGE_POINTS_UNIT
      ? []
      : [{ field: 'unit', message: `a percentage-point change is in "${PERCENTAGE_POINTS_UNIT}", not "${unit}"` }];
  }
  const expected = changeType === 'percent' ? PERCENT_UNIT : metricUnit;
  if (unit === expected) return [];
  const message =
    changeType === 'percent'
      ? `a percent change is in "${PERCENT_UNIT}", not "${unit}"`
      : `unit "${unit}" differs from the unit of metric "${metricKey}" ("${metricUnit}")`;
  return [{ field: 'unit', message }];
}

function changeRules(draft: FigureDraft): Violation[] {
  const { change } = draft;
  if (change === null) return expectedUnit(draft, undefined);
  if (!isOneOf(changeTypes, change.type)) {
    return [{ field: 'change.type', message: `must be one of ${changeTypes.join(', ')}` }];
  }
  const violations = expectedUnit(draft, change.type);
  if (change.basePeriod === null || change.basePeriod.trim() === '') {
    violations.push({
      field: 'change.basePeriod',
      message: 'a change needs the base period it is measured from, e.g. "the previous year"',
    });
  }
  if (change.levelMetricKey !== null && change.levelMetricKey !== draft.metricKey) {
    violations.push({
      field: 'change.of',
      message: `a change measures the metric of the level it changes: the level is of "${change.levelMetricKey}", this figure of "${draft.metricKey}"`,
    });
  }
  return violations;
}

function derivedRules(draft: FigureDraft): Violation[] {
  const { derived } = draft;
  if (derived === null) {
    return draft.kind === 'derived'
      ? [{ field: 'derived', message: 'a derived figure names its operation and inputs' }]
      : [];
  }
  if (draft.kind !== 'derived') return [{ field: 'kind', message: 'a figure with a derivation has kind "derived"' }];
  if (!isOneOf(derivedOperations, derived.operation)) {
    return [{ field: 'derived.operation', message: `must be one of ${derivedOperations.join(', ')}` }];
  }
  const missing = derived.inputDecimals.findIndex((input) => input === null);
  if (missing >= 0) {
    return [{ field: `derived.inputs[${missing}]`, message: 'an input of a derived figure must state a single value' }];
  }
  if (draft.decimal === null) return [{ field: 'value', message: 'a derived figure states its value' }];
  return checkDerivedValue(derived.operation, derived.inputDecimals as string[], draft.decimal);
}

/** Every rule a figure breaks; [] when it is sound. Field names follow the annotation format. */
export function figureViolations(draft: FigureDraft): Violation[] {
  if (!isOneOf(figureKinds, draft.kind))
    return [{ field: 'kind', message: `must be one of ${figureKinds.join(', ')}` }];
  const written = [draft.decimal, draft.lowDecimal, draft.highDecimal].filter((value) => value !== null);
  const malformed = written.filter((value) => !DECIMAL.test(value));
  if (malformed.length > 0) return [{ field: 'value', message: `"${malformed[0]}" ${DECIMAL_MESSAGE}` }];
  return [...statedValueRules(draft), ...changeRules(draft), ...derivedRules(draft)];
}

const QUALIFIER_SYMBOLS: Record<string, string> = {
  exact: '',
  about: '≈ ',
  over: '> ',
  exceeding: '> ',
  under: '< ',
  'at-least': '≥ ',
  'at-most': '≤ ',
};

function formatNumber(value: number): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: 6 }).format(value);
}

export interface StatedFigure {
  qualifier: string;
  isChange: boolean;
  decimal: string | null;
  lowDecimal: string | null;
  highDecimal: string | null;
  rank: number | null;
}

/** "≈ 2.4", "30000–1000000", "> 1000000", "#10": what a figure states, for its caption. */
export function figureStatement({ qualifier, isChange, decimal, lowDecimal, highDecimal, rank }: StatedFigure): string {
  const sign = isChange && decimal !== null && !decimal.startsWith('-') ? '+' : '';
  if (decimal !== null) return `${QUALIFIER_SYMBOLS[qualifier] ?? ''}${sign}${formatNumber(Number(decimal))}`;
  if (lowDecimal !== null && highDecimal !== null)
    return `${formatNumber(Number(lowDecimal))}–${formatNumber(Number(highDecimal))}`;
  if (lowDecimal !== null) return `≥ ${formatNumber(Number(lowDecimal))}`;
  if (highDecimal !== null) return `≤ ${formatNumber(Number(highDecimal))}`;
  return `#${rank}`;
}

/** A figure's caption: "≈ 2.4 vehicles per charger (2023)". */
export const figureCaption = (stated: StatedFigure, unit: string, periodLabel: string): string =>
  `${figureStatement(stated)} ${unit} (${periodLabel})`;
