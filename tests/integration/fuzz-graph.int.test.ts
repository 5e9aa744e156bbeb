import { seed } from '../../src/ingest/ingest';
import { brokenInvariants, restore, snapshot } from '../fuzz/graph';
import { deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../support/neo4j';

/**
 * The fuzzer's graph checks (tests/fuzz/graph.ts) against the real Neo4j: the invariants hold on the
 * seeded graph and catch each kind of broken claim; restore deletes what was written after the
 * snapshot and nothing else.
 */

const PREFIX = 'test-fuzz-graph';
const SEED_SOURCE = 'cgtn-2024-03-19-nev-software-charging';

describe('fuzz graph checks', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
    await seed(db.executor);
  });
  afterAll(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.close();
  });
  afterEach(async () => {
    await deleteTestNodes(db.driver, PREFIX);
  });

  /** A claim in the seeded source with the given quote offsets, with or without its speaker and source link. */
  async function insertClaim(id: string, quote: { exact: string; start: number; end: number }, linked: boolean) {
    await db.driver.executeQuery(
      `MATCH (s:Source {id: $source}), (speaker:Person {id: 'miao-wei'})
       CREATE (c:Claim {id: $id, text: 'Test claim', kind: 'assessment', attribution: 'paraphrase', sourceId: $source,
                        quote: $quote.exact, quoteStart: toInteger($quote.start), quoteEnd: toInteger($quote.end)})
       FOREACH (_ IN CASE WHEN $linked THEN [1] ELSE [] END |
         CREATE (c)-[:APPEARS_IN]->(s) CREATE (c)-[:SAID_BY]->(speaker))`,
      { id, source: SEED_SOURCE, quote, linked },
    );
  }

  async function sliceOfSeedText(start: number, end: number): Promise<string> {
    const { records } = await db.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.text AS text', {
      id: SEED_SOURCE,
    });
    return Array.from(records[0]?.get('text') as string)
      .slice(start, end)
      .join('');
  }

  it('finds nothing broken in the seeded graph', async () => {
    const broken = await brokenInvariants(db.driver);
    expect(broken.filter((entry) => entry.ids.some((id) => !id.startsWith('test-')))).toEqual([]);
  });

  it('accepts a claim whose offsets slice to its quote in the body', async () => {
    const { records } = await db.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.bodyStart AS start', {
      id: SEED_SOURCE,
    });
    const start = (records[0]?.get('start') as number) + 10;
    await insertClaim(
      `${PREFIX}/good`,
      { exact: await sliceOfSeedText(start, start + 12), start, end: start + 12 },
      true,
    );
    const broken = await brokenInvariants(db.driver);
    expect(broken.flatMap((entry) => entry.ids)).not.toContain(`${PREFIX}/good`);
  });

  it('reports a claim without its source and speaker, and ones whose offsets are shifted or not integers', async () => {
    await insertClaim(`${PREFIX}/orphan`, { exact: 'x', start: 0, end: 1 }, false);
    const { records } = await db.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s.bodyStart AS start', {
      id: SEED_SOURCE,
    });
    const start = (records[0]?.get('start') as number) + 10;
    const shifted = await sliceOfSeedText(start + 1, start + 13);
    await insertClaim(`${PREFIX}/shifted`, { exact: shifted, start, end: start + 12 }, true);
    await insertClaim(
      `${PREFIX}/float`,
      { exact: await sliceOfSeedText(start, start + 12), start, end: start + 12 },
      true,
    );
    await db.driver.executeQuery('MATCH (c:Claim {id: $id}) SET c.quoteStart = toFloat(c.quoteStart)', {
      id: `${PREFIX}/float`,
    });
    const broken = await brokenInvariants(db.driver);
    const byInvariant = (words: string) => broken.find((entry) => entry.invariant.includes(words))?.ids ?? [];
    expect(byInvariant('appears in exactly one source')).toContain(`${PREFIX}/orphan`);
    expect(byInvariant('has its speaker')).toContain(`${PREFIX}/orphan`);
    expect(byInvariant('slice to its quote')).toEqual(expect.arrayContaining([`${PREFIX}/shifted`, `${PREFIX}/float`]));
  });

  it('restores the graph: what was written after the snapshot is deleted, nothing else', async () => {
    const counts = await graphCounts(db.driver);
    const before = await snapshot(db.driver);
    await insertClaim(`${PREFIX}/written`, { exact: 'x', start: 0, end: 1 }, true);
    await db.driver.executeQuery(
      "MATCH (a:Claim {id: $a}), (b:Claim {id: $b}) CREATE (a)-[:SUPPORTS {origin: 'api', addedBy: 'test'}]->(b)",
      { a: `${SEED_SOURCE}/about-2-4-nevs-per-charging-station-end-2023`, b: `${PREFIX}/written` },
    );
    expect(await restore(db.driver, before)).toEqual({ nodes: 1, relationships: 3 });
    expect(await graphCounts(db.driver)).toEqual(counts);
  });
});
