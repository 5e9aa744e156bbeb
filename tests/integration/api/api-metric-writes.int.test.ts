import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf } from '../../support/api';
import { deleteTestNodes, graphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../../support/server';
import { insertPlace } from '../../support/test-graph';

/** addMetric: a metric scoped to a place; an existing id or a missing place writes nothing. */

const PREFIX = 'test-metricw';
const ADD = `mutation ($input: AddMetricInput!) { addMetric(input: $input) { id name unit description place { id } } }`;

describe('addMetric', () => {
  let server: TestServer;

  const add = (input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) =>
    server.graphql<{ addMetric: Record<string, unknown> }>(ADD, { input }, token ? { token } : {});

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await insertPlace(server.db.driver, { id: `${PREFIX}-china`, name: 'Test China' });
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('adds a metric scoped to a place', async () => {
    const before = await graphCounts(server.db.driver);
    const input = {
      name: 'Test-metricw NEV sales',
      description: 'New-energy vehicles sold in a year.',
      unit: 'vehicles',
      place: toGlobalId('Place', `${PREFIX}-china`),
    };
    expect(dataOf(await add(input)).addMetric).toEqual({
      id: toGlobalId('Metric', 'test-metricw-nev-sales'),
      name: 'Test-metricw NEV sales',
      unit: 'vehicles',
      description: 'New-energy vehicles sold in a year.',
      place: { id: toGlobalId('Place', `${PREFIX}-china`) },
    });
    expect(await graphCounts(server.db.driver)).toEqual({
      nodes: before.nodes + 1,
      relationships: before.relationships + 1,
    });
  });

  it('refuses an existing metric, a missing place and anonymous callers, writing nothing', async () => {
    const before = await graphCounts(server.db.driver);
    const existing = await add({ name: 'test-metricw NEV Sales', description: 'Again.', unit: 'vehicles' });
    expect(codeOf(existing)).toBe('BAD_USER_INPUT');
    expect(existing.errors?.[0]?.message).toBe(
      'a metric with the id "test-metricw-nev-sales" already exists; use it instead',
    );
    const nowhere = await add({
      name: 'Test-metricw Exports',
      description: 'Exported vehicles.',
      unit: 'vehicles',
      place: toGlobalId('Place', `${PREFIX}-nowhere`),
    });
    expect(codeOf(nowhere)).toBe('NOT_FOUND');
    expect(codeOf(await add({ name: 'Test-metricw Fleet', description: 'Fleet.', unit: 'vehicles' }, null))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await graphCounts(server.db.driver)).toEqual(before);
  });
});
