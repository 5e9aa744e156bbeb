import { decimalOfFloat } from '../../domain/consistency';
import { isoDate, optionalNumber, optionalText, text, type Properties } from '../../db/values';
import { mapQuote, type TextQuoteData } from '../claim/claim.mapper';
import type { Prefetched } from '../common/prefetched';
import type { MetricData } from '../metric/metric.mapper';
import type { Qualifier } from '../../domain/vocabulary';
import { versionOf } from '../history/retraction.mapper';

export type { Qualifier };
export type FigureKind = 'observation' | 'forecast' | 'estimate' | 'derived';
export type ChangeType = 'absolute' | 'percent' | 'percentage-points';
export type DerivationOperation = 'ratio' | 'difference' | 'sum' | 'product' | 'percent-change';

export interface PeriodData {
  label: string;
  start: string;
  end: string;
  expression: string;
  words: string | null;
  relative: boolean;
}

/** The period a change is measured from ("from the previous year"). */
export interface BasePeriodData {
  label: string;
  start: string | null;
  end: string | null;
  expression: string | null;
}

export interface FigureData {
  label: 'Figure';
  key: string;
  name: string;
  kind: FigureKind;
  /** Null for a range or a ranking. */
  value: number | null;
  /** The value exactly as written ("2.4"); for figures stored before decimals, the float's shortest form. */
  decimal: string | null;
  /** Range ends (floats and as written); null is an open end, both null for a single value. */
  low: number | null;
  high: number | null;
  lowDecimal: string | null;
  highDecimal: string | null;
  rank: number | null;
  rankOf: string | null;
  /** Null for a level; a change figure measures the metric of the level it changes. */
  changeType: ChangeType | null;
  basePeriod: BasePeriodData | null;
  operation: DerivationOperation | null;
  /** Where in a dataset or report the figure was read ("table 1, row 'NEV sales'"); then no quote. */
  locator: string | null;
  unit: string;
  qualifier: Qualifier;
  period: PeriodData;
  sourceKey: string;
  /** The words it was read from; null for a figure located in a dataset or report. */
  quote: TextQuoteData | null;
  /** 1 until the figure's first correction (docs/model.md#versions-and-history). */
  version: number;
}

/** The stored decimal string, else the float's (older figures have only `value`). */
function decimalOf(properties: Properties, decimalName: string, floatName: string): string | null {
  const written = optionalText(properties, decimalName);
  if (written !== null) return written;
  const value = optionalNumber(properties, floatName);
  return value === null ? null : decimalOfFloat(value);
}

function basePeriodOf(properties: Properties): BasePeriodData | null {
  const label = optionalText(properties, 'basePeriodLabel');
  if (label === null) return null;
  return {
    label,
    start: isoDate(properties.basePeriodStart),
    end: isoDate(properties.basePeriodEnd),
    expression: optionalText(properties, 'basePeriodExpression'),
  };
}

export const mapFigure = (properties: Properties): FigureData => ({
  label: 'Figure',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  kind: (optionalText(properties, 'kind') ?? 'observation') as FigureKind,
  value: optionalNumber(properties, 'value'),
  decimal: decimalOf(properties, 'decimal', 'value'),
  low: optionalNumber(properties, 'low'),
  high: optionalNumber(properties, 'high'),
  lowDecimal: decimalOf(properties, 'lowDecimal', 'low'),
  highDecimal: decimalOf(properties, 'highDecimal', 'high'),
  rank: optionalNumber(properties, 'rank'),
  rankOf: optionalText(properties, 'rankOf'),
  changeType: optionalText(properties, 'changeType') as ChangeType | null,
  basePeriod: basePeriodOf(properties),
  operation: optionalText(properties, 'operation') as DerivationOperation | null,
  locator: optionalText(properties, 'locator'),
  unit: text(properties, 'unit'),
  qualifier: text(properties, 'qualifier') as Qualifier,
  period: {
    label: text(properties, 'periodLabel'),
    start: isoDate(properties.periodStart) as string,
    end: isoDate(properties.periodEnd) as string,
    expression: text(properties, 'periodExpression'),
    words: optionalText(properties, 'periodWords'),
    relative: properties.periodRelative === true,
  },
  sourceKey: text(properties, 'sourceId'),
  quote: properties.quote == null ? null : mapQuote(properties),
  version: versionOf(properties),
});

/** How another figure of the cited figure's metric stands to it (FIGURE_SIBLINGS' `relation`). */
export type SiblingRelation = 'same-period' | 'other-period' | 'same-source' | 'other-place' | 'other-measure';

export interface SiblingData {
  figure: FigureData;
  relation: SiblingRelation;
}

/** A figure with the metric it measures (and, when asked for, its siblings), as a claim's lineage fetches it. */
export type PrefetchedFigure = Prefetched<FigureData, { metric: MetricData | null; siblings?: SiblingData[] }>;
