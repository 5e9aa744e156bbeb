import Decimal from 'decimal.js';

/**
 * When two figures of the same metric, place and period agree: each figure stands for the interval
 * of values its words allow, and two figures are consistent when those intervals intersect (both
 * can be right at once). Arithmetic is exact: values are the decimal strings as written ("2.4",
 * "12870000"), never floats, so no 9.899999999999999 reaches a reader.
 */

export type Qualifier = 'exact' | 'about' | 'over' | 'exceeding' | 'under' | 'at-least' | 'at-most';

/**
 * "about X" allows X ± 5% of X (and never less than the half-unit of X's last written digit, so
 * "about 0" or "about 2" keep the tolerance that writing them as exact would give).
 */
export const ABOUT_TOLERANCE = new Decimal('0.05');

/** What a figure states, as consistency needs it. A range has `low`/`high` and no `decimal`. */
export interface StatedFigure {
  qualifier: Qualifier;
  /** The single value as written, e.g. "2.4"; null for a range or a ranking. */
  decimal: string | null;
  /** Range ends as written; null is an open end. Ignored when `decimal` is set. */
  lowDecimal?: string | null;
  highDecimal?: string | null;
  /** An ordinal ranking ("10th"), for figures that state no value. */
  rank?: number | null;
}

/** One end of an interval; `null` in its place means unbounded (−∞ or +∞). */
export interface Bound {
  value: Decimal;
  closed: boolean;
}

export interface Interval {
  low: Bound | null;
  high: Bound | null;
}

export interface Consistency {
  consistent: boolean;
  /** Why, in words a fact-checker can check: both intervals and whether they meet. */
  reason: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Parses a value as written; refuses anything but plain decimal notation. */
export function parseDecimal(written: string): Decimal {
  if (!DECIMAL.test(written)) throw new Error(`"${written}" is not a decimal number such as 2.4 or 12870000`);
  return new Decimal(written);
}

/** Half a unit of the last written digit: "31" → 0.5, "2.37" → 0.005, "31.50" → 0.005. */
export function halfUnit(written: string): Decimal {
  parseDecimal(written);
  const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
  return new Decimal(10).pow(-decimals).div(2);
}

const closed = (value: Decimal): Bound => ({ value, closed: true });
const open = (value: Decimal): Bound => ({ value, closed: false });

/** The values a figure's words allow; null when it states no number (a ranking). */
export function statedInterval(figure: StatedFigure): Interval | null {
  if (figure.decimal == null) {
    const low = figure.lowDecimal ?? null;
    const high = figure.highDecimal ?? null;
    if (low === null && high === null) return null;
    return {
      low: low === null ? null : closed(parseDecimal(low)),
      high: high === null ? null : closed(parseDecimal(high)),
    };
  }
  const value = parseDecimal(figure.decimal);
  switch (figure.qualifier) {
    case 'exact': {
      const half = halfUnit(figure.decimal);
      return { low: closed(value.minus(half)), high: open(value.plus(half)) };
    }
    case 'about': {
      const tolerance = Decimal.max(value.abs().times(ABOUT_TOLERANCE), halfUnit(figure.decimal));
      return { low: closed(value.minus(tolerance)), high: closed(value.plus(tolerance)) };
    }
    case 'over':
    case 'exceeding':
      return { low: open(value), high: null };
    case 'at-least':
      return { low: closed(value), high: null };
    case 'under':
      return { low: null, high: open(value) };
    case 'at-most':
      return { low: null, high: closed(value) };
  }
}

/** The tighter of two lower bounds (the larger; open wins a tie) and of two upper bounds. */
function innerLow(a: Bound | null, b: Bound | null): Bound | null {
  if (a === null) return b;
  if (b === null) return a;
  const order = a.value.comparedTo(b.value);
  if (order !== 0) return order > 0 ? a : b;
  return { value: a.value, closed: a.closed && b.closed };
}

function innerHigh(a: Bound | null, b: Bound | null): Bound | null {
  if (a === null) return b;
  if (b === null) return a;
  const order = a.value.comparedTo(b.value);
  if (order !== 0) return order < 0 ? a : b;
  return { value: a.value, closed: a.closed && b.closed };
}

/** True when some value lies in both intervals. */
export function intersects(a: Interval, b: Interval): boolean {
  const low = innerLow(a.low, b.low);
  const high = innerHigh(a.high, b.high);
  if (low === null || high === null) return true;
  const order = low.value.comparedTo(high.value);
  return order < 0 || (order === 0 && low.closed && high.closed);
}

/** "[30.5, 31.5)", "(31, ∞)", "(−∞, 5]". */
export function formatInterval({ low, high }: Interval): string {
  const left = low === null ? '(−∞' : `${low.closed ? '[' : '('}${low.value.toFixed()}`;
  const right = high === null ? '∞)' : `${high.value.toFixed()}${high.closed ? ']' : ')'}`;
  return `${left}, ${right}`;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  over: 'over ',
  exceeding: 'exceeding ',
  under: 'under ',
  'at-least': 'at least ',
  'at-most': 'at most ',
};

/** The figure as a reader would say it: "about 2.4", "exceeding 31", "10000 to 1000000", "10th". */
export function describeStated(figure: StatedFigure): string {
  if (figure.decimal != null) return `${QUALIFIER_WORDS[figure.qualifier]}${figure.decimal}`;
  const low = figure.lowDecimal ?? null;
  const high = figure.highDecimal ?? null;
  if (low !== null && high !== null) return `${low} to ${high}`;
  if (low !== null) return `from ${low}`;
  if (high !== null) return `up to ${high}`;
  return figure.rank == null ? 'no value' : `rank ${figure.rank}`;
}

const meaning = (figure: StatedFigure, interval: Interval) =>
  `"${describeStated(figure)}" means ${formatInterval(interval)}` +
  (figure.decimal != null && figure.qualifier === 'about' ? ` (±${ABOUT_TOLERANCE.times(100).toFixed()}%)` : '');

/** Whether `other` agrees with `cited`, the figure a claim cites; both of one metric, place and period. */
export function compareStated(cited: StatedFigure, other: StatedFigure): Consistency {
  const citedInterval = statedInterval(cited);
  const otherInterval = statedInterval(other);
  if (citedInterval && otherInterval) {
    const consistent = intersects(citedInterval, otherInterval);
    return {
      consistent,
      reason: `${meaning(cited, citedInterval)} and ${meaning(other, otherInterval)}: ${
        consistent ? 'they overlap, so both can be right' : 'they do not overlap'
      }.`,
    };
  }
  if (!citedInterval && !otherInterval && cited.rank != null && other.rank != null) {
    const consistent = cited.rank === other.rank;
    return {
      consistent,
      reason: consistent ? `Both give rank ${cited.rank}.` : `Rank ${cited.rank} and rank ${other.rank} differ.`,
    };
  }
  return {
    consistent: false,
    reason: `"${describeStated(cited)}" and "${describeStated(other)}" cannot be compared: one states no value of the kind the other does.`,
  };
}

/** `other − cited`, exactly; null unless both state a single value. */
export function exactDifference(cited: StatedFigure, other: StatedFigure): Decimal | null {
  if (cited.decimal == null || other.decimal == null) return null;
  return parseDecimal(other.decimal).minus(parseDecimal(cited.decimal));
}

/** The difference relative to the cited value, in percent; null when the cited value is 0 or absent. */
export function relativeDifferencePercent(cited: StatedFigure, other: StatedFigure): Decimal | null {
  const difference = exactDifference(cited, other);
  if (difference === null || cited.decimal == null) return null;
  const base = parseDecimal(cited.decimal).abs();
  return base.isZero() ? null : difference.div(base).times(100);
}

/**
 * The decimal a stored float stands for when a figure has no `decimal` (figures stored before
 * decimals were): JavaScript's shortest round-trip form, which is what the annotation wrote
 * (31 → "31", 2.4 → "2.4").
 */
export function decimalOfFloat(value: number): string {
  return new Decimal(value).toFixed();
}
