import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { provenanceScenario } from '../../support/provenance-scenario';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../../support/server';

/** linkProvenance: an editor records who produced or relayed data and what a source republishes or cites. */

const PREFIX = 'test-linkp';
const scenario = provenanceScenario(PREFIX);
const gid = (type: string, name: string) => toGlobalId(type, scenario.id(name));
const LINK = `mutation ($input: LinkProvenanceInput!) {
  linkProvenance(input: $input) { relation position from { __typename id } to { __typename id } }
}`;

describe('linkProvenance', () => {
  let server: TestServer;

  const link = (input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) =>
    server.graphql<{ linkProvenance: Record<string, unknown> }>(LINK, { input }, token ? { token } : {});

  async function refused(code: string, input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) {
    const before = await graphCounts(server.db.driver);
    const response = await link(input, token);
    expect(codeOf(response)).toBe(code);
    expect(await graphCounts(server.db.driver)).toEqual(before);
    return response.errors?.[0]?.message;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await scenario.build(server.db.driver);
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('records a producer, after which the claim rests on its data; linking again changes nothing', async () => {
    const input = { from: gid('Claim', 'claim-plain'), relation: 'PRODUCED_BY', to: gid('Organization', 'ministry') };
    const before = await graphCounts(server.db.driver);
    expect(dataOf(await link(input)).linkProvenance).toEqual({
      relation: 'PRODUCED_BY',
      position: null,
      from: { __typename: 'Claim', id: gid('Claim', 'claim-plain') },
      to: { __typename: 'Organization', id: gid('Organization', 'ministry') },
    });
    expect(await graphCounts(server.db.driver)).toEqual({ ...before, relationships: before.relationships + 1 });
    dataOf(await link(input));
    expect(await graphCounts(server.db.driver)).toEqual({ ...before, relationships: before.relationships + 1 });
    const based = dataOf(
      await server.graphql<{ claims: { edges: { node: { id: string } }[] } }>(
        'query ($of: ID!) { claims(filter: { basedOnDataOf: $of }) { edges { node { id } } } }',
        { of: gid('Organization', 'ministry') },
      ),
    );
    expect(based.claims.edges.map((edge) => edge.node.id)).toEqual(
      [gid('Claim', 'claim-plain'), gid('Claim', 'claim-ratio')].sort(),
    );
  });

  it('appends a relay after those recorded, and records republications and citations', async () => {
    const relayed = await link({
      from: gid('Figure', 'sales-agency'),
      relation: 'RELAYED_BY',
      to: gid('Organization', 'agency'),
    });
    expect(dataOf(relayed).linkProvenance).toMatchObject({ relation: 'RELAYED_BY', position: 1 });
    const figure = dataOf(
      await server.graphql<{ figure: { relayedBy: { id: string }[] } }>(
        'query ($id: ID!) { figure(id: $id) { relayedBy { id } } }',
        { id: gid('Figure', 'sales-agency') },
      ),
    );
    expect(figure.figure.relayedBy).toEqual([{ id: gid('Person', 'analyst') }, { id: gid('Organization', 'agency') }]);
    const cites = await link({
      from: gid('Source', 'paper-article'),
      relation: 'CITES',
      to: gid('Source', 'fleet-data'),
    });
    expect(dataOf(cites).linkProvenance).toMatchObject({ relation: 'CITES', to: { id: gid('Source', 'fleet-data') } });
  });

  it('refuses a second producer, a self-link and a loop of republications, writing nothing', async () => {
    expect(
      await refused('BAD_USER_INPUT', {
        from: gid('Figure', 'sales-paper'),
        relation: 'PRODUCED_BY',
        to: gid('Organization', 'ministry'),
      }),
    ).toBe(`the data already has a producer (id ${PREFIX}-association); a figure or claim has one producer`);
    expect(
      await refused('BAD_USER_INPUT', {
        from: gid('Source', 'agency-report'),
        relation: 'REPUBLISHES',
        to: gid('Source', 'agency-report'),
      }),
    ).toBe('a node cannot be linked to itself');
    expect(
      await refused('BAD_USER_INPUT', {
        from: gid('Source', 'agency-report'),
        relation: 'REPUBLISHES',
        to: gid('Source', 'paper-article'),
      }),
    ).toBe('the link would close a loop of republications or citations');
  });

  it('refuses ends of the wrong type, missing nodes, a position off a relay chain and anonymous callers', async () => {
    expect(
      await refused('BAD_USER_INPUT', {
        from: gid('Claim', 'claim-plain'),
        relation: 'PRODUCED_BY',
        to: gid('Person', 'analyst'),
      }),
    ).toBe('"input.to" must be the id of a Organization or Source, not of a Person');
    await refused('NOT_FOUND', {
      from: gid('Figure', 'no-such-figure'),
      relation: 'PRODUCED_BY',
      to: gid('Organization', 'ministry'),
    });
    await refused('NOT_FOUND', {
      from: gid('Figure', 'sales-paper'),
      relation: 'RELAYED_BY',
      to: gid('Person', 'nobody'),
    });
    await refused('BAD_USER_INPUT', {
      from: gid('Source', 'paper-article'),
      relation: 'CITES',
      to: gid('Source', 'charging-data'),
      position: 2,
    });
    await refused(
      'UNAUTHENTICATED',
      { from: gid('Source', 'paper-article'), relation: 'CITES', to: gid('Source', 'charging-data') },
      null,
    );
  });
});
