import { Date as Neo4jDate, int } from 'neo4j-driver';

import { mapProjection, mapTarget } from '../../../../src/modules/target/target.mapper';

describe('mapTarget', () => {
  it('maps the deadline to an ISO string and an Integer threshold to a number', () => {
    expect(
      mapTarget({
        id: 'test-target-2025',
        name: 'NEVs at 20% of sales by 2025',
        comparator: 'gte',
        threshold: int(20),
        unit: 'percent',
        deadline: new Neo4jDate(2025, 12, 31),
        deadlineLabel: 'by 2025',
      }),
    ).toEqual({
      label: 'Target',
      key: 'test-target-2025',
      name: 'NEVs at 20% of sales by 2025',
      comparator: 'gte',
      threshold: 20,
      unit: 'percent',
      deadline: '2025-12-31',
      deadlineLabel: 'by 2025',
    });
  });
});

describe('mapProjection', () => {
  const stored = {
    id: 'test-projection',
    name: 'Target met three years early',
    expectedBy: new Neo4jDate(2022, 12, 31),
    expectedLabel: 'end of 2022',
    sourceId: 'test-source',
  };

  it('gives null years earlier when not stored', () => {
    expect(mapProjection(stored)).toEqual({
      label: 'Projection',
      key: 'test-projection',
      name: 'Target met three years early',
      expectedBy: '2022-12-31',
      expectedLabel: 'end of 2022',
      yearsEarlier: null,
      sourceKey: 'test-source',
    });
  });

  it('reads years earlier as a number, from a neo4j Integer too', () => {
    expect(mapProjection({ ...stored, yearsEarlier: 3 }).yearsEarlier).toBe(3);
    expect(mapProjection({ ...stored, yearsEarlier: int(3) }).yearsEarlier).toBe(3);
  });
});
