import { mapPlace } from '../../../../src/modules/place/place.mapper';

describe('mapPlace', () => {
  it('maps the stored properties, the ISO code included', () => {
    expect(
      mapPlace({ id: 'test-china', name: 'China', kind: 'country', isoCode: 'CN', sameAs: ['https://x.test/cn'] }),
    ).toEqual({
      label: 'Place',
      key: 'test-china',
      name: 'China',
      sameAs: ['https://x.test/cn'],
      kind: 'country',
      isoCode: 'CN',
    });
  });

  it('gives null for a place without an ISO code', () => {
    expect(mapPlace({ id: 'test-hainan', name: 'Hainan', kind: 'province' })).toMatchObject({
      isoCode: null,
      sameAs: [],
    });
  });
});
