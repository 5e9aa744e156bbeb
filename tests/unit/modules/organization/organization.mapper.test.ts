import { mapOrganization } from '../../../../src/modules/organization/organization.mapper';

describe('mapOrganization', () => {
  it('maps every stored property', () => {
    expect(
      mapOrganization({
        id: 'test-miit',
        name: 'MIIT',
        fullName: 'Ministry of Industry and Information Technology',
        kind: 'ministry',
        sameAs: ['https://www.wikidata.org/wiki/Q1065389'],
      }),
    ).toEqual({
      label: 'Organization',
      key: 'test-miit',
      name: 'MIIT',
      sameAs: ['https://www.wikidata.org/wiki/Q1065389'],
      fullName: 'Ministry of Industry and Information Technology',
      kind: 'ministry',
    });
  });

  it('gives null for a missing full name and an empty list for missing sameAs links', () => {
    expect(mapOrganization({ id: 'test-cctv', name: 'CCTV', kind: 'broadcaster' })).toMatchObject({
      fullName: null,
      sameAs: [],
    });
  });
});
