import { mapMetric } from '../../../../src/modules/metric/metric.mapper';

describe('mapMetric', () => {
  it('maps the stored properties, the id as key', () => {
    expect(
      mapMetric({ id: 'test-nev-share', name: 'NEV share', description: 'Share of new cars sold', unit: 'percent' }),
    ).toEqual({
      label: 'Metric',
      key: 'test-nev-share',
      name: 'NEV share',
      description: 'Share of new cars sold',
      unit: 'percent',
    });
  });
});
