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
  value: number;
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
  quote: TextAnchor;
}

export interface SourceGraph {
  source: SourceRow;
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
    organizationKey: string;
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
