import type { BodyRange } from './body';
import type {
  ClaimDraft,
  FigureDraft,
  KnownEntity,
  MetricDraft,
  OrganizationDraft,
  PersonDraft,
  PlaceDraft,
  TargetDraft,
  TopicDraft,
} from './types';

/** The metadata the extractor uses; every field may be missing, and each missing one is flagged. */
export interface DraftMeta {
  title?: string;
  publisher?: string;
  publishedDate?: string;
}

export interface Draft {
  text: string;
  sourceId: string;
  textFile: string;
  metaFile: string;
  sourceKind: 'article' | 'interview';
  publisherId: string;
  interviewees: string[];
  body: BodyRange;
  places: PlaceDraft[];
  organizations: OrganizationDraft[];
  people: PersonDraft[];
  metrics: MetricDraft[];
  figures: FigureDraft[];
  targets: TargetDraft[];
  topics: TopicDraft[];
  claims: ClaimDraft[];
  known: readonly KnownEntity[];
  /** Problems of the whole draft (no publication date, no metadata), also written at its top. */
  warnings: string[];
}

/** One drafted item with its span in Unicode code points, for a reviewing interface. */
export interface DraftItem {
  type: 'body' | 'claim' | 'figure' | 'target' | 'person' | 'role' | 'organization' | 'place';
  id: string;
  quote: string;
  start: number;
  end: number;
  confidence: number;
  review: string[];
  /** For a change figure: the id of the level figure it changes ("by 77 percent to 1.2 million"). */
  changeOf?: string;
}
