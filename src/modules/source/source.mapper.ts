import { isoDate, number, optionalText, text, type Properties } from '../../db/values';
import type { Prefetched } from '../common/prefetched';
import type { OrganizationData } from '../organization/organization.mapper';

export interface SourceData {
  label: 'Source';
  key: string;
  title: string;
  kind: string;
  url: string;
  publishedDate: string;
  publishedDateSource: string | null;
  language: string;
  text: string;
  contentHash: string;
  length: number;
  bodyStart: number;
  bodyEnd: number;
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
  text: text(properties, 'text'),
  contentHash: text(properties, 'contentHash'),
  length: number(properties, 'length'),
  bodyStart: number(properties, 'bodyStart'),
  bodyEnd: number(properties, 'bodyEnd'),
});

/** A source with its publisher, as a claim's lineage fetches it. */
export type PrefetchedSource = Prefetched<SourceData, { publisher: OrganizationData | null }>;
