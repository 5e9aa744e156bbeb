import type { TextAnchor } from '../domain/anchor';
import type { ClaimRow, EvidenceRow } from '../modules/claim/claim.writes';
import type { SourceRow } from '../modules/source/source.writes';

/**
 * The rows one annotation file becomes: what `buildRows` produces and `writeSourceGraph` stores.
 * Sources and claims are the rows the API writes too (source.writes.ts, claim.writes.ts). Keys of
 * claims, figures and projections are scoped by the source key; dates are ISO strings that Cypher
 * turns into `date` values. In TypeScript the stored id is a `key`; in Neo4j it is the `id` property.
 */

export interface FigureRow {
  key: string;
  name: string;
  kind: string;
  /** A float for sorting and display; `decimal` is the value as written, for exact arithmetic. */
  value: number | null;
  decimal: string | null;
  low: number | null;
  lowDecimal: string | null;
  high: number | null;
  highDecimal: string | null;
  rank: number | null;
  rankOf: string | null;
  changeType: string | null;
  basePeriodLabel: string | null;
  basePeriodStart: string | null;
  basePeriodEnd: string | null;
  basePeriodExpression: string | null;
  /** The level figure a change is of (CHANGE_OF). */
  changeOfKey: string | null;
  operation: string | null;
  /** A derived figure's inputs in order (DERIVED_FROM {position}); may be figures of other sources. */
  derivedFromKeys: string[];
  locator: string | null;
  producedByKey: string | null;
  relayedByKeys: string[];
  unit: string;
  qualifier: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  periodExpression: string;
  periodRelative: boolean;
  periodWords: string | null;
  metricKey: string;
  placeKey: string | null;
  sourceKey: string;
  /** Null for a figure located (not quoted) in a source recorded by its facts. */
  quote: TextAnchor | null;
}

/** Who produced and who relayed a claim's content (PRODUCED_BY, RELAYED_BY {position}). */
export interface ProvenanceRow {
  key: string;
  producedByKey: string | null;
  relayedByKeys: string[];
}

export interface SourceGraph {
  source: SourceRow;
  /** Recorded by its facts: stored with `text: null`, `length: 0`, `referenceOnly: true`. */
  referenceOnly: boolean;
  note: string | null;
  republishKeys: string[];
  citeKeys: string[];
  claimProvenance: ProvenanceRow[];
  places: { key: string; name: string; kind: string; isoCode: string | null; sameAs: string[] }[];
  organizations: {
    key: string;
    name: string;
    fullName: string | null;
    kind: string;
    partOfKey: string | null;
    countryKey: string | null;
    sameAs: string[];
  }[];
  people: { key: string; name: string; description: string | null; sameAs: string[] }[];
  roles: {
    key: string;
    name: string;
    title: string;
    status: string;
    from: string | null;
    to: string | null;
    personKey: string;
    /** Null for an independent role ("automobile industry analyst"). */
    organizationKey: string | null;
  }[];
  virtualPresenters: { key: string; name: string; description: string; operatedByKey: string }[];
  topics: {
    key: string;
    name: string;
    description: string | null;
    broaderKey: string | null;
    includedKeys: string[];
  }[];
  metrics: { key: string; name: string; description: string; unit: string; placeKey: string | null }[];
  figures: FigureRow[];
  targets: {
    key: string;
    name: string;
    comparator: string;
    threshold: number;
    unit: string;
    deadlineLabel: string;
    deadline: string;
    metricKey: string;
    placeKey: string | null;
    setByKey: string;
  }[];
  projections: {
    key: string;
    name: string;
    expectedLabel: string;
    expectedBy: string;
    yearsEarlier: number | null;
    targetKey: string;
    projectedByKey: string;
    sourceKey: string;
  }[];
  claims: ClaimRow[];
  evidence: EvidenceRow[];
}
