import { optionalText, textList, type Properties } from '../../db/values';
import { versionOf } from './retraction.mapper';

/** What a revision records besides the copy of the node: who, when, why, and which properties changed. */
export interface RevisionData {
  version: number;
  /** ISO date-time; null for a version 1 whose writing time was not recorded. */
  recordedAt: string | null;
  agent: string | null;
  agentRole: string | null;
  reason: string | null;
  changes: { field: string; value: string | null }[];
}

/** Meta properties of a Revision that are not a copy of the live node's. */
const META = ['id', 'subjectId', 'subjectLabel', 'recordedAt', 'agent', 'agentRole', 'reason', 'changed'];

const shown = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
};

export const mapRevision = (properties: Properties): RevisionData => ({
  version: versionOf(properties),
  recordedAt: shown(properties.recordedAt),
  agent: optionalText(properties, 'agent'),
  agentRole: optionalText(properties, 'agentRole'),
  reason: optionalText(properties, 'reason'),
  changes: textList(properties, 'changed').map((field) => ({ field, value: shown(properties[field]) })),
});

/** The node as that revision stored it, with the live node's id, for the claim and figure mappers. */
export function revisedProperties(properties: Properties): Properties {
  const copy: Properties = { ...properties, id: properties.subjectId };
  for (const name of META) if (name !== 'id') delete copy[name];
  return copy;
}
