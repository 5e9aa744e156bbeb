/**
 * Quote anchoring in the manner of the W3C Web Annotation TextQuoteSelector and
 * TextPositionSelector: exact text, start/end offsets, and a short prefix and suffix.
 *
 * Offsets count Unicode code points, not UTF-16 code units: "😀" is one position, as
 * Python's str and the W3C selectors count (JavaScript's string indexes would count two).
 * Invariant (tested for every claim): sliceCodePoints(text, start, end) === exact.
 */

import type { Checked, Violation } from './checked';

export const CONTEXT_LENGTH = 32;

export interface TextAnchor {
  exact: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

export type AnchorFailure =
  | { kind: 'empty-needle' }
  | { kind: 'not-found' }
  | { kind: 'ambiguous'; occurrences: number }
  | { kind: 'occurrence-out-of-range'; occurrences: number };

export type AnchorResult = { ok: true; anchor: TextAnchor } | { ok: false; failure: AnchorFailure };

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export function sliceCodePoints(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * UTF-16 indexes of every occurrence of `needle`, overlapping ones included.
 * Precondition: `needle` is not empty. `indexOf('')` never returns -1 (past the end it returns the
 * length), so an empty needle would grow the array until V8 aborts the process. Bound: at most
 * `haystack.length` entries, since each start index is strictly greater than the one before.
 */
function occurrencesOf(haystack: string, needle: string): number[] {
  if (needle.length === 0) throw new RangeError('occurrencesOf needs a non-empty needle');
  const found: number[] = [];
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) {
    found.push(index);
  }
  return found;
}

/**
 * Finds `quote` in `text`. A quote that occurs more than once needs `occurrence` (1-based);
 * without it the anchor would silently pick one of several places.
 */
export function anchorQuote(text: string, quote: string, occurrence?: number): AnchorResult {
  if (quote.length === 0) return { ok: false, failure: { kind: 'empty-needle' } };
  const found = occurrencesOf(text, quote);
  if (found.length === 0) return { ok: false, failure: { kind: 'not-found' } };
  if (occurrence === undefined && found.length > 1) {
    return { ok: false, failure: { kind: 'ambiguous', occurrences: found.length } };
  }
  const utf16Start = found[(occurrence ?? 1) - 1];
  if (utf16Start === undefined) {
    return { ok: false, failure: { kind: 'occurrence-out-of-range', occurrences: found.length } };
  }
  const start = codePointLength(text.slice(0, utf16Start));
  const end = start + codePointLength(quote);
  const before = Array.from(text.slice(0, utf16Start));
  const after = Array.from(text.slice(utf16Start + quote.length));
  return {
    ok: true,
    anchor: {
      exact: quote,
      start,
      end,
      prefix: before.slice(Math.max(0, before.length - CONTEXT_LENGTH)).join(''),
      suffix: after.slice(0, CONTEXT_LENGTH).join(''),
    },
  };
}

export function describeAnchorFailure(failure: AnchorFailure): string {
  switch (failure.kind) {
    case 'empty-needle':
      return 'must not be empty: an empty quote matches everywhere';
    case 'not-found':
      return 'quote not found in the source text';
    case 'ambiguous':
      return `quote is ambiguous: it occurs ${failure.occurrences} times; add "occurrence" (1 to ${failure.occurrences})`;
    case 'occurrence-out-of-range':
      return `occurrence is out of range: the quote occurs ${failure.occurrences} time(s)`;
  }
}

/** The part of a source text that is the article proper; [start, end) in code points. */
export interface TextRange {
  start: number;
  end: number;
}

/** Words that are only white space would anchor anywhere there is a gap: no quote or phrase is. */
const isBlank = (words: string): boolean => words.trim() === '';
const MUST_NOT_BE_BLANK = 'must not be empty';

const QUOTE_OUTSIDE_BODY = 'quote lies outside the article body (page boilerplate cannot be quoted)';

/**
 * Anchors a quote of a claim or figure. Rule: the quote lies inside the body, since the page
 * boilerplate around it is nobody's claim. Without a known body (it failed to anchor), only
 * the anchoring itself is checked. Violations name 'quote' or 'occurrence'.
 */
export function anchorInBody(
  text: string,
  body: TextRange | undefined,
  quote: string,
  occurrence?: number,
): Checked<TextAnchor> {
  if (isBlank(quote)) return { ok: false, violations: [{ field: 'quote', message: MUST_NOT_BE_BLANK }] };
  const result = anchorQuote(text, quote, occurrence);
  if (!result.ok) {
    const field = result.failure.kind === 'occurrence-out-of-range' ? 'occurrence' : 'quote';
    return { ok: false, violations: [{ field, message: describeAnchorFailure(result.failure) }] };
  }
  if (body && (result.anchor.start < body.start || result.anchor.end > body.end)) {
    return { ok: false, violations: [{ field: 'quote', message: QUOTE_OUTSIDE_BODY }] };
  }
  return { ok: true, value: result.anchor };
}

/**
 * Where the body lies: from the first words of `start` to the last of `end`. A phrase left out
 * means the body starts (or ends) with the text. Violations name 'start', 'end' or 'body' (the order).
 */
export function locateBody(text: string, phrases: { start?: string; end?: string }): Checked<TextRange> {
  const violations: Violation[] = [];
  const edge = (field: 'start' | 'end', phrase: string | undefined, missing: number): number | undefined => {
    if (phrase === undefined) return missing;
    if (isBlank(phrase)) {
      violations.push({ field, message: MUST_NOT_BE_BLANK });
      return undefined;
    }
    const result = anchorQuote(text, phrase);
    if (result.ok) return field === 'start' ? result.anchor.start : result.anchor.end;
    violations.push({ field, message: describeAnchorFailure(result.failure) });
    return undefined;
  };
  const start = edge('start', phrases.start, 0);
  const end = edge('end', phrases.end, codePointLength(text));
  if (start === undefined || end === undefined) return { ok: false, violations };
  if (end <= start) return { ok: false, violations: [{ field: 'body', message: 'body.end comes before body.start' }] };
  return { ok: true, value: { start, end } };
}

/**
 * Checks a quote given with its offsets (code points) against the text: the words at [start, end)
 * are the quote, inside the body. Violations name 'quoteStart', 'quoteEnd' or 'quote'.
 */
export function anchorAtOffsets(
  text: string,
  body: TextRange | undefined,
  quote: string,
  start: number,
  end: number,
): Checked<TextAnchor> {
  if (isBlank(quote)) return { ok: false, violations: [{ field: 'quote', message: MUST_NOT_BE_BLANK }] };
  const characters = Array.from(text);
  if (!Number.isInteger(start) || start < 0 || start > characters.length) {
    return {
      ok: false,
      violations: [{ field: 'quoteStart', message: `must lie within the text (0 to ${characters.length})` }],
    };
  }
  if (!Number.isInteger(end) || end <= start || end > characters.length) {
    return {
      ok: false,
      violations: [
        { field: 'quoteEnd', message: `must lie after quoteStart and within the text (at most ${characters.length})` },
      ],
    };
  }
  const found = characters.slice(start, end).join('');
  if (found !== quote) {
    const shown =
      end - start > CONTEXT_LENGTH * 2 ? `${characters.slice(start, start + CONTEXT_LENGTH * 2).join('')}…` : found;
    return {
      ok: false,
      violations: [{ field: 'quote', message: `the text at code points ${start}-${end} is "${shown}", not the quote` }],
    };
  }
  if (body && (start < body.start || end > body.end)) {
    return { ok: false, violations: [{ field: 'quote', message: QUOTE_OUTSIDE_BODY }] };
  }
  return {
    ok: true,
    value: {
      exact: quote,
      start,
      end,
      prefix: characters.slice(Math.max(0, start - CONTEXT_LENGTH), start).join(''),
      suffix: characters.slice(end, end + CONTEXT_LENGTH).join(''),
    },
  };
}
