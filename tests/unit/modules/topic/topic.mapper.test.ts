import { mapTopic } from '../../../../src/modules/topic/topic.mapper';

describe('mapTopic', () => {
  it('maps the stored properties with the optional description', () => {
    expect(mapTopic({ id: 'test-charging', name: 'Charging infrastructure', description: 'Stations, piles' })).toEqual({
      label: 'Topic',
      key: 'test-charging',
      name: 'Charging infrastructure',
      description: 'Stations, piles',
    });
  });

  it('gives null for a missing description', () => {
    expect(mapTopic({ id: 'test-nev', name: 'NEVs' }).description).toBeNull();
  });
});
