// Bulk loader (batched UNWIND writes), the ingestion-path loader (one source per transaction, the
// service's own writeSourceGraph), and the cleaner (batched deletes of every `bench-` node).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import neo4j from 'neo4j-driver';

import { PREFIX, shapeOf, sharedEntities, sourceGraph } from './generate.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (file) => require(path.join(root, 'dist', file));

/** Applies the service's constraints and indexes (needs `npm run build`). */
export async function migrate(driver) {
  const { migrate: run } = dist('db/migrations.js');
  const { Executor } = dist('db/executor.js');
  await run(new Executor(driver, 'neo4j'));
}

const Q = {
  places: `UNWIND $rows AS row MERGE (p:Place {id: row.id}) SET p += row {.name, .kind, .isoCode, .sameAs}`,
  organizations: `UNWIND $rows AS row MERGE (o:Organization {id: row.id}) SET o += row {.name, .fullName, .kind, .sameAs}`,
  orgLinks: `UNWIND $rows AS row MATCH (o:Organization {id: row.id})
    CALL (o, row) { MATCH (parent:Organization {id: row.partOfId}) MERGE (o)-[:PART_OF]->(parent) }
    CALL (o, row) { MATCH (country:Place {id: row.countryId}) MERGE (o)-[:BASED_IN]->(country) }`,
  people: `UNWIND $rows AS row MERGE (p:Person {id: row.id}) SET p += row {.name, .description, .sameAs}`,
  roles: `UNWIND $rows AS row MERGE (r:Role {id: row.id})
    SET r += row {.name, .title, .status}, r.from = date(row.from), r.to = date(row.to)
    WITH r, row MATCH (person:Person {id: row.personId}) MATCH (o:Organization {id: row.organizationId})
    MERGE (person)-[:HOLDS_ROLE]->(r) MERGE (r)-[:ROLE_AT]->(o)`,
  topics: `UNWIND $rows AS row MERGE (t:Topic {id: row.id}) SET t += row {.name, .description}
    WITH t, row CALL (t, row) { MATCH (b:Topic {id: row.broaderId}) MERGE (t)-[:SUBTOPIC_OF]->(b) }`,
  metrics: `UNWIND $rows AS row MERGE (m:Metric {id: row.id}) SET m += row {.name, .description, .unit}
    WITH m, row CALL (m, row) { MATCH (p:Place {id: row.placeId}) MERGE (m)-[:SCOPED_TO]->(p) }`,
  targets: `UNWIND $rows AS row MERGE (t:Target {id: row.id})
    SET t += row {.name, .comparator, .threshold, .unit, .deadlineLabel}, t.deadline = date(row.deadline)
    WITH t, row MATCH (m:Metric {id: row.metricId}) MERGE (t)-[:MEASURED_BY]->(m)
    WITH t, row MATCH (s:Place {id: row.setById}) MERGE (t)-[:SET_BY]->(s)
    WITH t, row CALL (t, row) { MATCH (p:Place {id: row.placeId}) MERGE (t)-[:FOR_PLACE]->(p) }`,
  sources: `UNWIND $rows AS row MATCH (publisher:Organization {id: row.publisherId})
    CREATE (s:Source)
    SET s += row {.id, .name, .title, .kind, .url, .publishedDateSource, .language, .text, .contentHash},
        s.length = toInteger(row.length), s.bodyStart = toInteger(row.bodyStart), s.bodyEnd = toInteger(row.bodyEnd),
        s.publishedDate = date(row.publishedDate), s.ingestedAt = datetime()
    CREATE (s)-[:PUBLISHED_BY]->(publisher)`,
  figures: `UNWIND $rows AS row
    MATCH (m:Metric {id: row.metricId}) MATCH (s:Source {id: row.sourceId})
    CREATE (f:Figure)
    SET f += row {.id, .name, .value, .unit, .qualifier, .periodLabel, .periodExpression, .periodRelative,
                  .periodWords, .sourceId, .quote, .quotePrefix, .quoteSuffix},
        f.quoteStart = toInteger(row.quoteStart), f.quoteEnd = toInteger(row.quoteEnd),
        f.periodStart = date(row.periodStart), f.periodEnd = date(row.periodEnd)
    CREATE (f)-[:MEASURES]->(m), (f)-[:REPORTED_IN]->(s)
    WITH f, row CALL (f, row) { MATCH (p:Place {id: row.placeId}) CREATE (f)-[:FOR_PLACE]->(p) }`,
  claims: `UNWIND $rows AS row
    MATCH (s:Source {id: row.sourceId}) MATCH (speaker:Person {id: row.speakerId})
    CREATE (c:Claim)
    SET c += row {.id, .name, .text, .kind, .attribution, .sourceId, .quote, .quotePrefix, .quoteSuffix},
        c.quoteStart = toInteger(row.quoteStart), c.quoteEnd = toInteger(row.quoteEnd)
    CREATE (c)-[:APPEARS_IN]->(s), (c)-[:SAID_BY]->(speaker)
    WITH c, row
    CALL (c, row) { MATCH (r:Role {id: row.roleId}) CREATE (c)-[:SPOKEN_AS]->(r) }
    CALL (c, row) { UNWIND row.figureIds AS id MATCH (f:Figure {id: id}) CREATE (c)-[:CITES]->(f) }
    CALL (c, row) { UNWIND row.metricIds AS id MATCH (m:Metric {id: id}) CREATE (c)-[:ABOUT_METRIC]->(m) }
    CALL (c, row) { UNWIND row.targetIds AS id MATCH (t:Target {id: id}) CREATE (c)-[:STATES]->(t) }
    CALL (c, row) { UNWIND row.topicIds AS id MATCH (t:Topic {id: id}) CREATE (c)-[:ABOUT]->(t) }`,
  evidence: `UNWIND $rows AS row MATCH (a:Claim {id: row.fromId}) MATCH (b:Claim {id: row.toId})
    CALL (a, b, row) { WITH * WHERE row.stance = 'SUPPORTS' CREATE (a)-[:SUPPORTS {origin: 'annotation'}]->(b) }
    CALL (a, b, row) { WITH * WHERE row.stance = 'CONTRADICTS' CREATE (a)-[:CONTRADICTS {origin: 'annotation'}]->(b) }`,
  reviews: `UNWIND $rows AS row MATCH (c:Claim {id: row.claimId})
    CREATE (r:Review)
    SET r += row {.id, .rating, .ratingLabel, .reviewer, .explanation, .url},
        r.name = row.ratingLabel + ' (' + row.reviewer + ')',
        r.datePublished = date(row.datePublished), r.createdAt = datetime()
    CREATE (r)-[:REVIEWS]->(c)`,
};

async function write(driver, query, rows) {
  if (rows.length === 0) return;
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.executeWrite((tx) => tx.run(query, { rows }));
  } finally {
    await session.close();
  }
}

/** Generated bench claims in the database, and whether the loaded size matches `size`. */
export async function benchState(driver) {
  const session = driver.session({ database: 'neo4j' });
  try {
    const result = await session.run(
      `OPTIONAL MATCH (m:Place {id: $marker}) WITH m
       CALL () { MATCH (c:Claim) WHERE c.id STARTS WITH $prefix RETURN count(c) AS claims }
       RETURN m.benchSize AS size, claims`,
      { marker: `${PREFIX}place-000`, prefix: PREFIX },
    );
    const record = result.records[0];
    return { size: record.get('size'), claims: Number(record.get('claims')) };
  } finally {
    await session.close();
  }
}

function progress(label, done, total, startedAt) {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = done / Math.max(seconds, 0.001);
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} claims, ${Math.round(rate)} claims/s   `,
  );
}

/** Loads `size` with batched UNWIND writes; returns { claims, seconds, claimsPerSecond }. */
export async function loadBulk(driver, size, { batchSources = 200 } = {}) {
  const shape = shapeOf(size);
  const shared = sharedEntities(shape);
  const startedAt = Date.now();
  const chunks = (rows, n = 2000) =>
    Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, (i + 1) * n));
  for (const [key, rows] of Object.entries(shared)) {
    for (const chunk of chunks(rows)) await write(driver, Q[key], chunk);
  }
  for (const chunk of chunks(shared.organizations)) await write(driver, Q.orgLinks, chunk);
  let done = 0;
  for (let first = 0; first < shape.sources; first += batchSources) {
    const count = Math.min(shape.sources, first + batchSources) - first;
    const graphs = Array.from({ length: count }, (_, i) => sourceGraph(shape, shared, first + i));
    // Sources first: figures and claims attach to them, evidence and reviews to the claims.
    await write(
      driver,
      Q.sources,
      graphs.map((g) => g.source),
    );
    for (const rows of ['figures', 'claims', 'evidence', 'reviews']) {
      await write(
        driver,
        Q[rows],
        graphs.flatMap((g) => g[rows]),
      );
    }
    done += graphs.reduce((n, g) => n + g.claims.length, 0);
    progress('bulk', done, shape.claims, startedAt);
  }
  process.stderr.write('\n');
  await markLoaded(driver, size);
  const seconds = (Date.now() - startedAt) / 1000;
  return { method: 'bulk UNWIND', batchSources, claims: done, seconds, claimsPerSecond: done / seconds };
}

async function markLoaded(driver, size) {
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (m:Place {id: $marker}) SET m.benchSize = $size', { marker: `${PREFIX}place-000`, size });
  } finally {
    await session.close();
  }
}

/**
 * The normal ingestion path: src/ingest/write-source-graph.ts, one source per transaction (plus its
 * reviews, which ingestion never writes). `limit` loads only the first sources, to time a sample.
 */
export async function loadViaIngestion(driver, size, { limit } = {}) {
  const { writeSourceGraph } = dist('ingest/write-source-graph.js');
  const { Executor } = dist('db/executor.js');
  const executor = new Executor(driver, 'neo4j');
  const shape = shapeOf(size);
  const shared = sharedEntities(shape);
  const count = Math.min(limit ?? shape.sources, shape.sources);
  const startedAt = Date.now();
  let done = 0;
  for (let i = 0; i < count; i += 1) {
    const graph = sourceGraph(shape, shared, i);
    const { reviews, ...sourceGraphOnly } = graph;
    await writeSourceGraph(executor, sourceGraphOnly);
    await write(driver, Q.reviews, reviews);
    done += graph.claims.length;
    if (i % 10 === 9 || i === count - 1) progress('ingestion path', done, count * 10, startedAt);
  }
  process.stderr.write('\n');
  // Targets are MERGEd per source by ingestion only when referenced; load the rest like bulk does.
  if (count === shape.sources) await markLoaded(driver, size);
  const seconds = (Date.now() - startedAt) / 1000;
  return {
    method: 'ingestion path (one source per transaction)',
    claims: done,
    seconds,
    claimsPerSecond: done / seconds,
  };
}

/** Deletes every node whose id starts with `bench-`, in batches (so the heap never holds it all). */
export async function clean(driver, { batch = 10_000 } = {}) {
  const session = driver.session({ database: 'neo4j' });
  let deleted = 0;
  const startedAt = Date.now();
  try {
    const labels = [
      'Review',
      'Claim',
      'Figure',
      'Projection',
      'Source',
      'Role',
      'Person',
      'Target',
      'Metric',
      'Topic',
      'Organization',
      'Place',
    ];
    for (const label of labels) {
      for (;;) {
        const result = await session.run(
          `MATCH (n:${label}) WHERE n.id STARTS WITH $prefix WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n`,
          { prefix: PREFIX, batch: neo4j.int(batch) },
        );
        const n = Number(result.records[0].get('n'));
        deleted += n;
        if (n === 0) break;
        process.stderr.write(`\r  clean: ${deleted} nodes deleted   `);
      }
    }
  } finally {
    await session.close();
  }
  process.stderr.write('\n');
  return { deleted, seconds: (Date.now() - startedAt) / 1000 };
}
