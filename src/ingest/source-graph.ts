import type { ClaimRow, EvidenceRow } from '../modules/claim/claim.writes';
import type { FigureRow } from '../modules/figure/figure.writes';
import type { SourceRow } from '../modules/source/source.writes';

export type { FigureRow };

/**
 * The rows one annotation file becomes: what `buildRows` produces and `writeSourceGraph` stores.
 * Sources and claims are the rows the API writes too (source.writes.ts, claim.writes.ts). Keys of
 * claims, figures and projections are scoped by the source key; dates are ISO strings that Cypher
 * turns into `date` values. In TypeScript the stored id is a `key`; in Neo4j it is the `id` property.
 */

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
