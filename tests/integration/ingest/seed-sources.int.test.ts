import { annotationFiles, FULL_SEED, loadAnnotation, seed, SEED_SOURCES_DIRECTORY } from '../../../src/ingest/ingest';
import type { SourceGraph } from '../../../src/ingest/source-graph';
import { openTestDatabase, type TestDatabase } from '../../support/neo4j';
import { SEED_FILE } from '../../support/seed-data';

/**
 * The multi-source seed (seed/sources/): datasets recorded by their facts, a derived figure
 * recomputed from two of them, an agency report relaying CAAM data with an independent analyst,
 * and a republication of it. Other tests pin the CGTN interview alone, so this one removes what it
 * added (the sources, what they own, and the entities only they use) when it is done.
 */
const entityKeys = (graph: SourceGraph): string[] =>
  [graph.places, graph.organizations, graph.people, graph.roles, graph.topics, graph.metrics].flatMap((rows) =>
    rows.map((row) => row.key),
  );

describe('the multi-source seed', () => {
  let db: TestDatabase;
  let sourceKeys: string[];
  let addedEntityKeys: string[];

  const rows = async (query: string, params: Record<string, unknown> = {}) =>
    (await db.driver.executeQuery(query, params)).records.map((record) => record.toObject());

  beforeAll(async () => {
    db = await openTestDatabase();
    const cgtn = await loadAnnotation(SEED_FILE);
    const graphs = await Promise.all(
      (await annotationFiles(SEED_SOURCES_DIRECTORY)).map(async (file) => (await loadAnnotation(file)).graph),
    );
    sourceKeys = graphs.map((graph) => graph.source.key);
    const cgtnEntities = new Set(entityKeys(cgtn.graph));
    addedEntityKeys = [...new Set(graphs.flatMap(entityKeys))].filter((key) => !cgtnEntities.has(key));
    await seed(db.executor, FULL_SEED);
  });

  afterAll(async () => {
    await db.driver.executeQuery(
      `MATCH (s:Source) WHERE s.id IN $sourceKeys
       OPTIONAL MATCH (owned) WHERE (owned:Figure OR owned:Projection) AND owned.sourceId = s.id
       OPTIONAL MATCH (claim:Claim)-[:APPEARS_IN]->(s)
       DETACH DELETE owned, claim, s`,
      { sourceKeys },
    );
    await db.driver.executeQuery('MATCH (n) WHERE n.id IN $keys DETACH DELETE n', { keys: addedEntityKeys });
    await db.close();
  });

  it('records datasets by their facts: no text, figures with locators and their producer', async () => {
    const [caam] = await rows(
      `MATCH (s:Source {id: 'caam-2024-annual'})-[:PUBLISHED_BY]->(publisher)
       MATCH (f:Figure {id: 'caam-2024-annual/nev-share-2024'})-[:PRODUCED_BY]->(producer)
       RETURN s.referenceOnly AS referenceOnly, s.text AS text, s.kind AS kind, publisher.id AS publisher,
              s.url AS url, f.locator AS locator, f.decimal AS decimal, producer.id AS producer`,
    );
    expect(caam).toEqual({
      referenceOnly: true,
      text: null,
      kind: 'dataset',
      publisher: 'caam',
      url: 'http://en.people.cn/n3/2025/0114/c90000-20265719.html',
      locator: 'annual data, NEV share of new vehicle sales',
      decimal: '40.9',
      producer: 'caam',
    });
  });

  it('derives NEVs per charging point from the MPS fleet and the MIIT charging points, in order', async () => {
    const [derived] = await rows(
      `MATCH (f:Figure {id: 'nevs-per-charging-point-2023/nevs-per-charging-point-end-2023'})-[input:DERIVED_FROM]->(i)
       WITH f, input, i ORDER BY input.position
       RETURN f.kind AS kind, f.operation AS operation, f.decimal AS decimal, collect(i.decimal) AS inputs`,
    );
    expect(derived).toEqual({ kind: 'derived', operation: 'ratio', decimal: '2.37', inputs: ['20410000', '8596000'] });
  });

  it('chains the republication to the report and the report to the CAAM data', async () => {
    const [chain] = await rows(
      `MATCH (lakeside:Source {id: 'lakeside-daily-2025-01-15-nev-boom'})-[:REPUBLISHES]->(meridian:Source)
       MATCH (meridian)-[:CITES]->(caam:Source {id: 'caam-2024-annual'})
       MATCH (wrong:Figure {id: 'lakeside-daily-2025-01-15-nev-boom/nev-share-2024'})-[:RELAYED_BY {position: 0}]->(meridian)
       MATCH (wrong)-[:PRODUCED_BY]->(caam)
       MATCH (official:Figure {id: 'caam-2024-annual/nev-share-2024'})
       RETURN meridian.id AS meridian, wrong.decimal AS republished, official.decimal AS official`,
    );
    expect(chain).toEqual({ meridian: 'meridian-wire-2025-01-14-nev-sales-2024', republished: '49', official: '40.9' });
  });

  it('stores a percentage-point change of the share, linked to its level, and an independent role', async () => {
    const [change] = await rows(
      `MATCH (c:Figure {id: 'meridian-wire-2025-01-14-nev-sales-2024/nev-share-change-2024'})-[:CHANGE_OF]->(level)
       MATCH (c)-[:MEASURES]->(metric)
       MATCH (:Person {id: 'zhou-lan'})-[:HOLDS_ROLE]->(role:Role)
       RETURN c.changeType AS type, c.unit AS unit, c.basePeriodLabel AS base, level.decimal AS level,
              metric.id AS metric, EXISTS { (role)-[:ROLE_AT]->() } AS employed`,
    );
    expect(change).toEqual({
      type: 'percentage-points',
      unit: 'percentage points',
      base: '2023',
      level: '40.9',
      metric: 'nev-share-of-new-car-sales',
      employed: false,
    });
  });

  it('agrees and disagrees with the CGTN figures: same metric, place and period', async () => {
    const found = await rows(
      `MATCH (cgtn:Figure {sourceId: 'cgtn-2024-03-19-nev-software-charging'})-[:MEASURES]->(m)<-[:MEASURES]-(other:Figure)
       WHERE other.sourceId <> cgtn.sourceId AND other.periodLabel = cgtn.periodLabel AND other.changeType IS NULL
       RETURN m.id AS metric, cgtn.value AS cgtn, other.decimal AS other ORDER BY metric, other`,
    );
    expect(found).toEqual([
      { metric: 'nev-exports-growth', cgtn: 77, other: '77.6' },
      { metric: 'nev-exports-growth', cgtn: 77, other: '77.6' },
      { metric: 'nev-share-of-new-car-sales', cgtn: 31, other: '31.6' },
      { metric: 'nevs-per-charging-station', cgtn: 2.4, other: '2.37' },
    ]);
  });
});
