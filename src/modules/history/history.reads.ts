import { BadUserInputError } from '../../errors';
import type { Properties } from '../../db/values';
import { revisedProperties, type RevisionData } from './history.mapper';
import type { AsOfResult, VersionedLabel } from './history.repository';

/** Refuses a moment in the future: the graph's history ends now. */
export function checkAsOf(asOf: Date, now = new Date()): string {
  if (asOf.getTime() > now.getTime()) throw new BadUserInputError('"asOf" is in the future', 'asOf');
  return asOf.toISOString();
}

const BEFORE_FIRST = (label: string) =>
  new BadUserInputError(`"asOf" is before the ${label.toLowerCase()} was first written`, 'asOf');

/**
 * The properties of the claim or figure as stored at `asOf`: those of the revision valid then, or
 * null when the live node is that state (never revised, and written by then). BAD_USER_INPUT for a
 * moment before the first write.
 */
export function storedAt(label: VersionedLabel, asOf: string, found: AsOfResult): Properties | null {
  if (found.revision) return revisedProperties(found.revision);
  if (found.revised) throw BEFORE_FIRST(label);
  if (found.firstRecordedAt !== null && new Date(found.firstRecordedAt).getTime() > new Date(asOf).getTime()) {
    throw BEFORE_FIRST(label);
  }
  return null;
}

/** The versions, newest first; a node never changed has one, version 1, as its live state. */
export const historyOf = (revisions: RevisionData[]): RevisionData[] =>
  revisions.length > 0
    ? revisions
    : [{ version: 1, recordedAt: null, agent: null, agentRole: null, reason: null, changes: [] }];
