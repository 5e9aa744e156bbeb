/**
 * What the extractor finds. Spans inside the extractor are UTF-16 indexes into the full text
 * (JavaScript's own); the draft's public items carry Unicode code point offsets instead.
 */
import type { attributions, claimKinds, comparators, qualifiers } from './ingest-entry';

export type ClaimKind = (typeof claimKinds)[number];
export type Attribution = (typeof attributions)[number];
export type Qualifier = (typeof qualifiers)[number];
export type Comparator = (typeof comparators)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** Universal part-of-speech tag from wink (NOUN, VERB, PROPN, NUM, ...). */
  pos: string;
}

export interface Sentence extends Span {
  text: string;
  tokens: Token[];
}

export interface Period {
  /** In the format's grammar ("2023", "end of last year"); absent when the text's period has no such form. */
  expression?: string;
  /** The source's own words, e.g. "that same year". */
  words?: string;
  /** Resolved against the publication date; absent when there is no date to resolve against. */
  label?: string;
  start?: string;
  end?: string;
  relative: boolean;
  /** Why the period is uncertain, for the review comment. */
  note?: string;
}

export interface Reviewable {
  /** 0 to 1: how sure the rule that produced the item is. */
  confidence: number;
  /** Short notes for the person reviewing the draft, when the extractor was unsure. */
  review: string[];
}

export interface PlaceDraft extends Reviewable {
  id: string;
  name: string;
  kind: 'country' | 'region' | 'city' | 'world';
  isoCode?: string;
  spans: Span[];
  existing: boolean;
}

export interface OrganizationDraft extends Reviewable {
  id: string;
  name: string;
  fullName?: string;
  kind: string;
  spans: Span[];
  existing: boolean;
  /** Other names the text uses for it (a linked organisation named as the text names it). */
  aliases?: string[];
}

export interface RoleDraft {
  id: string;
  /** One of an existing person's declared roles, which the text states again: not written again. */
  known?: boolean;
  title: string;
  organizationId: string;
  status: 'current' | 'former';
  span: Span;
}

export interface PersonDraft extends Reviewable {
  id: string;
  name: string;
  description?: string;
  roles: RoleDraft[];
  /** The roles an existing person already has, as declared where they exist. */
  knownRoles?: { id: string; title: string; organization?: string; status: string }[];
  spans: Span[];
  existing: boolean;
  /** A shared person (seed/entities/): roles the text adds cannot be written in the draft. */
  shared?: boolean;
}

export interface MetricDraft {
  id: string;
  name: string;
  description: string;
  unit: string;
  placeId?: string;
  existing: boolean;
}

export interface FigureDraft extends Reviewable {
  id: string;
  /** A measurement, or a forecast ("is expected to", "projected") of a future value. */
  kind: 'observation' | 'forecast';
  metricId: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  period?: Period;
  placeId?: string;
  span: Span;
  /** A level, a change of a level (tied to it by changeOf), or a level for an earlier period. */
  role: 'level' | 'change' | 'earlier-level';
  changeOf?: string;
}

export interface TargetDraft extends Reviewable {
  id: string;
  name: string;
  metricId: string;
  comparator: Comparator;
  threshold: number;
  unit: string;
  deadline: string;
  placeId?: string;
  setById: string;
  span: Span;
}

export interface TopicDraft {
  id: string;
  name: string;
  /** An existing topic, linked by name: not declared again when it is shared. */
  existing?: boolean;
}

export interface ClaimDraft extends Reviewable {
  id: string;
  span: Span;
  text: string;
  kind: ClaimKind;
  attribution: Attribution;
  speakerId: string;
  roleId?: string;
  figureIds: string[];
  metricIds: string[];
  targetIds: string[];
  causeIds: string[];
  effectIds: string[];
}

/** An entity that already exists (in the graph or the shared annotation files), to link to by id. */
export interface KnownEntity {
  kind: 'place' | 'organization' | 'person' | 'metric' | 'topic';
  id: string;
  name: string;
  aliases: string[];
  unit?: string;
  placeId?: string;
  /** The entry as declared where it exists, copied into the draft so its references resolve. */
  declaration: Record<string, unknown>;
  /**
   * Declared in a shared entity file (seed/entities/): the draft refers to it by id and never
   * declares it, since ingestion refuses a declaration that differs from the shared one.
   */
  shared?: boolean;
}
