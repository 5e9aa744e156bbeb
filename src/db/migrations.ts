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
  // Ingestion finds the nodes a source owns by sourceId.
  ...(['Claim', 'Figure', 'Projection'] as const).map((label) =>
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

const AWAIT_INDEXES = cypher('migrate.awaitIndexes', 'CALL db.awaitIndexes(300)');

/** Schema statements cannot share a transaction with data writes, so each runs alone. */
export async function migrate(executor: Executor): Promise<void> {
  for (const migration of MIGRATIONS) await executor.write(migration);
  await executor.write(AWAIT_INDEXES);
}
