// npm run bench:load -- --size small|medium|large [--via ingestion] [--limit N] [--force]
// npm run bench:clean
import { parseArgs } from 'node:util';

import { build, ensureNeo4j, openDriver } from './lib/db.mjs';
import { benchState, clean, loadBulk, loadViaIngestion, migrate } from './lib/load.mjs';
import { shapeOf } from './lib/generate.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    via: { type: 'string', default: 'bulk' },
    limit: { type: 'string' },
    force: { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
    batch: { type: 'string', default: '200' },
  },
});

ensureNeo4j();
build();
const driver = openDriver();
try {
  if (values.clean) {
    console.log(JSON.stringify(await clean(driver)));
  } else {
    const shape = shapeOf(values.size);
    await migrate(driver);
    const state = await benchState(driver);
    if (!values.force && state.size === values.size && state.claims === shape.claims) {
      console.log(`bench data "${values.size}" already loaded (${state.claims} claims)`);
    } else {
      if (state.claims > 0 || state.size) await clean(driver);
      const result =
        values.via === 'ingestion'
          ? await loadViaIngestion(driver, values.size, { limit: values.limit ? Number(values.limit) : undefined })
          : await loadBulk(driver, values.size, { batchSources: Number(values.batch) });
      console.log(JSON.stringify({ size: values.size, ...result }));
    }
  }
} finally {
  await driver.close();
}
