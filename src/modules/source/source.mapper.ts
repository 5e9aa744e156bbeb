import { isoDate, optionalNumber, optionalText, text, type Properties } from '../../db/values';
import type { Prefetched } from '../common/prefetched';
import type { OrganizationData } from '../organization/organization.mapper';
import { mapRetraction, type RetractionData } from '../history/retraction.mapper';

export interface SourceData {
  label: 'Source';
  key: string;
  title: string;
  kind: string;
  url: string;
  publishedDate: string;
  publishedDateSource: string | null;
  language: string;
  /** Null, with length 0 and no body, for a source recorded by its facts only. */
  referenceOnly: boolean;
  text: string | null;
  contentHash: string | null;
  length: number;
  bodyStart: number | null;
  bodyEnd: number | null;
  /** Set when the publisher retracted it (docs/model.md#versions-and-history). */
  retracted: RetractionData | null;
}

export const mapSource = (properties: Properties): SourceData => ({
  label: 'Source',
  key: text(properties, 'id'),
  title: text(properties, 'title'),
  kind: text(properties, 'kind'),
  url: text(properties, 'url'),
  publishedDate: isoDate(properties.publishedDate) as string,
  publishedDateSource: optionalText(properties, 'publishedDateSource'),
  language: text(properties, 'language'),
  referenceOnly: properties.referenceOnly === true,
  text: optionalText(properties, 'text'),
  contentHash: optionalText(properties, 'contentHash'),
  length: optionalNumber(properties, 'length') ?? 0,
  bodyStart: optionalNumber(properties, 'bodyStart'),
  bodyEnd: optionalNumber(properties, 'bodyEnd'),
  retracted: mapRetraction(properties),
});

/** A source with its publisher, as a claim's lineage fetches it. */
export type PrefetchedSource = Prefetched<SourceData, { publisher: OrganizationData | null }>;
