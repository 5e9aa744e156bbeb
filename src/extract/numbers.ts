/**
 * Numbers in a sentence, with their scale words and percent-like units: "1.2 million",
 * "9.92 million", "35.5 percent", "1.4 percentage points", "$3 billion", "twelve million",
 * "tens of thousands". Digits are read by these rules (exact offsets, no surprises with
 * commas); numbers written as words are read by compromise.
 */
import { compromiseNlp } from './nlp';
import type { Span } from './types';

export interface NumberMention extends Span {
  text: string;
  value: number;
  /** "percent", "percentage points", "basis points" or a currency, when the number carries it. */
  unit?: string;
  /** "tens of thousands": an order of magnitude, not a value. */
  vague?: boolean;
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
};

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'US dollars', '€': 'euros', '£': 'pounds', '¥': 'yuan' };

/** Percent-like units: what follows the number, normalised to the unit names figures use. */
const PERCENT_UNITS: [RegExp, string][] = [
  [/^\s*(?:%|percent\b|per cent\b)/i, 'percent'],
  [/^\s*percentage points?\b/i, 'percentage points'],
  [/^\s*basis points?\b/i, 'basis points'],
  [/^\s*(?:US|U\.S\.)\s+dollars\b/, 'US dollars'],
  [/^\s*dollars\b/i, 'dollars'],
  [/^\s*euros?\b/i, 'euros'],
  [/^\s*yuan\b/i, 'yuan'],
  [/^\s*yen\b/i, 'yen'],
  [/^\s*pounds\b/i, 'pounds'],
];

/** The percent unit right after a number ("percent", "pct", "percentage points"...) and its length. */
function percentUnitAfter(after: string): { unit: string; length: number } | undefined {
  for (const [pattern, unit] of PERCENT_UNITS) {
    const match = pattern.exec(after);
    if (match) return { unit, length: match[0].length };
  }
  return undefined;
}

const DIGITS =
  /([$€£¥]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*-?\s*(thousand|million|billion|trillion|mn|bn)\b)?/gi;

/** A bare four-digit number from 1900 to 2100 is a year, which periods.ts reads instead. */
function looksLikeYear(raw: string, hasScale: boolean, after: string): boolean {
  return !hasScale && /^(19|20)\d{2}$/.test(raw) && !/^\s*(%|percent|per cent)/i.test(after);
}

function digitMentions(sentence: string, base: number): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of sentence.matchAll(DIGITS)) {
    const [whole, symbol, raw = '', scale] = match;
    const index = match.index ?? 0;
    const before = sentence.slice(Math.max(0, index - 1), index);
    let end = index + whole.length;
    const after = sentence.slice(end);
    // Part of a token such as "G20", "COVID-19", "05:42" or "2.4GHz": not a figure.
    if (/[\p{L}:\-/]/u.test(before) || /^[\p{L}:/]/u.test(after)) continue;
    if (looksLikeYear(raw, Boolean(scale), after)) continue;
    let value = Number(raw.replace(/,/g, '')) * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
    const percent = percentUnitAfter(after);
    const unit = percent ? percent.unit : symbol ? CURRENCY_SYMBOLS[symbol.trim()] : undefined;
    end += percent?.length ?? 0;
    value = Number(value.toPrecision(12)); // 9.92 * 1e6 is 9920000.000000002 in binary floating point
    found.push({ start: base + index, end: base + end, text: sentence.slice(index, end), value, unit });
  }
  return found;
}

/** "tens of thousands", "hundreds of millions": at least two of the scale. */
function vagueMentions(sentence: string, base: number): NumberMention[] {
  const pattern = /\b(tens|hundreds|dozens) of (thousands|millions|billions)\b/gi;
  return [...sentence.matchAll(pattern)].map((match) => {
    const many = { tens: 10, hundreds: 100, dozens: 12 }[(match[1] ?? '').toLowerCase() as 'tens'] ?? 10;
    const scale = SCALES[(match[2] ?? '').toLowerCase().replace(/s$/, '')] ?? 1;
    const index = match.index ?? 0;
    return {
      start: base + index,
      end: base + index + match[0].length,
      text: match[0],
      value: 2 * many * scale,
      vague: true,
    };
  });
}

const NUMBER_WORD =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|quarter|third)/i;

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const FRACTIONS: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, tenth: 10 };

/** "about a quarter of its water", "two-thirds": a fraction of a whole, as a percentage. */
function fractionMentions(sentence: string, base: number): NumberMention[] {
  const pattern = /\b(a|one|two|three|four)[\s-](half|third|quarter|fifth|tenth)s?\b(?=\s+of\b)/gi;
  return [...sentence.matchAll(pattern)].map((match) => {
    const count = SMALL[(match[1] ?? '').toLowerCase()] ?? 1;
    const index = match.index ?? 0;
    const value = Number((count * (FRACTIONS[(match[2] ?? '').toLowerCase()] ?? 0)).toPrecision(3));
    return { start: base + index, end: base + index + match[0].length, text: match[0], value, unit: 'percent' };
  });
}

/** "one in five visitors": a share, as a percentage. */
function shareMentions(sentence: string, base: number): NumberMention[] {
  const pattern =
    /\b(one|two|three|four|five|six|seven|eight|nine|\d+) in (two|three|four|five|six|seven|eight|nine|ten|\d+)\b/gi;
  return [...sentence.matchAll(pattern)].flatMap((match) => {
    const part = SMALL[(match[1] ?? '').toLowerCase()] ?? Number(match[1]);
    const whole = SMALL[(match[2] ?? '').toLowerCase()] ?? Number(match[2]);
    if (!(part > 0 && whole > part)) return [];
    const index = match.index ?? 0;
    return [
      {
        start: base + index,
        end: base + index + match[0].length,
        text: match[0],
        value: Number(((100 * part) / whole).toPrecision(6)),
        unit: 'percent',
      },
    ];
  });
}

/** Numbers written as words ("twelve million", "a quarter"), read by compromise. */
function wordMentions(sentence: string, base: number, taken: Span[]): NumberMention[] {
  if (!NUMBER_WORD.test(sentence)) return [];
  const doc = compromiseNlp()(sentence);
  const found: NumberMention[] = [];
  for (const item of doc.numbers().json({ offset: true }) as {
    text: string;
    number: { num: number };
    offset: { start: number; length: number };
  }[]) {
    const text = item.text.replace(/[\s,.;:!?]+$/, '');
    if (/\d/.test(text) || !NUMBER_WORD.test(text) || !(item.number.num > 0)) continue;
    // "one of the", "one" as a pronoun: too weak to be a figure on its own.
    if (/^(one|a|an)$/i.test(text)) continue;
    // "the fourth meeting", "the first cut": an ordinal ranks, it does not measure.
    if (
      /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|\p{L}+ieth|\p{L}+th)$/iu.test(
        text,
      ) &&
      !/(?:half|quarter|third)s?$/i.test(text)
    )
      continue;
    const start = base + item.offset.start;
    if (taken.some((span) => start < span.end && start + text.length > span.start)) continue;
    const after = sentence.slice(item.offset.start + text.length);
    const percent = percentUnitAfter(after);
    const unit = percent?.unit;
    const end = start + text.length + (percent?.length ?? 0);
    // "a quarter", "half": a fraction of a whole is a share, as a percentage.
    if (item.number.num < 1 && !unit)
      found.push({
        start,
        end,
        text: sentence.slice(start - base, end - base),
        value: item.number.num * 100,
        unit: 'percent',
      });
    else found.push({ start, end, text: sentence.slice(start - base, end - base), value: item.number.num, unit });
  }
  return found;
}

/** "10 years earlier", "for three months": a duration, not a measured value. */
const DURATION_AFTER = /^\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b/i;

/** A number inside a short quoted phrase ("new three pillars") is part of a name. */
function insideShortQuote(sentence: string, index: number): boolean {
  const marks = (sentence.slice(0, index).match(/["“”]/g) ?? []).length;
  if (marks % 2 === 0) return false;
  const close = sentence.slice(index).search(/["”]/);
  return close !== -1 && sentence.slice(index, index + close).split(/\s+/).length <= 4;
}

/** Every number of a sentence that could be a figure, in text order. `base` is the sentence's offset. */
export function numberMentions(sentence: string, base: number): NumberMention[] {
  const digits = digitMentions(sentence, base);
  const vague = [
    ...vagueMentions(sentence, base),
    ...shareMentions(sentence, base),
    ...fractionMentions(sentence, base),
  ];
  const words = wordMentions(sentence, base, [...digits, ...vague]);
  return [...digits, ...vague, ...words]
    .filter((n) => n.unit || !DURATION_AFTER.test(sentence.slice(n.end - base)))
    .filter((n) => !insideShortQuote(sentence, n.start - base))
    .sort((a, b) => a.start - b.start);
}
