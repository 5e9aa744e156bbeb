/**
 * Periods: the words of a text that say when a figure holds ("in 2023", "By the end of last
 * year", "that same year", "a year earlier", "the first half"), resolved against the
 * publication date. Without a publication date, relative periods keep their expression and
 * get no dates: they are flagged, never guessed.
 *
 * The annotation format's period grammar knows years, days and year ends. A half, a quarter or
 * a month is resolved here (label and dates, for the structured items) but written in the YAML
 * as its year, with a review note, until the format has sub-year periods.
 */
import { chronoParser } from './nlp';
import type { Period, Span } from './types';

export interface PeriodMention extends Span {
  words: string;
  /** absolute or relative to the publication date; same: "that same year"; earlier: "a year earlier". */
  reference: 'date' | 'same' | 'earlier';
  /** For reference "date": the period itself. */
  period?: Period;
  /** "by 2035": a deadline rather than the period of a measurement. */
  deadline?: boolean;
}

const RELATIVE_YEAR: Record<string, number> = { last: -1, this: 0, next: 1, previous: -1, past: -1 };
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

function yearOf(date?: string): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

function yearPeriod(year: number, expression: string, words: string, relative: boolean): Period {
  return { expression, words, label: String(year), start: `${year}-01-01`, end: `${year}-12-31`, relative };
}

function yearEnd(year: number, expression: string, words: string, relative: boolean): Period {
  return { expression, words, label: `end of ${year}`, start: `${year}-12-31`, end: `${year}-12-31`, relative };
}

function unresolved(expression: string | undefined, words: string): Period {
  return { expression, words, relative: true, note: `no publication date: "${words}" is left unresolved` };
}

/** A relative year ("last year") as a period, resolved when the publication date is known. */
function relativeYear(which: string, words: string, published?: string, end = false): Period {
  const offset = RELATIVE_YEAR[which] ?? 0;
  const grammarWord = offset === -1 ? 'last' : offset === 1 ? 'next' : 'this';
  const expression = end ? `end of ${grammarWord} year` : `${grammarWord} year`;
  const year = yearOf(published);
  if (year === undefined) return unresolved(end && offset === 1 ? undefined : expression, words);
  return end ? yearEnd(year + offset, expression, words, true) : yearPeriod(year + offset, expression, words, true);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A part of a year: the structured period is exact, the YAML expression is the year (see above). */
function partOfYear(
  year: number | undefined,
  fromMonth: number,
  toMonth: number,
  name: string,
  words: string,
  relative: boolean,
): Period {
  if (year === undefined) return unresolved(undefined, words);
  return {
    expression: String(year),
    words,
    label: `${name} ${year}`,
    start: `${year}-${pad(fromMonth)}-01`,
    end: `${year}-${pad(toMonth)}-${pad(lastDay(year, toMonth))}`,
    relative,
    note: `"${words}" is ${name} ${year}; the format has no such period, so the YAML records the year ${year}`,
  };
}

type Rule = {
  pattern: RegExp;
  read: (match: RegExpMatchArray, published?: string) => Omit<PeriodMention, 'start' | 'end' | 'words'>;
};

/** Ordered: longer expressions first, so "the end of last year" is not read as "last year". */
const RULES: Rule[] = [
  {
    pattern: /\b(?:(?:by|at|as of|until) )?the end of (last|this|next|the previous|the past) year\b/gi,
    read: (m, published) => ({ reference: 'date', period: relativeYear(lastWord(m[1]), m[0], published, true) }),
  },
  {
    pattern: /\b(?:(?:by|at|as of|until) )?the end of ((?:19|20)\d{2})\b/gi,
    read: (m) => ({ reference: 'date', period: yearEnd(Number(m[1]), `end of ${m[1]}`, m[0], false) }),
  },
  {
    pattern: /\b(?:in |during |for )?the (first|second) half(?: of ((?:19|20)\d{2}|(?:last|this) year))?\b/gi,
    read: (m, published) => {
      const half = m[1]?.toLowerCase() === 'first' ? 1 : 2;
      const { year, relative } = yearWords(m[2], published, half * 6);
      return {
        reference: 'date',
        period: partOfYear(
          year,
          half === 1 ? 1 : 7,
          half === 1 ? 6 : 12,
          half === 1 ? 'first half of' : 'second half of',
          m[0],
          relative,
        ),
      };
    },
  },
  {
    pattern:
      /\b(?:in |during |for )?the (first|second|third|fourth) quarter(?: of ((?:19|20)\d{2}|(?:last|this) year))?\b/gi,
    read: (m, published) => {
      const quarter = ORDINAL[(m[1] ?? '').toLowerCase()] ?? 1;
      const { year, relative } = yearWords(m[2], published, quarter * 3);
      return {
        reference: 'date',
        period: partOfYear(year, quarter * 3 - 2, quarter * 3, `${m[1]?.toLowerCase()} quarter of`, m[0], relative),
      };
    },
  },
  // "a year earlier", "a year ago", "the same period last year", "from the previous year": the
  // comparison period of a change, one year before the period it is compared with.
  {
    pattern:
      /\b(?:a year (?:earlier|before|ago)|(?:in |over |from )?the same (?:period|month|quarter|time) (?:of |a )?(?:last|the previous|the prior) year|(?:from |over )?the previous year|(?:in |from )?the prior year)\b/gi,
    read: () => ({ reference: 'earlier' }),
  },
  { pattern: /\b(?:that|the) same year\b/gi, read: () => ({ reference: 'same' }) },
  {
    pattern: /\b(?:in |during |for |throughout )?(last|this|next|the previous|the past) year\b/gi,
    read: (m, published) => ({ reference: 'date', period: relativeYear(lastWord(m[1]), m[0], published) }),
  },
  {
    pattern: /\bby ((?:19|20)\d{2})\b/gi,
    read: (m) => ({ reference: 'date', deadline: true, period: yearPeriod(Number(m[1]), String(m[1]), m[0], false) }),
  },
  {
    pattern: /\b(?:(?:in|during|for|since|throughout) )?((?:19|20)\d{2})\b(?!\s*(?:%|percent|per cent))/gi,
    read: (m) => ({ reference: 'date', period: yearPeriod(Number(m[1]), String(m[1]), m[0], false) }),
  },
];

function lastWord(words?: string): string {
  return (words ?? 'this').toLowerCase().split(' ').pop() ?? 'this';
}

/**
 * The year of "the first half" or "the fourth quarter" written without one: the most recent
 * such part that has ended by the publication date (a January article's "fourth quarter" is
 * last year's).
 */
function yearWords(
  words: string | undefined,
  published?: string,
  lastMonth = 12,
): { year?: number; relative: boolean } {
  if (!words) {
    const year = yearOf(published);
    const month = published ? Number(published.slice(5, 7)) : 12;
    return { year: year === undefined ? undefined : lastMonth > month ? year - 1 : year, relative: true };
  }
  if (/^\d{4}$/.test(words)) return { year: Number(words), relative: false };
  const base = yearOf(published);
  return {
    year: base === undefined ? undefined : base + (RELATIVE_YEAR[lastWord(words.split(' ')[0])] ?? 0),
    relative: true,
  };
}

const MONTHS = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Months ("in March", "January-May"), read by chrono: a part of a year like the halves above. */
function monthMentions(sentence: string, base: number, published: string | undefined, taken: Span[]): PeriodMention[] {
  if (!MONTHS.test(sentence)) return [];
  const reference = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  return chronoParser()
    .parse(sentence, reference, { forwardDate: false })
    .flatMap((result) => {
      const start = base + result.index;
      const end = start + result.text.length;
      if (taken.some((span) => start < span.end && end > span.start)) return [];
      const first = result.start;
      const last = result.end ?? result.start;
      // A day ("on March 3") dates an event, not a figure's period: left to the text.
      if (first.isCertain('day') || !first.isCertain('month')) return [];
      const yearKnown = first.isCertain('year');
      const year = yearKnown || published ? (first.get('year') ?? undefined) : undefined;
      const fromMonth = first.get('month') ?? 1;
      const toMonth = last.get('month') ?? fromMonth;
      const name = fromMonth === toMonth ? monthName(fromMonth) : `${monthName(fromMonth)} to ${monthName(toMonth)}`;
      return [
        {
          start,
          end,
          words: result.text,
          reference: 'date' as const,
          period: partOfYear(year, fromMonth, toMonth, name, result.text, !yearKnown),
        },
      ];
    });
}

function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
}

/** Every period expression of a sentence, in text order, none overlapping another. */
export function periodMentions(sentence: string, base: number, published?: string): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (const rule of RULES) {
    for (const match of sentence.matchAll(rule.pattern)) {
      const start = base + (match.index ?? 0);
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ start, end, words: match[0], ...rule.read(match, published) });
    }
  }
  found.push(...monthMentions(sentence, base, published, found));
  return found.sort((a, b) => a.start - b.start);
}

/** The period one year before `period`: "a year earlier" than 2023 is 2022. */
export function yearBefore(period: Period | undefined, words: string): Period {
  if (!period?.start || !period.end || !period.label) {
    return { words, relative: true, note: `"${words}" needs the period it is compared with, which is unknown` };
  }
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
  const year = Number(period.start.slice(0, 4)) - 1;
  const isYearEnd = period.start === period.end && period.start.endsWith('-12-31');
  const isWholeYear = period.start.endsWith('-01-01') && period.end.endsWith('-12-31');
  return {
    expression: isYearEnd ? `end of ${year}` : String(year),
    words,
    label: period.label.replace(/\d{4}/, String(year)),
    start: shift(period.start),
    end: shift(period.end),
    relative: period.relative,
    note:
      isYearEnd || isWholeYear
        ? undefined
        : `"${words}" is ${period.label.replace(/\d{4}/, String(year))}; the YAML records the year ${year}`,
  };
}
