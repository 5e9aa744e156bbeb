/**
 * The service in a child process for the load test (tests/integration/reliability/reliability-load.int.test.ts),
 * so its memory is measured alone: run with --expose-gc and an IPC channel. It sends
 * { url } once listening; on 'memory' it collects garbage and sends process.memoryUsage().
 */
import 'reflect-metadata';

import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/db/driver';
import { Executor } from '../../src/db/executor';
import { createSchema } from '../../src/schema';
import { startServer } from '../../src/server';

async function main(): Promise<void> {
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test' }), host: '127.0.0.1' };
  const driver = createDriver(config.neo4j);
  const app = await startServer({
    config,
    executor: new Executor(driver, config.neo4j.database),
    schema: await createSchema(),
    port: 0,
  });
  process.on('message', (message) => {
    if (message === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      process.send?.({ memory: process.memoryUsage() });
    } else if (message === 'stop') {
      void app
        .close()
        .then(() => driver.close())
        .then(() => process.exit(0));
    }
  });
  process.send?.({ url: app.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
