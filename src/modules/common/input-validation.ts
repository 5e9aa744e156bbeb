import { BadUserInputError } from '../../errors';

/** Limits for free text in arguments: generous for prose, small enough to refuse abuse. */
export const MAX_QUERY_TEXT = 200;

/** Trims a free-text argument and refuses empty or oversized values with the argument's name. */
export function cleanText(value: string, field: string, maxLength: number): string {
  const trimmed = value.normalize('NFC').trim();
  if (trimmed === '') throw new BadUserInputError(`"${field}" must not be empty`, field);
  if (Array.from(trimmed).length > maxLength) {
    throw new BadUserInputError(`"${field}" must have at most ${maxLength} characters`, field);
  }
  if (/[\uD800-\uDFFF]/.test(trimmed.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) {
    throw new BadUserInputError(`"${field}" contains an unpaired surrogate (not valid Unicode text)`, field);
  }
  return trimmed;
}

/** Checks that a date range is ordered; the LocalDate scalar has already checked each date. */
export function checkRange(from: string | null | undefined, to: string | null | undefined, field: string): void {
  if (from && to && from > to) throw new BadUserInputError(`"${field}.from" must not be after "${field}.to"`, field);
}
