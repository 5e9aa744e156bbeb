// Makes `npm test` self-sufficient: with NEO4J_URI unset and nothing answering on the local
// Bolt port, it starts the project's Neo4j and remembers to stop it afterwards.
const { spawnSync } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function boltAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 7687 });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

module.exports = async function globalSetup() {
  if (process.env.NEO4J_URI || (await boltAnswers())) return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'neo4j.mjs'), 'start'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not start Neo4j for the integration tests (see above)');
  globalThis.__NEO4J_STARTED_BY_TESTS__ = true;
};
