import { seed } from '../../../src/ingest/ingest';
import { startTestServer, type TestServer } from '../../support/server';

describe('GET /metrics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(() => server.close());

  it('reports operations by name and outcome, Cypher statements by query name, batch sizes, pool usage and process metrics', async () => {
    await server.graphql('query MetricsProbe { claims(first: 5) { edges { node { speaker { name } } } } }', undefined, {
      operationName: 'MetricsProbe',
    });
    await server.graphql('query MetricsMissing { claim(id: "bm90LWFuLWlk") { text } }', undefined, {
      operationName: 'MetricsMissing',
    });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/graphql_request_duration_seconds_count\{operation="MetricsProbe",outcome="ok"\} 1/);
    expect(text).toMatch(
      /graphql_request_duration_seconds_count\{operation="MetricsMissing",outcome="BAD_USER_INPUT"\} 1/,
    );
    expect(text).toMatch(/cypher_query_duration_seconds_count\{query="claim\.pages",mode="READ",outcome="ok"\} [1-9]/);
    expect(text).toMatch(
      /cypher_query_duration_seconds_count\{query="claim\.speaker",mode="READ",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(/dataloader_batch_size_count [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    // Driver pool usage: the configured size and the transactions holding (or waiting for) a connection.
    expect(text).toContain(`neo4j_connection_pool_max_size ${server.config.neo4j.maxPoolSize}`);
    expect(text).toMatch(/neo4j_transactions_in_flight\{mode="READ"\} 0/);
    expect(text).toMatch(/neo4j_transactions_in_flight\{mode="WRITE"\} 0/);
  });
});
