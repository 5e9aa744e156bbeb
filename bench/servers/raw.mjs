// The floor: one hand-written Cypher query per operation through neo4j-driver, served over plain
// HTTP (POST {op, params}) so the load generator drives it like the GraphQL servers.
import http from 'node:http';

import neo4j from 'neo4j-driver';

import { openDriver } from '../lib/db.mjs';
import { OPERATIONS } from '../lib/operations.mjs';

/** JS numbers reach Cypher as floats; LIMIT needs integers. */
const typed = (params) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Number.isInteger(v) && k === 'first' ? neo4j.int(v) : v]),
  );

export async function createRawServer(port) {
  const driver = openDriver();
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const { op, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const { query, params: cypherParams } = OPERATIONS[op].raw(params);
        const result = await driver.executeQuery(query, typed(cypherParams), {
          database: 'neo4j',
          routing: neo4j.routing.READ,
        });
        const record = result.records[0];
        const data = record.has('data') ? record.get('data') : record.toObject();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data, extensions: { cypherQueries: 1 } }));
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, driver };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4102);
  await createRawServer(port);
  console.log(`raw Cypher on http://127.0.0.1:${port}/`);
}
