import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { insertOrganization } from '../../support/test-graph';

/** addPerson: a person with roles, one of them independent (no organisation); nothing written on error. */

const PREFIX = 'test-personw';
const ADD = `mutation ($input: AddPersonInput!) {
  addPerson(input: $input) { id name description roles { title name status from to organization { id } holder { id } } }
}`;

describe('addPerson', () => {
  let server: TestServer;

  const add = (input: Record<string, unknown>) =>
    server.graphql<{ addPerson: Record<string, unknown> }>(ADD, { input }, { token: EDITOR_TOKEN });

  async function refused(code: string, input: Record<string, unknown>) {
    const before = await graphCounts(server.db.driver);
    const response = await add(input);
    expect(codeOf(response)).toBe(code);
    expect(await graphCounts(server.db.driver)).toEqual(before);
    return response.errors?.[0]?.message;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await insertOrganization(server.db.driver, { id: `${PREFIX}-institute`, name: 'Test Motor Institute' });
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('adds a person with an independent role and a role at an organisation', async () => {
    const before = await graphCounts(server.db.driver);
    const person = dataOf(
      await add({
        name: 'Test-personw Zhāng Wěi',
        description: 'An automobile industry analyst.',
        roles: [
          { title: 'automobile industry analyst', status: 'CURRENT' },
          {
            title: 'Research fellow',
            organization: toGlobalId('Organization', `${PREFIX}-institute`),
            status: 'FORMER',
            from: '2015-01-01',
            to: '2020-06-30',
          },
        ],
      }),
    ).addPerson;
    const id = toGlobalId('Person', 'test-personw-zhang-wei');
    expect(person).toEqual({
      id,
      name: 'Test-personw Zhāng Wěi',
      description: 'An automobile industry analyst.',
      roles: expect.arrayContaining([
        {
          title: 'automobile industry analyst',
          name: 'automobile industry analyst',
          status: 'CURRENT',
          from: null,
          to: null,
          organization: null,
          holder: { id },
        },
        {
          title: 'Research fellow',
          name: 'Research fellow, Test Motor Institute',
          status: 'FORMER',
          from: '2015-01-01',
          to: '2020-06-30',
          organization: { id: toGlobalId('Organization', `${PREFIX}-institute`) },
          holder: { id },
        },
      ]),
    });
    // The person, two roles; HOLDS_ROLE twice and one ROLE_AT.
    expect(await graphCounts(server.db.driver)).toEqual({
      nodes: before.nodes + 3,
      relationships: before.relationships + 3,
    });
  });

  it('refuses an existing person, a missing organisation and a role ending before it starts, writing nothing', async () => {
    expect(await refused('BAD_USER_INPUT', { name: 'Test-personw Zhang Wei' })).toBe(
      'a person with the id "test-personw-zhang-wei" already exists; use it instead',
    );
    await refused('NOT_FOUND', {
      name: 'Test-personw Li Na',
      roles: [{ title: 'Chair', organization: toGlobalId('Organization', `${PREFIX}-nowhere`), status: 'CURRENT' }],
    });
    expect(
      await refused('BAD_USER_INPUT', {
        name: 'Test-personw Li Na',
        roles: [{ title: 'Chair', status: 'FORMER', from: '2020-01-01', to: '2019-01-01' }],
      }),
    ).toBe('"input.roles[0].to" must not be before "from"');
  });
});
