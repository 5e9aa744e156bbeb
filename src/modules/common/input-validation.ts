import type { Checked } from '../../domain/checked';
import { BadUserInputError } from '../../errors';

/** Limits for free text in arguments: generous for prose, small enough to refuse abuse. */
export const MAX_QUERY_TEXT = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses text that is not valid Unicode (a lone UTF-16 surrogate cannot be stored or indexed as text). */
export function checkUnicode(value: string, field: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new BadUserInputError(`"${field}" contains an unpaired surrogate (not valid Unicode text)`, field);
  }
  return value;
}

/** Trims a free-text argument and refuses empty, oversized or invalid values, naming the argument. */
export function cleanText(value: string, field: string, maxLength: number): string {
  const trimmed = checkUnicode(value, field).normalize('NFC').trim();
  if (trimmed === '') throw new BadUserInputError(`"${field}" must not be empty`, field);
  if (Array.from(trimmed).length > maxLength) {
    throw new BadUserInputError(`"${field}" must have at most ${maxLength} characters`, field);
  }
  return trimmed;
}

/** Checks that a date range is ordered; the LocalDate scalar has already checked each date. */
export function checkRange(from: string | null | undefined, to: string | null | undefined, field: string): void {
  if (from && to && from > to) throw new BadUserInputError(`"${field}.from" must not be after "${field}.to"`, field);
}

export function checkHttpUrl(url: string, field: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.toString();
  } catch {
    // reported below
  }
  throw new BadUserInputError(`"${field}" must be an http or https URL`, field);
}

/** At most `max` ids in a list argument, each decoded by `decode`. */
export function idList<T>(
  ids: readonly string[] | null | undefined,
  field: string,
  max: number,
  decode: (id: string, field: string) => T,
): T[] {
  const list = ids ?? [];
  if (list.length > max) throw new BadUserInputError(`"${field}" may list at most ${max} ids`, field);
  return list.map((id, index) => decode(id, `${field}[${index}]`));
}

/**
 * The value a domain rule checked, or a BAD_USER_INPUT error for the first rule broken, naming
 * the argument: `"input.kind" must be one of ...`, or the rule's own sentence ("quote not found ...").
 */
export function checked<T>(result: Checked<T>, prefix: string): T {
  if (result.ok) return result.value;
  const [violation] = result.violations;
  const field = violation ? `${prefix}.${violation.field}` : prefix;
  const message = violation?.message ?? 'is not valid';
  throw new BadUserInputError(message.startsWith('must') ? `"${field}" ${message}` : message, field);
}
