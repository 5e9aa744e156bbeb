/**
 * The rows one annotation file becomes: what `compileAnnotation` produces and
 * `writeSourceGraph` stores. Ids of claims, figures and projections are already scoped
 * by the source id; dates are ISO strings that Cypher turns into `date` values.
 */

export interface QuoteProperties {
  quote: string;
  /** Offsets in Unicode code points into Source.text; end is exclusive. */
  quoteStart: number;
  quoteEnd: number;
  quotePrefix: string;
  quoteSuffix: string;
}

export interface SourceRow {
  id: string;
  name: string;
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
  publisherId: string;
  interviewerId: string | null;
  intervieweeIds: string[];
  mentionIds: string[];
}

export interface FigureRow extends QuoteProperties {
  id: string;
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
  metricId: string;
  placeId: string | null;
  sourceId: string;
}

export interface ClaimRow extends QuoteProperties {
  id: string;
  name: string;
  text: string;
  kind: string;
  attribution: string;
  speakerId: string;
  roleId: string | null;
  sourceId: string;
  figureIds: string[];
  metricIds: string[];
  targetIds: string[];
  projectionIds: string[];
  topicIds: string[];
  causeIds: string[];
  effectIds: string[];
}

export interface SourceGraph {
  source: SourceRow;
  places: { id: string; name: string; kind: string; isoCode: string | null; sameAs: string[] }[];
  organizations: {
    id: string;
    name: string;
    fullName: string | null;
    kind: string;
    partOfId: string | null;
    countryId: string | null;
    sameAs: string[];
  }[];
  people: { id: string; name: string; description: string | null; sameAs: string[] }[];
  roles: {
    id: string;
    name: string;
    title: string;
    status: string;
    from: string | null;
    to: string | null;
    personId: string;
    organizationId: string;
  }[];
  virtualPresenters: { id: string; name: string; description: string; operatedById: string }[];
  topics: { id: string; name: string; description: string | null; broaderId: string | null; includedIds: string[] }[];
  metrics: { id: string; name: string; description: string; unit: string; placeId: string | null }[];
  figures: FigureRow[];
  targets: {
    id: string;
    name: string;
    comparator: string;
    threshold: number;
    unit: string;
    deadlineLabel: string;
    deadline: string;
    metricId: string;
    placeId: string | null;
    setById: string;
  }[];
  projections: {
    id: string;
    name: string;
    expectedLabel: string;
    expectedBy: string;
    yearsEarlier: number | null;
    targetId: string;
    projectedById: string;
    sourceId: string;
  }[];
  claims: ClaimRow[];
  evidence: { fromId: string; toId: string; stance: 'SUPPORTS' | 'CONTRADICTS' }[];
}
