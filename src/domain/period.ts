/**
 * Periods of figures, target deadlines and projections, written by annotators as short
 * expressions. Relative ones ("end of last year", "the first half") are resolved against the
 * source's publication date; "the previous year", "a year earlier" and "same period last year"
 * against a reference period when there is one (the figure's own period, for the base period of a
 * change). The figure keeps the expression and the resolved dates.
 */

export interface ResolvedPeriod {
  /** Human label of the resolved period, e.g. "2023", "end of 2023", "H1 2024", "January-October 2024". */
  label: string;
  /** First and last day covered (equal for an instant such as "end of 2023"), ISO dates. */
  start: string;
  end: string;
  /** The expression as written, e.g. "end of last year". */
  expression: string;
  /** True when the expression needed the publication date or a reference period to be resolved. */
  relative: boolean;
}

export const PERIOD_GRAMMAR =
  '"2023", "2024-03-19", "end of 2023", "last year", "this year", "next year", "end of last year", ' +
  '"end of this year", "the previous year", "a year earlier", "same period last year", ' +
  '"the first half", "first half of 2024", "H1 2024", "Q3", "Q3 2024", "the third quarter", ' +
  '"January-October 2024", "January to October" or "October 2024"';

/** What is wrong with an expression resolvePeriod cannot resolve, whoever wrote it. */
export const badPeriodMessage = (expression: string): string =>
  `bad period or date "${expression}"; write ${PERIOD_GRAMMAR}`;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAMES = MONTHS.map((month) => month[0]!.toUpperCase() + month.slice(1));
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const RELATIVE_YEARS: Record<string, number> = { last: -1, this: 0, next: 1 };

const MONTH = `(${MONTHS.join('|')})`;
const YEAR = '(\\d{4})';
/** "first half", "H1", "the second half of 2024": group 1 the ordinal word, 2 the H digit, 3 the year. */
const HALF = new RegExp(`^(?:the )?(?:(first|second) half|h([12]))(?: of)?(?: ${YEAR})?$`);
/** "Q3", "the third quarter of 2024", "Q3 2024". */
const QUARTER = new RegExp(`^(?:the )?(?:(first|second|third|fourth) quarter|q([1-4]))(?: of)?(?: ${YEAR})?$`);
/** "January-October 2024", "January to October", "October 2024", "October". */
const MONTHS_RANGE = new RegExp(`^${MONTH}(?:\\s*(?:-|–|to)\\s*${MONTH})?(?: ${YEAR})?$`);

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** Months `first`..`last` (1-based) of `year`. */
function months(
  year: number,
  first: number,
  last: number,
  label: string,
): Omit<ResolvedPeriod, 'expression' | 'relative'> {
  return { label, start: `${year}-${pad(first)}-01`, end: lastDayOf(year, last) };
}

const wholeYear = (year: number) => months(year, 1, 12, String(year));
const endOfYear = (year: number) => ({ label: `end of ${year}`, start: `${year}-12-31`, end: `${year}-12-31` });

/** The same period one year earlier: "H1 2024" → "H1 2023", "end of 2024" → "end of 2023". */
function yearEarlier(reference: ResolvedPeriod): Omit<ResolvedPeriod, 'expression' | 'relative'> {
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const end = shift(reference.end);
  // 29 February has no match a year earlier: the period then ends on the 28th.
  return {
    label: reference.label.replace(/\d{4}/g, (year) => String(Number(year) - 1)),
    start: shift(reference.start).replace(/-02-29$/, '-02-28'),
    end: isRealDate(end) ? end : end.replace(/-02-29$/, '-02-28'),
  };
}

type Resolution = { period: Omit<ResolvedPeriod, 'expression' | 'relative'>; relative: boolean };

function resolveCalendarParts(normalized: string, publishedYear: number): Resolution | undefined {
  const half = HALF.exec(normalized);
  if (half) {
    const index = half[1] ? (half[1] === 'first' ? 1 : 2) : Number(half[2]);
    const year = half[3] ? Number(half[3]) : publishedYear;
    return { period: months(year, index * 6 - 5, index * 6, `H${index} ${year}`), relative: !half[3] };
  }
  const quarter = QUARTER.exec(normalized);
  if (quarter) {
    const index = quarter[1] ? (ORDINALS[quarter[1]] ?? 1) : Number(quarter[2]);
    const year = quarter[3] ? Number(quarter[3]) : publishedYear;
    return { period: months(year, index * 3 - 2, index * 3, `Q${index} ${year}`), relative: !quarter[3] };
  }
  const range = MONTHS_RANGE.exec(normalized);
  if (range) {
    const first = MONTHS.indexOf(range[1]!) + 1;
    const last = range[2] ? MONTHS.indexOf(range[2]) + 1 : first;
    if (last < first) return undefined;
    const year = range[3] ? Number(range[3]) : publishedYear;
    const name = (month: number) => MONTH_NAMES[month - 1]!;
    const label = first === last ? `${name(first)} ${year}` : `${name(first)}-${name(last)} ${year}`;
    return { period: months(year, first, last, label), relative: !range[3] };
  }
  return undefined;
}

function resolveYears(normalized: string, publishedYear: number, reference?: ResolvedPeriod): Resolution | undefined {
  if (/^\d{4}$/.test(normalized)) return { period: wholeYear(Number(normalized)), relative: false };
  if (/^\d{4}-\d{2}-\d{2}$/.test(normalized)) {
    if (!isRealDate(normalized)) return undefined;
    return { period: { label: normalized, start: normalized, end: normalized }, relative: false };
  }
  const endOfAbsolute = /^end of (\d{4})$/.exec(normalized);
  if (endOfAbsolute) return { period: endOfYear(Number(endOfAbsolute[1])), relative: false };
  const relativeYear = /^(last|this|next) year$/.exec(normalized);
  if (relativeYear) return { period: wholeYear(publishedYear + RELATIVE_YEARS[relativeYear[1]!]!), relative: true };
  const endOfRelative = /^end of (last|this|next) year$/.exec(normalized);
  if (endOfRelative) return { period: endOfYear(publishedYear + RELATIVE_YEARS[endOfRelative[1]!]!), relative: true };

  // Without a reference period these count from the publication year, like "last year".
  const base = reference ?? { ...wholeYear(publishedYear), expression: String(publishedYear), relative: false };
  if (/^(the )?previous year$/.test(normalized)) {
    return { period: wholeYear(Number(base.start.slice(0, 4)) - 1), relative: true };
  }
  if (/^(a year earlier|(the )?same period (of )?last year)$/.test(normalized)) {
    return { period: reference ? yearEarlier(reference) : wholeYear(publishedYear - 1), relative: true };
  }
  return undefined;
}

/**
 * Returns the resolved period, or undefined when the expression is not in the grammar
 * (PERIOD_GRAMMAR). `reference` is the period the expression is relative to when it names a base
 * period ("the previous year" of a 2024 figure is 2023, whatever the publication date).
 */
/** No phrase of the grammar is longer; a longer one is refused before any pattern runs on it. */
export const MAX_PERIOD_EXPRESSION_LENGTH = 64;

/** Returns the resolved period, or undefined when the expression is not in the grammar. */
export function resolvePeriod(
  expression: string,
  publishedDate: string,
  reference?: ResolvedPeriod,
): ResolvedPeriod | undefined {
  if (expression.length > MAX_PERIOD_EXPRESSION_LENGTH) return undefined;
  const normalized = expression.trim().toLowerCase().replace(/\s+/g, ' ');
  const publishedYear = Number(publishedDate.slice(0, 4));
  const resolved =
    resolveYears(normalized, publishedYear, reference) ?? resolveCalendarParts(normalized, publishedYear);
  return resolved && { ...resolved.period, expression, relative: resolved.relative };
}
