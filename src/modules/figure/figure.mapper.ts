import { isoDate, number, optionalText, text, type Properties } from '../../db/values';
import { mapQuote, type TextQuoteData } from '../claim/claim.mapper';
import type { Prefetched } from '../common/prefetched';
import type { MetricData } from '../metric/metric.mapper';
import type { Qualifier } from '../../domain/vocabulary';

export type { Qualifier };

export interface PeriodData {
  label: string;
  start: string;
  end: string;
  expression: string;
  words: string | null;
  relative: boolean;
}

export interface FigureData {
  label: 'Figure';
  key: string;
  name: string;
  value: number;
  unit: string;
  qualifier: Qualifier;
  period: PeriodData;
  sourceKey: string;
  quote: TextQuoteData;
}

export const mapFigure = (properties: Properties): FigureData => ({
  label: 'Figure',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  value: number(properties, 'value'),
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
  quote: mapQuote(properties),
});

/** A figure with the metric it measures, as a claim's lineage fetches it. */
export type PrefetchedFigure = Prefetched<FigureData, { metric: MetricData | null }>;
