import { distance } from 'fastest-levenshtein';

import type { Checked } from './checked';
import { keyOfName, normalizedName } from './names';

/**
 * Organisation names, checked against those that exist: "C.G.T.N.", "cgtn" and "ÇGTN" are the same
 * CGTN, and "Test Daly" is most likely "Test Daily". A new organisation whose name (or full name)
 * is that close to an existing one's is refused, naming the existing one, so one body never gets two
 * nodes that lineage would treat as different producers.
 */

/** The letters and digits of a normalised name: "c g t n" and "cgtn" are one name. */
const compact = (name: string): string => normalizedName(name).replace(/ /g, '');

/**
 * The edit distance under which two compacted names are the same organisation: none for short
 * names (acronyms differ by one letter: "CAAM" and "CAAC" are different bodies), one edit from 8
 * characters, two from 16.
 */
export const nearDuplicateDistance = (normalized: string): number =>
  normalized.length >= 16 ? 2 : normalized.length >= 8 ? 1 : 0;

export interface NamedOrganization {
  key: string;
  name: string;
  fullName: string | null;
}

/** The existing organisation `name` is too close to, if any, and which of its names matched. */
export function nearDuplicateOf(
  names: readonly string[],
  existing: readonly NamedOrganization[],
): { organization: NamedOrganization; matched: string } | undefined {
  const wanted = names.map(compact).filter((name) => name !== '');
  for (const organization of existing) {
    for (const theirs of [organization.name, organization.fullName]) {
      if (theirs === null) continue;
      const normalized = compact(theirs);
      const close = wanted.some(
        (mine) =>
          distance(mine, normalized) <= Math.min(nearDuplicateDistance(mine), nearDuplicateDistance(normalized)),
      );
      if (close) return { organization, matched: theirs };
    }
  }
  return undefined;
}

export interface OrganizationDraft {
  name: string;
  fullName: string | null;
  kind: string;
  sameAs: string[];
}

export interface NewOrganization extends OrganizationDraft {
  key: string;
}

/** A new organisation: a name that gives an id, a kind, and not a near-duplicate of `existing`. */
export function newOrganization(
  draft: OrganizationDraft,
  existing: readonly NamedOrganization[],
): Checked<NewOrganization> {
  const key = keyOfName(draft.name);
  if (key === '') return { ok: false, violations: [{ field: 'name', message: 'must contain a letter or a digit' }] };
  if (draft.kind.trim() === '') return { ok: false, violations: [{ field: 'kind', message: 'must not be empty' }] };
  const duplicate = nearDuplicateOf([draft.name, ...(draft.fullName ? [draft.fullName] : [])], existing);
  if (duplicate) {
    const { organization, matched } = duplicate;
    return {
      ok: false,
      violations: [
        {
          field: 'name',
          message:
            `an organization like this already exists: "${organization.name}" (id ${organization.key}), ` +
            `whose name "${matched}" differs only in case, punctuation, accents or a letter or two; use it instead`,
        },
      ],
    };
  }
  return { ok: true, value: { ...draft, key } };
}
