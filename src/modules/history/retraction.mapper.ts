import { isoDate, optionalText, type Properties } from '../../db/values';

/** A retraction mark: who withdrew the item, when, why, and where that is documented. */
export interface RetractionData {
  /** The day of the retraction (by its publisher or speaker), ISO. */
  date: string;
  reason: string;
  /** The token name of the editor who recorded it. */
  agent: string;
  /** Where the retraction is documented (a URL), if given. */
  evidence: string | null;
  recordedAt: string;
}

/** The retraction mark a claim or source carries, or null (stored as retraction* properties). */
export function mapRetraction(properties: Properties): RetractionData | null {
  const reason = optionalText(properties, 'retractionReason');
  if (reason === null) return null;
  return {
    date: isoDate(properties.retractionDate) as string,
    reason,
    agent: optionalText(properties, 'retractedBy') ?? '',
    evidence: optionalText(properties, 'retractionEvidence'),
    recordedAt: String(properties.retractedAt),
  };
}

/** The version a claim or figure is at: 1 until its first correction. */
export const versionOf = (properties: Properties): number => {
  const version = properties.version;
  return typeof version === 'number' ? version : version == null ? 1 : Number(version);
};
