import { seed } from '../../../src/ingest/ingest';
import { startTestServer, type TestServer } from '../../support/server';

describe('the HTTP service', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(() => server.close());

  it('answers /health while the process is up', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when Neo4j is reachable', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  });

  it('serves a GraphQL query over HTTP', async () => {
    const response = await server.graphql<{ sources: { totalCount: number; edges: { node: { title: string } }[] } }>(
      '{ sources(first: 5) { totalCount edges { node { title } } } }',
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.sources.edges.map((edge) => edge.node.title)).toContain(
      "Tech Talk: China's NEV boom needs software and charging pole boost",
    );
    expect(response.data?.sources.totalCount).toBeGreaterThanOrEqual(1);
  });
});
