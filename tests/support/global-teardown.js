const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalTeardown() {
  if (!globalThis.__NEO4J_STARTED_BY_TESTS__) return;
  spawnSync(process.execPath, [path.resolve(__dirname, '..', '..', 'scripts', 'neo4j.mjs'), 'stop'], {
    stdio: 'inherit',
  });
};
