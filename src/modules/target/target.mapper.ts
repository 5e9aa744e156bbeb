import { isoDate, number, optionalNumber, text, type Properties } from '../../db/values';
import type { Comparator } from '../../domain/vocabulary';

export type { Comparator };

export interface TargetData {
  label: 'Target';
  key: string;
  name: string;
  comparator: Comparator;
  threshold: number;
  unit: string;
  deadline: string;
  deadlineLabel: string;
}

export interface ProjectionData {
  label: 'Projection';
  key: string;
  name: string;
  expectedBy: string;
  expectedLabel: string;
  yearsEarlier: number | null;
  sourceKey: string;
}

export const mapTarget = (properties: Properties): TargetData => ({
  label: 'Target',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  comparator: text(properties, 'comparator') as Comparator,
  threshold: number(properties, 'threshold'),
  unit: text(properties, 'unit'),
  deadline: isoDate(properties.deadline) as string,
  deadlineLabel: text(properties, 'deadlineLabel'),
});

export const mapProjection = (properties: Properties): ProjectionData => ({
  label: 'Projection',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  expectedBy: isoDate(properties.expectedBy) as string,
  expectedLabel: text(properties, 'expectedLabel'),
  yearsEarlier: optionalNumber(properties, 'yearsEarlier'),
  sourceKey: text(properties, 'sourceId'),
});
