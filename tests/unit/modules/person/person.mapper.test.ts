import { Date as Neo4jDate } from 'neo4j-driver';

import { mapPerson, mapRole } from '../../../../src/modules/person/person.mapper';

describe('mapPerson', () => {
  it('maps the stored properties, the optional description included', () => {
    expect(
      mapPerson({
        id: 'test-miao-wei',
        name: 'Miao Wei',
        description: 'Former minister',
        sameAs: ['https://x.test/q'],
      }),
    ).toEqual({
      label: 'Person',
      key: 'test-miao-wei',
      name: 'Miao Wei',
      sameAs: ['https://x.test/q'],
      description: 'Former minister',
    });
  });

  it('gives null and an empty list for what was not stored', () => {
    expect(mapPerson({ id: 'test-li', name: 'Li' })).toMatchObject({ description: null, sameAs: [] });
  });
});

describe('mapRole', () => {
  it('maps the dates of a former role to ISO strings', () => {
    expect(
      mapRole({
        id: 'test-role-minister',
        name: 'Minister of Industry',
        title: 'Minister',
        status: 'former',
        from: new Neo4jDate(2010, 12, 26),
        to: new Neo4jDate(2020, 7, 30),
      }),
    ).toEqual({
      label: 'Role',
      key: 'test-role-minister',
      name: 'Minister of Industry',
      title: 'Minister',
      status: 'former',
      from: '2010-12-26',
      to: '2020-07-30',
    });
  });

  it('leaves the dates of a current role without them null', () => {
    expect(mapRole({ id: 'r', name: 'Vice chair', title: 'Vice chair', status: 'current' })).toMatchObject({
      from: null,
      to: null,
    });
  });
});
