import { text, type Properties } from '../../db/values';

export interface MetricData {
  label: 'Metric';
  key: string;
  name: string;
  description: string;
  unit: string;
}

export const mapMetric = (properties: Properties): MetricData => ({
  label: 'Metric',
  key: text(properties, 'id'),
  name: text(properties, 'name'),
  description: text(properties, 'description'),
  unit: text(properties, 'unit'),
});
