import { int, Node } from 'neo4j-driver';

import { isEntityLabel, mapEntity } from '../../../src/modules/entities';

const nodeOf = (labels: string[], properties: Record<string, unknown>) => new Node(int(1), labels, properties, '1');

describe('mapEntity', () => {
  it('maps a node by the first label it has a mapper for', () => {
    expect(mapEntity(nodeOf(['Speaker', 'Person'], { id: 'test-miao', name: 'Miao Wei' }))).toEqual({
      label: 'Person',
      key: 'test-miao',
      name: 'Miao Wei',
      sameAs: [],
      description: null,
    });
    expect(mapEntity(nodeOf(['Topic'], { id: 'test-nev', name: 'NEVs' }))).toMatchObject({ label: 'Topic' });
  });

  it('refuses a node of a label the API does not serve', () => {
    expect(() => mapEntity(nodeOf(['Migration'], { id: 'm' }))).toThrow('no mapper for a node labelled Migration');
    expect(isEntityLabel('Migration')).toBe(false);
    expect(isEntityLabel('Claim')).toBe(true);
  });
});
