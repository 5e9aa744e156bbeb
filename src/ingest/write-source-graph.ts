import { cypher, type Executor, type TransactionRunner } from '../db/executor';
import { LINK_ANNOTATED_EVIDENCE, writeClaims } from '../modules/claim/claim.writes';
import { writeSource } from '../modules/source/source.writes';
import type { SourceGraph } from './source-graph';

/**
 * Writes one source's graph in one write transaction, idempotently:
 * - the source and its claims through the writers the API uses too (source.writes.ts, claim.writes.ts);
 * - shared entities (places, organizations, people, roles, presenters, topics, metrics, targets)
 *   are MERGEd by id and their outgoing links replaced by what the file says;
 * - nodes the source owns (claims that APPEAR_IN it, figures and projections marked with its
 *   `sourceId`) that the file no longer lists are deleted, and the remaining ones get their links rebuilt, so re-ingesting
 *   a changed file replaces its claims instead of piling up stale ones. A removed claim takes its
 *   reviews with it (a verdict on a claim that no longer exists would dangle). Claims added
 *   through the API (origin 'api') belong to no file and are never touched, and neither are
 *   reviews and evidence added through the API on surviving claims.
 */

/** The nodes this source's annotation file owns: API-added claims carry origin 'api' and are not among them. */
const OWNED_NODES = `
  CALL () {
    MATCH (:Source {id: $sourceKey})<-[:APPEARS_IN]-(n:Claim) WHERE coalesce(n.origin, 'annotation') = 'annotation' RETURN n
    UNION MATCH (n:Figure {sourceId: $sourceKey}) RETURN n
    UNION MATCH (n:Projection {sourceId: $sourceKey}) RETURN n
  }`;

export const DELETE_STALE_OWNED = cypher(
  'ingest.deleteStaleOwned',
  `${OWNED_NODES}
  WITH n WHERE NOT n.id IN $keepKeys
  CALL (n) { MATCH (review:Review)-[:REVIEWS]->(n) DETACH DELETE review }
  DETACH DELETE n`,
);

export const CLEAR_OWNED_LINKS = cypher(
  'ingest.clearOwnedLinks',
  `${OWNED_NODES}
  MATCH (n)-[r]->()
  WHERE NOT type(r) IN ['SUPPORTS', 'CONTRADICTS'] OR r.origin = 'annotation'
  DELETE r`,
);

export const UPSERT_PLACES = cypher(
  'ingest.upsertPlaces',
  `UNWIND $rows AS row
  MERGE (p:Place {id: row.key})
  SET p += row {.name, .kind, .isoCode, .sameAs}`,
);

export const UPSERT_ORGANIZATIONS = cypher(
  'ingest.upsertOrganizations',
  `UNWIND $rows AS row
  MERGE (o:Organization {id: row.key})
  SET o += row {.name, .fullName, .kind, .sameAs}
  WITH o
  CALL (o) { MATCH (o)-[old:PART_OF|BASED_IN]->() DELETE old }`,
);

export const LINK_ORGANIZATIONS = cypher(
  'ingest.linkOrganizations',
  `UNWIND $rows AS row
  MATCH (o:Organization {id: row.key})
  CALL (o, row) {
    MATCH (parent:Organization {id: row.partOfKey})
    MERGE (o)-[:PART_OF]->(parent)
  }
  CALL (o, row) {
    MATCH (country:Place {id: row.countryKey})
    MERGE (o)-[:BASED_IN]->(country)
  }`,
);

export const UPSERT_PEOPLE = cypher(
  'ingest.upsertPeople',
  `UNWIND $rows AS row
  MERGE (p:Person {id: row.key})
  SET p += row {.name, .description, .sameAs}`,
);

export const UPSERT_ROLES = cypher(
  'ingest.upsertRoles',
  `UNWIND $rows AS row
  MERGE (r:Role {id: row.key})
  SET r += row {.name, .title, .status}, r.from = date(row.from), r.to = date(row.to)
  WITH r, row
  CALL (r) { MATCH ()-[old:HOLDS_ROLE]->(r) DELETE old }
  CALL (r) { MATCH (r)-[old:ROLE_AT]->() DELETE old }
  MATCH (person:Person {id: row.personKey})
  MATCH (organization:Organization {id: row.organizationKey})
  MERGE (person)-[:HOLDS_ROLE]->(r)
  MERGE (r)-[:ROLE_AT]->(organization)`,
);

export const UPSERT_VIRTUAL_PRESENTERS = cypher(
  'ingest.upsertVirtualPresenters',
  `UNWIND $rows AS row
  MERGE (v:VirtualPresenter {id: row.key})
  SET v += row {.name, .description}
  WITH v, row
  CALL (v) { MATCH (v)-[old:OPERATED_BY]->() DELETE old }
  MATCH (operator:Organization {id: row.operatedByKey})
  MERGE (v)-[:OPERATED_BY]->(operator)`,
);

export const UPSERT_TOPICS = cypher(
  'ingest.upsertTopics',
  `UNWIND $rows AS row
  MERGE (t:Topic {id: row.key})
  SET t += row {.name, .description}
  WITH t
  CALL (t) { MATCH (t)-[old:SUBTOPIC_OF|INCLUDES]->() DELETE old }`,
);

export const LINK_TOPICS = cypher(
  'ingest.linkTopics',
  `UNWIND $rows AS row
  MATCH (t:Topic {id: row.key})
  CALL (t, row) {
    MATCH (broader:Topic {id: row.broaderKey})
    MERGE (t)-[:SUBTOPIC_OF]->(broader)
  }
  CALL (t, row) {
    UNWIND row.includedKeys AS includedKey
    MATCH (included:Topic {id: includedKey})
    MERGE (t)-[:INCLUDES]->(included)
  }`,
);

export const UPSERT_METRICS = cypher(
  'ingest.upsertMetrics',
  `UNWIND $rows AS row
  MERGE (m:Metric {id: row.key})
  SET m += row {.name, .description, .unit}
  WITH m, row
  CALL (m) { MATCH (m)-[old:SCOPED_TO]->() DELETE old }
  CALL (m, row) {
    MATCH (place:Place {id: row.placeKey})
    MERGE (m)-[:SCOPED_TO]->(place)
  }`,
);

export const UPSERT_TARGETS = cypher(
  'ingest.upsertTargets',
  `UNWIND $rows AS row
  MERGE (t:Target {id: row.key})
  SET t += row {.name, .comparator, .threshold, .unit, .deadlineLabel}, t.deadline = date(row.deadline)
  WITH t, row
  CALL (t) { MATCH (t)-[old:MEASURED_BY|FOR_PLACE|SET_BY]->() DELETE old }
  MATCH (metric:Metric {id: row.metricKey})
  MERGE (t)-[:MEASURED_BY]->(metric)
  WITH t, row
  MATCH (setter:Place|Organization|Person {id: row.setByKey})
  MERGE (t)-[:SET_BY]->(setter)
  WITH t, row
  CALL (t, row) {
    MATCH (place:Place {id: row.placeKey})
    MERGE (t)-[:FOR_PLACE]->(place)
  }`,
);

export const UPSERT_FIGURES = cypher(
  'ingest.upsertFigures',
  `UNWIND $rows AS row
  MERGE (f:Figure {id: row.key})
  SET f += row {.name, .value, .unit, .qualifier, .periodLabel, .periodExpression, .periodRelative, .periodWords},
      f.sourceId = row.sourceKey,
      f.quote = row.quote.exact, f.quoteStart = toInteger(row.quote.start), f.quoteEnd = toInteger(row.quote.end),
      f.quotePrefix = row.quote.prefix, f.quoteSuffix = row.quote.suffix,
      f.periodStart = date(row.periodStart), f.periodEnd = date(row.periodEnd)
  WITH f, row
  MATCH (metric:Metric {id: row.metricKey})
  MATCH (source:Source {id: row.sourceKey})
  MERGE (f)-[:MEASURES]->(metric)
  MERGE (f)-[:REPORTED_IN]->(source)
  WITH f, row
  CALL (f, row) {
    MATCH (place:Place {id: row.placeKey})
    MERGE (f)-[:FOR_PLACE]->(place)
  }`,
);

export const UPSERT_PROJECTIONS = cypher(
  'ingest.upsertProjections',
  `UNWIND $rows AS row
  MERGE (p:Projection {id: row.key})
  SET p += row {.name, .expectedLabel}, p.sourceId = row.sourceKey, p.yearsEarlier = toInteger(row.yearsEarlier),
      p.expectedBy = date(row.expectedBy)
  WITH p, row
  MATCH (target:Target {id: row.targetKey})
  MATCH (author:Person|Organization {id: row.projectedByKey})
  MATCH (source:Source {id: row.sourceKey})
  MERGE (p)-[:PROJECTS]->(target)
  MERGE (p)-[:PROJECTED_BY]->(author)
  MERGE (p)-[:REPORTED_IN]->(source)`,
);

async function writeInTransaction(tx: TransactionRunner, graph: SourceGraph): Promise<void> {
  const sourceKey = graph.source.key;
  const keepKeys = [...graph.claims, ...graph.figures, ...graph.projections].map((node) => node.key);
  await tx.run(DELETE_STALE_OWNED, { sourceKey, keepKeys });
  await tx.run(CLEAR_OWNED_LINKS, { sourceKey });
  // Nodes before the links that point at them: files may list a child before its parent.
  await tx.run(UPSERT_PLACES, { rows: graph.places });
  await tx.run(UPSERT_ORGANIZATIONS, { rows: graph.organizations });
  await tx.run(LINK_ORGANIZATIONS, { rows: graph.organizations });
  await tx.run(UPSERT_PEOPLE, { rows: graph.people });
  await tx.run(UPSERT_ROLES, { rows: graph.roles });
  await tx.run(UPSERT_VIRTUAL_PRESENTERS, { rows: graph.virtualPresenters });
  await tx.run(UPSERT_TOPICS, { rows: graph.topics });
  await tx.run(LINK_TOPICS, { rows: graph.topics });
  await tx.run(UPSERT_METRICS, { rows: graph.metrics });
  await tx.run(UPSERT_TARGETS, { rows: graph.targets });
  await writeSource(tx, graph.source);
  await tx.run(UPSERT_FIGURES, { rows: graph.figures });
  await tx.run(UPSERT_PROJECTIONS, { rows: graph.projections });
  await writeClaims(tx, graph.claims);
  await tx.run(LINK_ANNOTATED_EVIDENCE, { rows: graph.evidence });
}

/** One source, one transaction: on any failure nothing of it is written. */
export function writeSourceGraph(executor: Executor, graph: SourceGraph): Promise<void> {
  return executor.writeTransaction((tx) => writeInTransaction(tx, graph));
}
