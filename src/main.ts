import 'reflect-metadata';

import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { Driver } from 'neo4j-driver';

import { ConfigError, DEFAULT_LOCAL_PASSWORD, loadConfig, type Config } from './config';
import { createDriver } from './db/driver';
import { Executor } from './db/executor';
import { createServiceSchema } from './federation';
import { migrate } from './db/migrations';
import { seed } from './ingest/ingest';
import { logger } from './logger';
import { startServer, type App } from './server';

const NEO4J_SCRIPT = path.resolve(__dirname, '..', 'scripts', 'neo4j.mjs');

/** Where to find what was just started, for a person at the terminal. */
function printAddresses(app: App, config: Config): void {
  const credentials =
    config.neo4j.isLocal && config.neo4j.password === DEFAULT_LOCAL_PASSWORD
      ? `user "${config.neo4j.user}", password "${config.neo4j.password}" (development default)`
      : `user "${config.neo4j.user}" and NEO4J_PASSWORD`;
  console.log(
    [
      '',
      `  GraphQL        ${app.url}/graphql   (GraphiQL in a browser, also at ${app.url}/ide)`,
      `  Explorer       ${app.url}/explore`,
      `  Health         ${app.url}/health   Readiness ${app.url}/ready`,
      config.neo4j.isLocal
        ? '  Neo4j Browser  http://127.0.0.1:7474/browser/  (connect to bolt://127.0.0.1:7687)'
        : `  Neo4j          ${config.neo4j.uri}`,
      `  Neo4j login    ${credentials}`,
      '',
    ].join('\n'),
  );
}

/**
 * First signal: /ready turns 503 and requests are still served for DRAIN_DELAY_MS, then the port
 * closes, the requests in flight finish, the driver closes and the process exits 0 (1 if draining
 * failed). A second signal while draining exits at once. Restarting is the supervisor's job
 * (docs/scaling.md).
 */
function stopOnSignals(app: App, driver: Driver, config: Config): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal, drainDelayMs: config.drainDelayMs });
    let code = 0;
    try {
      await app.close();
    } catch (error) {
      logger.error('shutdown did not drain cleanly', { error });
      code = 1;
    } finally {
      await driver.close();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * `npm start`: with NEO4J_URI unset, starts (or reuses) the project's own Neo4j; then applies
 * the schema migrations, loads seed/ (idempotent), and serves GraphQL.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j.isLocal && !process.argv.includes('--no-local-neo4j')) {
    const started = spawnSync(process.execPath, [NEO4J_SCRIPT, 'start'], { stdio: 'inherit' });
    if (started.status !== 0) throw new Error('the local Neo4j did not start (see above)');
  }
  const driver = createDriver(config.neo4j);
  const executor = new Executor(driver, config.neo4j.database, { timeoutMs: config.neo4j.transactionTimeoutMs });
  await migrate(executor);
  const seeded = await seed(executor);
  logger.info('seed loaded', { sources: seeded.map((summary) => summary.sourceKey) });
  const schema = await createServiceSchema(config);
  const app = await startServer({ config, executor, schema });
  printAddresses(app, config);
  stopOnSignals(app, driver, config);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
