import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { insertOrganization } from '../../support/test-graph';

/**
 * addOrganization: an editor adds the publisher of an independent source; a near-duplicate of an
 * existing organisation (case, punctuation, accents, a letter or two) is refused with
 * BAD_USER_INPUT naming the existing one, and nothing is written on any error.
 */

const PREFIX = 'test-orgw';
const ADD = `mutation ($input: AddOrganizationInput!) {
  addOrganization(input: $input) { id name fullName kind sameAs }
}`;

describe('addOrganization', () => {
  let server: TestServer;

  const add = (input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) =>
    server.graphql<{ addOrganization: { id: string; name: string } }>(ADD, { input }, token ? { token } : {});

  /** Runs `attempt`, expects it to fail with `code`, and the graph to be unchanged. */
  async function refused(code: string, attempt: () => ReturnType<typeof add>) {
    const before = await graphCounts(server.db.driver);
    const response = await attempt();
    expect(codeOf(response)).toBe(code);
    expect(response.data?.addOrganization ?? null).toBeNull();
    expect(await graphCounts(server.db.driver)).toEqual(before);
    return response.errors?.[0]?.message;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await insertOrganization(server.db.driver, {
      id: `${PREFIX}-association`,
      name: 'Test Carmakers Association Ōsaka',
      fullName: 'Test Association of Automobile Manufacturers of Ōsaka',
    });
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('adds an organisation with an id from its name, readable at once', async () => {
    const before = await graphCounts(server.db.driver);
    const created = dataOf(
      await add({
        name: 'Test-orgw Statistics Bureau',
        fullName: 'Test-orgw National Bureau of Statistics',
        kind: 'statistics office',
        sameAs: ['https://www.wikidata.org/wiki/Q1'],
      }),
    ).addOrganization;
    expect(created).toEqual({
      id: toGlobalId('Organization', 'test-orgw-statistics-bureau'),
      name: 'Test-orgw Statistics Bureau',
      fullName: 'Test-orgw National Bureau of Statistics',
      kind: 'statistics office',
      sameAs: ['https://www.wikidata.org/wiki/Q1'],
    });
    expect(await graphCounts(server.db.driver)).toEqual({ ...before, nodes: before.nodes + 1 });
    const read = await server.graphql<{ node: { name: string } }>(
      'query ($id: ID!) { node(id: $id) { ... on Organization { name } } }',
      {
        id: created.id,
      },
    );
    expect(dataOf(read).node).toEqual({ name: 'Test-orgw Statistics Bureau' });
  });

  it('refuses a near-duplicate name, naming the existing organisation', async () => {
    const existing = `"Test Carmakers Association Ōsaka" (id ${PREFIX}-association)`;
    for (const name of [
      'test carmakers association osaka',
      'Test Carmakers’ Association, Osaka',
      'Test Carmaker Association Ōsaka',
    ]) {
      const message = await refused('BAD_USER_INPUT', () => add({ name, kind: 'association' }));
      expect(message).toContain(`an organization like this already exists: ${existing}`);
    }
    // Through the full name too.
    const message = await refused('BAD_USER_INPUT', () =>
      add({
        name: 'Test OAAM',
        fullName: 'Test Association of Automobile Manufacturers of Osaka',
        kind: 'association',
      }),
    );
    expect(message).toContain(existing);
  });

  it('refuses anonymous callers, empty or symbol-only names and bad URLs, writing nothing', async () => {
    await refused('UNAUTHENTICATED', () => add({ name: 'Test-orgw Anonymous', kind: 'association' }, null));
    expect(await refused('BAD_USER_INPUT', () => add({ name: '   ', kind: 'association' }))).toBe(
      '"input.name" must not be empty',
    );
    expect(await refused('BAD_USER_INPUT', () => add({ name: '—', kind: 'association' }))).toBe(
      '"input.name" must contain a letter or a digit',
    );
    await refused('BAD_USER_INPUT', () => add({ name: 'Test-orgw Ftp', kind: 'x', sameAs: ['ftp://example.org'] }));
  });

  it('lets a reviewer add one too (a reviewer may do what an editor may)', async () => {
    const response = await add({ name: 'Test-orgw Reviewer Body', kind: 'institute' }, REVIEWER_TOKEN);
    expect(dataOf(response).addOrganization.name).toBe('Test-orgw Reviewer Body');
  });
});
