import { cypher, type Executor, type TransactionRunner } from '../db/executor';
import type { SourceGraph } from './source-graph';

/**
 * Writes one source's graph in one write transaction, idempotently:
 * - shared entities (places, organizations, people, roles, presenters, topics, metrics, targets)
 *   are MERGEd by id and their outgoing links replaced by what the file says;
 * - nodes the source owns (claims, figures, projections, marked with `sourceId`) that the file
 *   no longer lists are deleted, and the remaining ones get their links rebuilt, so re-ingesting
 *   a changed file replaces its claims instead of piling up stale ones. A removed claim takes its
 *   reviews with it (a verdict on a claim that no longer exists would dangle). Claims added
 *   through the API (origin 'api') belong to no file and are never touched, and neither are
 *   reviews and evidence added through the API on surviving claims.
 */

/** The nodes this source's annotation file owns: API-added claims carry origin 'api' and are not among them. */
const OWNED_NODES = `
  CALL () {
    MATCH (n:Claim {sourceId: $sourceId}) WHERE coalesce(n.origin, 'annotation') = 'annotation' RETURN n
    UNION MATCH (n:Figure {sourceId: $sourceId}) RETURN n
    UNION MATCH (n:Projection {sourceId: $sourceId}) RETURN n
  }`;

export const DELETE_STALE_OWNED = cypher(
  'ingest.deleteStaleOwned',
  `${OWNED_NODES}
  WITH n WHERE NOT n.id IN $keepIds
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

export const UPSERT_SOURCE = cypher(
  'ingest.upsertSource',
  `WITH $row AS row
  MERGE (s:Source {id: row.id})
  SET s += row {.name, .title, .kind, .url, .publishedDateSource, .language, .text, .contentHash},
      s.length = toInteger(row.length), s.bodyStart = toInteger(row.bodyStart), s.bodyEnd = toInteger(row.bodyEnd),
      s.publishedDate = date(row.publishedDate),
      s.ingestedAt = datetime()
  WITH s
  CALL (s) { MATCH (s)-[old:PUBLISHED_BY|INTERVIEW_CONDUCTED_BY|INTERVIEWS|MENTIONS]->() DELETE old }
  RETURN s.id AS id`,
);

export const LINK_SOURCE = cypher(
  'ingest.linkSource',
  `MATCH (s:Source {id: $row.id})
  MATCH (publisher:Organization {id: $row.publisherId})
  MERGE (s)-[:PUBLISHED_BY]->(publisher)
  WITH s
  CALL (s) {
    MATCH (interviewer:Organization|Person {id: $row.interviewerId})
    MERGE (s)-[:INTERVIEW_CONDUCTED_BY]->(interviewer)
  }
  CALL (s) {
    UNWIND $row.intervieweeIds AS intervieweeId
    MATCH (interviewee:Person {id: intervieweeId})
    MERGE (s)-[:INTERVIEWS]->(interviewee)
  }
  CALL (s) {
    UNWIND $row.mentionIds AS mentionId
    MATCH (entity:Place|Organization|Person|VirtualPresenter|Topic|Metric {id: mentionId})
    MERGE (s)-[:MENTIONS]->(entity)
  }`,
);

export const UPSERT_PLACES = cypher(
  'ingest.upsertPlaces',
  `UNWIND $rows AS row
  MERGE (p:Place {id: row.id})
  SET p += row {.name, .kind, .isoCode, .sameAs}`,
);

export const UPSERT_ORGANIZATIONS = cypher(
  'ingest.upsertOrganizations',
  `UNWIND $rows AS row
  MERGE (o:Organization {id: row.id})
  SET o += row {.name, .fullName, .kind, .sameAs}
  WITH o
  CALL (o) { MATCH (o)-[old:PART_OF|BASED_IN]->() DELETE old }`,
);

export const LINK_ORGANIZATIONS = cypher(
  'ingest.linkOrganizations',
  `UNWIND $rows AS row
  MATCH (o:Organization {id: row.id})
  CALL (o, row) {
    MATCH (parent:Organization {id: row.partOfId})
    MERGE (o)-[:PART_OF]->(parent)
  }
  CALL (o, row) {
    MATCH (country:Place {id: row.countryId})
    MERGE (o)-[:BASED_IN]->(country)
  }`,
);

export const UPSERT_PEOPLE = cypher(
  'ingest.upsertPeople',
  `UNWIND $rows AS row
  MERGE (p:Person {id: row.id})
  SET p += row {.name, .description, .sameAs}`,
);

export const UPSERT_ROLES = cypher(
  'ingest.upsertRoles',
  `UNWIND $rows AS row
  MERGE (r:Role {id: row.id})
  SET r += row {.name, .title, .status}, r.from = date(row.from), r.to = date(row.to)
  WITH r, row
  CALL (r) { MATCH ()-[old:HOLDS_ROLE]->(r) DELETE old }
  CALL (r) { MATCH (r)-[old:ROLE_AT]->() DELETE old }
  MATCH (person:Person {id: row.personId})
  MATCH (organization:Organization {id: row.organizationId})
  MERGE (person)-[:HOLDS_ROLE]->(r)
  MERGE (r)-[:ROLE_AT]->(organization)`,
);

export const UPSERT_VIRTUAL_PRESENTERS = cypher(
  'ingest.upsertVirtualPresenters',
  `UNWIND $rows AS row
  MERGE (v:VirtualPresenter {id: row.id})
  SET v += row {.name, .description}
  WITH v, row
  CALL (v) { MATCH (v)-[old:OPERATED_BY]->() DELETE old }
  MATCH (operator:Organization {id: row.operatedById})
  MERGE (v)-[:OPERATED_BY]->(operator)`,
);

export const UPSERT_TOPICS = cypher(
  'ingest.upsertTopics',
  `UNWIND $rows AS row
  MERGE (t:Topic {id: row.id})
  SET t += row {.name, .description}
  WITH t
  CALL (t) { MATCH (t)-[old:SUBTOPIC_OF|INCLUDES]->() DELETE old }`,
);

export const LINK_TOPICS = cypher(
  'ingest.linkTopics',
  `UNWIND $rows AS row
  MATCH (t:Topic {id: row.id})
  CALL (t, row) {
    MATCH (broader:Topic {id: row.broaderId})
    MERGE (t)-[:SUBTOPIC_OF]->(broader)
  }
  CALL (t, row) {
    UNWIND row.includedIds AS includedId
    MATCH (included:Topic {id: includedId})
    MERGE (t)-[:INCLUDES]->(included)
  }`,
);

export const UPSERT_METRICS = cypher(
  'ingest.upsertMetrics',
  `UNWIND $rows AS row
  MERGE (m:Metric {id: row.id})
  SET m += row {.name, .description, .unit}
  WITH m, row
  CALL (m) { MATCH (m)-[old:SCOPED_TO]->() DELETE old }
  CALL (m, row) {
    MATCH (place:Place {id: row.placeId})
    MERGE (m)-[:SCOPED_TO]->(place)
  }`,
);

export const UPSERT_TARGETS = cypher(
  'ingest.upsertTargets',
  `UNWIND $rows AS row
  MERGE (t:Target {id: row.id})
  SET t += row {.name, .comparator, .threshold, .unit, .deadlineLabel}, t.deadline = date(row.deadline)
  WITH t, row
  CALL (t) { MATCH (t)-[old:MEASURED_BY|FOR_PLACE|SET_BY]->() DELETE old }
  MATCH (metric:Metric {id: row.metricId})
  MERGE (t)-[:MEASURED_BY]->(metric)
  WITH t, row
  MATCH (setter:Place|Organization|Person {id: row.setById})
  MERGE (t)-[:SET_BY]->(setter)
  WITH t, row
  CALL (t, row) {
    MATCH (place:Place {id: row.placeId})
    MERGE (t)-[:FOR_PLACE]->(place)
  }`,
);

export const UPSERT_FIGURES = cypher(
  'ingest.upsertFigures',
  `UNWIND $rows AS row
  MERGE (f:Figure {id: row.id})
  SET f += row {.name, .value, .unit, .qualifier, .periodLabel, .periodExpression, .periodRelative,
                .periodWords, .sourceId, .quote, .quotePrefix, .quoteSuffix},
      f.quoteStart = toInteger(row.quoteStart), f.quoteEnd = toInteger(row.quoteEnd),
      f.periodStart = date(row.periodStart), f.periodEnd = date(row.periodEnd)
  WITH f, row
  MATCH (metric:Metric {id: row.metricId})
  MATCH (source:Source {id: row.sourceId})
  MERGE (f)-[:MEASURES]->(metric)
  MERGE (f)-[:REPORTED_IN]->(source)
  WITH f, row
  CALL (f, row) {
    MATCH (place:Place {id: row.placeId})
    MERGE (f)-[:FOR_PLACE]->(place)
  }`,
);

export const UPSERT_PROJECTIONS = cypher(
  'ingest.upsertProjections',
  `UNWIND $rows AS row
  MERGE (p:Projection {id: row.id})
  SET p += row {.name, .expectedLabel, .sourceId}, p.yearsEarlier = toInteger(row.yearsEarlier),
      p.expectedBy = date(row.expectedBy)
  WITH p, row
  MATCH (target:Target {id: row.targetId})
  MATCH (author:Person|Organization {id: row.projectedById})
  MATCH (source:Source {id: row.sourceId})
  MERGE (p)-[:PROJECTS]->(target)
  MERGE (p)-[:PROJECTED_BY]->(author)
  MERGE (p)-[:REPORTED_IN]->(source)`,
);

export const UPSERT_CLAIMS = cypher(
  'ingest.upsertClaims',
  `UNWIND $rows AS row
  MERGE (c:Claim {id: row.id})
  SET c += row {.name, .text, .kind, .attribution, .sourceId,
                .quote, .quotePrefix, .quoteSuffix},
      c.quoteStart = toInteger(row.quoteStart), c.quoteEnd = toInteger(row.quoteEnd)
  WITH c, row
  MATCH (source:Source {id: row.sourceId})
  MATCH (speaker:Person|Organization|VirtualPresenter {id: row.speakerId})
  MERGE (c)-[:APPEARS_IN]->(source)
  MERGE (c)-[:SAID_BY]->(speaker)
  WITH c, row
  CALL (c, row) {
    MATCH (role:Role {id: row.roleId})
    MERGE (c)-[:SPOKEN_AS]->(role)
  }
  CALL (c, row) {
    UNWIND row.figureIds AS id MATCH (figure:Figure {id: id}) MERGE (c)-[:CITES]->(figure)
  }
  CALL (c, row) {
    UNWIND row.metricIds AS id MATCH (metric:Metric {id: id}) MERGE (c)-[:ABOUT_METRIC]->(metric)
  }
  CALL (c, row) {
    UNWIND row.targetIds AS id MATCH (target:Target {id: id}) MERGE (c)-[:STATES]->(target)
  }
  CALL (c, row) {
    UNWIND row.projectionIds AS id MATCH (projection:Projection {id: id}) MERGE (c)-[:STATES]->(projection)
  }
  CALL (c, row) {
    UNWIND row.topicIds AS id MATCH (topic:Topic {id: id}) MERGE (c)-[:ABOUT]->(topic)
  }
  CALL (c, row) {
    UNWIND row.causeIds AS id MATCH (topic:Topic {id: id}) MERGE (c)-[:NAMES_CAUSE]->(topic)
  }
  CALL (c, row) {
    UNWIND row.effectIds AS id MATCH (topic:Topic {id: id}) MERGE (c)-[:NAMES_EFFECT]->(topic)
  }`,
);

export const LINK_EVIDENCE = cypher(
  'ingest.linkEvidence',
  `UNWIND $rows AS row
  MATCH (from:Claim {id: row.fromId})
  MATCH (to:Claim {id: row.toId})
  CALL (from, to, row) {
    WITH * WHERE row.stance = 'SUPPORTS'
    MERGE (from)-[:SUPPORTS {origin: 'annotation'}]->(to)
  }
  CALL (from, to, row) {
    WITH * WHERE row.stance = 'CONTRADICTS'
    MERGE (from)-[:CONTRADICTS {origin: 'annotation'}]->(to)
  }`,
);

async function writeInTransaction(tx: TransactionRunner, graph: SourceGraph): Promise<void> {
  const sourceId = graph.source.id;
  const keepIds = [...graph.claims, ...graph.figures, ...graph.projections].map((node) => node.id);
  await tx.run(DELETE_STALE_OWNED, { sourceId, keepIds });
  await tx.run(CLEAR_OWNED_LINKS, { sourceId });
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
  await tx.run(UPSERT_SOURCE, { row: graph.source });
  await tx.run(LINK_SOURCE, { row: graph.source });
  await tx.run(UPSERT_FIGURES, { rows: graph.figures });
  await tx.run(UPSERT_PROJECTIONS, { rows: graph.projections });
  await tx.run(UPSERT_CLAIMS, { rows: graph.claims });
  await tx.run(LINK_EVIDENCE, { rows: graph.evidence });
}

/** One source, one transaction: on any failure nothing of it is written. */
export function writeSourceGraph(executor: Executor, graph: SourceGraph): Promise<void> {
  return executor.writeTransaction((tx) => writeInTransaction(tx, graph));
}
