import { migrate, moveClaimSourceIds } from '../../src/db/migrations';
import { deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../support/neo4j';

const PREFIX = 'test-migrations';
const SOURCE = `${PREFIX}-source`;

/**
 * The graph as the previous version wrote it (commit 4d5415a): every claim carried its source
 * twice, as a `sourceId` property (indexed by claim_source_id) and as an APPEARS_IN relationship.
 * Written here with that version's shape; the migration must leave only the relationship.
 */
const OLD_SHAPE = `
  CREATE INDEX claim_source_id IF NOT EXISTS FOR (n:Claim) ON (n.sourceId)`;
const OLD_CLAIMS = `
  CREATE (s:Source {id: $source, name: 'Harbour ferry timetable', title: 'Harbour ferry timetable'})
  CREATE (linked:Claim {id: $source + '/linked', sourceId: $source, text: 'Ferries run every 20 minutes.'})
  CREATE (linked)-[:APPEARS_IN]->(s)
  CREATE (:Claim {id: $source + '/unlinked', sourceId: $source, text: 'The Øresund line adds a stop.'})
  CREATE (:Claim {id: $source + '/orphan', sourceId: $source + '-gone', text: 'A claim whose source was deleted.'})`;

describe('migrations: claim sources stored once', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
    await deleteTestNodes(db.driver, PREFIX);
  });

  afterAll(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.close();
  });

  const claims = async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (c:Claim) WHERE c.id STARTS WITH $prefix
       RETURN c.id AS id, c.sourceId AS sourceId,
              COLLECT { MATCH (c)-[:APPEARS_IN]->(s:Source) RETURN s.id } AS sources
       ORDER BY id`,
      { prefix: PREFIX },
    );
    return records.map((record) => record.toObject());
  };
  const hasIndex = async (name: string) =>
    (await db.driver.executeQuery('SHOW INDEXES YIELD name WHERE name = $name RETURN name', { name })).records.length >
    0;

  it('links each claim of a graph of the previous version to its source once and drops sourceId', async () => {
    await db.driver.executeQuery(OLD_SHAPE);
    await db.driver.executeQuery(OLD_CLAIMS, { source: SOURCE });
    expect(await hasIndex('claim_source_id')).toBe(true);

    await migrate(db.executor);

    expect(await claims()).toEqual([
      { id: `${SOURCE}/linked`, sourceId: null, sources: [SOURCE] },
      { id: `${SOURCE}/orphan`, sourceId: null, sources: [] },
      { id: `${SOURCE}/unlinked`, sourceId: null, sources: [SOURCE] },
    ]);
    expect(await hasIndex('claim_source_id')).toBe(false);
  });

  it('changes nothing when run again', async () => {
    const before = await graphCounts(db.driver);
    await migrate(db.executor);
    expect(await graphCounts(db.driver)).toEqual(before);
    expect(await moveClaimSourceIds(db.executor)).toBe(0);
  });

  it('converts in batches until no claim is left', async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.driver.executeQuery(OLD_CLAIMS, { source: SOURCE });
    expect(await moveClaimSourceIds(db.executor, 1)).toBe(3);
    expect((await claims()).map((claim) => [claim.sourceId, claim.sources])).toEqual([
      [null, [SOURCE]],
      [null, []],
      [null, [SOURCE]],
    ]);
  });
});
