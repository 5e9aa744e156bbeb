import { cypher, type CypherQuery, type Executor } from './executor';

export const UNIQUE_ID_LABELS = [
  'Source',
  'Organization',
  'Person',
  'Role',
  'VirtualPresenter',
  'Place',
  'Topic',
  'Metric',
  'Figure',
  'Target',
  'Projection',
  'Claim',
  'Review',
  'Revision',
] as const;

/**
 * The graph's schema, applied at every start. Each statement is idempotent (IF NOT EXISTS),
 * so running them again is a no-op; names are stable so a changed definition needs a new name.
 */
export const MIGRATIONS: readonly CypherQuery[] = [
  ...UNIQUE_ID_LABELS.map((label) =>
    cypher(
      `migrate.unique${label}Id`,
      `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
  ),
  // Ingestion finds the figures and projections a source owns by sourceId (claims by APPEARS_IN).
  ...(['Figure', 'Projection'] as const).map((label) =>
    cypher(
      `migrate.index${label}SourceId`,
      `CREATE INDEX ${label.toLowerCase()}_source_id IF NOT EXISTS FOR (n:${label}) ON (n.sourceId)`,
    ),
  ),
  // Name-ordered lists (people, organizations, metrics) page along these indexes.
  ...(['Person', 'Organization', 'Metric'] as const).map((label) =>
    cypher(
      `migrate.index${label}Name`,
      `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`,
    ),
  ),
  cypher(
    'migrate.indexSourcePublished',
    'CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.publishedDate)',
  ),
  cypher('migrate.indexTargetDeadline', 'CREATE INDEX target_deadline IF NOT EXISTS FOR (n:Target) ON (n.deadline)'),
  // The outbox (src/events/outbox.ts): one sequence node; events are read by seq ranges.
  cypher(
    'migrate.uniqueOutboxSequence',
    'CREATE CONSTRAINT outbox_sequence_id_unique IF NOT EXISTS FOR (n:OutboxSequence) REQUIRE n.id IS UNIQUE',
  ),
  cypher(
    'migrate.uniqueOutboxEventSeq',
    'CREATE CONSTRAINT outbox_event_seq_unique IF NOT EXISTS FOR (n:OutboxEvent) REQUIRE n.seq IS UNIQUE',
  ),
  // History (docs/model.md#versions-and-history): a node's revisions by subject, and the one valid
  // at a moment (asOf) by a range seek on recordedAt.
  cypher(
    'migrate.indexRevisionSubject',
    'CREATE INDEX revision_subject_recorded IF NOT EXISTS FOR (n:Revision) ON (n.subjectId, n.recordedAt)',
  ),
  cypher('migrate.indexClaimKind', 'CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind)'),
  cypher('migrate.indexFigurePeriod', 'CREATE INDEX figure_period IF NOT EXISTS FOR (n:Figure) ON (n.periodStart)'),
  cypher(
    'migrate.fulltextClaims',
    'CREATE FULLTEXT INDEX claim_search IF NOT EXISTS FOR (n:Claim) ON EACH [n.text, n.quote]',
  ),
  cypher(
    'migrate.fulltextEntities',
    `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
     FOR (n:Person|Organization|VirtualPresenter|Topic|Metric|Place|Source) ON EACH [n.name, n.description]`,
  ),
];

/**
 * Claims once stored their source twice: a `sourceId` property and an APPEARS_IN relationship.
 * The relationship is the one kept; this links every claim that still has the property to its
 * source (if it lacks the link) and removes the property, a batch per transaction so a large graph
 * needs no large transaction. Claims without the property are untouched, so it is a no-op once done.
 */
export const MOVE_CLAIM_SOURCE_IDS = cypher(
  'migrate.claimSourceIdToAppearsIn',
  `MATCH (c:Claim) WHERE c.sourceId IS NOT NULL
  WITH c LIMIT toInteger($batch)
  CALL (c) {
    MATCH (s:Source {id: c.sourceId}) WHERE NOT EXISTS { (c)-[:APPEARS_IN]->(s) }
    CREATE (c)-[:APPEARS_IN]->(s)
  }
  REMOVE c.sourceId
  RETURN count(c) AS moved`,
);

/** The index on the property that MOVE_CLAIM_SOURCE_IDS removes. */
export const DROP_CLAIM_SOURCE_ID_INDEX = cypher('migrate.dropClaimSourceId', 'DROP INDEX claim_source_id IF EXISTS');

const MIGRATION_BATCH = 10_000;

/** Runs MOVE_CLAIM_SOURCE_IDS until no claim has the property; answers how many claims it converted. */
export async function moveClaimSourceIds(executor: Executor, batch = MIGRATION_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const [record] = await executor.write(MOVE_CLAIM_SOURCE_IDS, { batch });
    const moved = Number(record?.get('moved') ?? 0);
    total += moved;
    if (moved < batch) return total;
  }
}

/**
 * Figures stored before figure kinds existed are observations. (Their `decimal` is written by the
 * next ingestion of their file: Cypher would print a float such as 12870000.0 as "1.287E7".)
 */
export const SET_FIGURE_KIND = cypher(
  'migrate.figureKindObservation',
  `MATCH (f:Figure) WHERE f.kind IS NULL SET f.kind = 'observation'`,
);

const AWAIT_INDEXES = cypher('migrate.awaitIndexes', 'CALL db.awaitIndexes(300)');

/**
 * Schema statements cannot share a transaction with data writes, so each runs alone. The data
 * migration runs before its index is dropped, so it finds the claims left to convert by index.
 */
export async function migrate(executor: Executor): Promise<void> {
  for (const migration of MIGRATIONS) await executor.write(migration);
  await moveClaimSourceIds(executor);
  await executor.write(DROP_CLAIM_SOURCE_ID_INDEX);
  await executor.write(SET_FIGURE_KIND);
  await executor.write(AWAIT_INDEXES);
}
