import { loadConfig } from '../../../src/config';
import { createDriver } from '../../../src/db/driver';
import { Executor } from '../../../src/db/executor';
import { createSchema } from '../../../src/schema';
import { startServer, type App } from '../../../src/server';

/**
 * The service against a Neo4j address where nothing listens (a real refused connection, not a
 * stand-in): reads fail fast with SERVICE_UNAVAILABLE, /ready says 503, /health stays 200.
 * Recovery after Neo4j comes back belongs to the reliability tests.
 */
describe('when Neo4j cannot be reached', () => {
  const config = {
    ...loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_MAX_RETRY_MS: '300', NODE_ENV: 'test' }),
    host: '127.0.0.1',
  };
  const driver = createDriver(config.neo4j);
  let app: App;

  beforeAll(async () => {
    app = await startServer({
      config,
      executor: new Executor(driver, config.neo4j.database),
      schema: await createSchema(),
      port: 0,
    });
  });
  afterAll(async () => {
    await app.close();
    await driver.close();
  });

  it('answers queries with SERVICE_UNAVAILABLE, quickly and without details', async () => {
    const started = Date.now();
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ claims(first: 1) { edges { node { text } } } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1:1|ECONNREFUSED|Neo4jError|stack/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports 503 on /ready with a JSON reason, while /health stays 200', async () => {
    const ready = await fetch(`${app.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: 'Neo4j is not reachable' });
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
