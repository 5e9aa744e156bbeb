/** A broken rule, named by the field of the input it concerns ('quote', 'kind', ...). */
export interface Violation {
  field: string;
  message: string;
}

/** What a domain rule answers: the checked value, or every rule the input breaks. */
export type Checked<T> = { ok: true; value: T } | { ok: false; violations: Violation[] };
