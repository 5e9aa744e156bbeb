/**
 * Periods of figures, target deadlines and projections, written by annotators as short
 * expressions. Relative ones ("end of last year") are resolved against the source's
 * publication date; the figure keeps the expression and the resolved dates.
 */

export interface ResolvedPeriod {
  /** Human label of the resolved period, e.g. "2023" or "end of 2023". */
  label: string;
  /** First and last day covered (equal for an instant such as "end of 2023"), ISO dates. */
  start: string;
  end: string;
  /** The expression as written, e.g. "end of last year". */
  expression: string;
  /** True when the expression needed the publication date to be resolved. */
  relative: boolean;
}

const RELATIVE_YEARS: Record<string, number> = { 'last year': -1, 'this year': 0, 'next year': 1 };

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function yearPeriod(year: number, expression: string, relative: boolean): ResolvedPeriod {
  return { label: String(year), start: `${year}-01-01`, end: `${year}-12-31`, expression, relative };
}

function endOfYear(year: number, expression: string, relative: boolean): ResolvedPeriod {
  const day = `${year}-12-31`;
  return { label: `end of ${year}`, start: day, end: day, expression, relative };
}

/** No phrase of the grammar is longer; a longer one is refused before any pattern runs on it. */
export const MAX_PERIOD_EXPRESSION_LENGTH = 64;

/** Returns the resolved period, or undefined when the expression is not in the grammar. */
export function resolvePeriod(expression: string, publishedDate: string): ResolvedPeriod | undefined {
  if (expression.length > MAX_PERIOD_EXPRESSION_LENGTH) return undefined;
  const normalized = expression.trim().toLowerCase().replace(/\s+/g, ' ');
  const publishedYear = Number(publishedDate.slice(0, 4));

  if (/^\d{4}$/.test(normalized)) return yearPeriod(Number(normalized), expression, false);
  if (/^\d{4}-\d{2}-\d{2}$/.test(normalized)) {
    if (!isRealDate(normalized)) return undefined;
    return { label: normalized, start: normalized, end: normalized, expression, relative: false };
  }
  const endOfAbsolute = /^end of (\d{4})$/.exec(normalized);
  if (endOfAbsolute) return endOfYear(Number(endOfAbsolute[1]), expression, false);

  const offset = RELATIVE_YEARS[normalized];
  if (offset !== undefined) return yearPeriod(publishedYear + offset, expression, true);
  const endOfRelative = /^end of (last|this|next) year$/.exec(normalized);
  if (endOfRelative) {
    return endOfYear(publishedYear + (RELATIVE_YEARS[`${endOfRelative[1]} year`] ?? 0), expression, true);
  }
  return undefined;
}

export const PERIOD_GRAMMAR =
  '"2023", "2024-03-19", "end of 2023", "last year", "this year", "next year", "end of last year" or "end of this year"';
