import type { TextAnchor } from '../../domain/anchor';

/**
 * A figure as both ingestion and addFigure write it. Its key is "<source key>/<local key>"; dates
 * are ISO strings that Cypher turns into `date` values.
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
  /** 'api' for a figure added through the API (no annotation file owns it); null for one from a file. */
  origin: 'api' | null;
  addedBy: string | null;
}
