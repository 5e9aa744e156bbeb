import type { Checked } from './checked';

/** The standard labels of ratings 1 to 5, used when a reviewer gives none. */
export const RATING_LABELS = ['False', 'Mostly false', 'Half true', 'Mostly true', 'True'] as const;

/** A verdict rates a claim from 1 (false) to 5 (true); without a label of its own it takes the standard one. */
export function reviewRating(rating: number, label?: string): Checked<{ rating: number; ratingLabel: string }> {
  const standard = RATING_LABELS[rating - 1];
  if (!Number.isInteger(rating) || standard === undefined) {
    return { ok: false, violations: [{ field: 'rating', message: 'must be an integer from 1 to 5' }] };
  }
  return { ok: true, value: { rating, ratingLabel: label ?? standard } };
}
