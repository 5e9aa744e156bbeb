import { cypher, type Executor, type TransactionRunner } from '../db/executor';
import { LINK_ANNOTATED_EVIDENCE, writeClaims } from '../modules/claim/claim.writes';
import { writeFigures } from '../modules/figure/figure.writes';
import { writeSource } from '../modules/source/source.writes';
import { checkDerivedValue } from '../domain/figure';
import type { DerivedOperation } from '../domain/vocabulary';
import { Issues, type Locator } from './issues';
import type { SourceGraph } from './source-graph';

/**
 * Writes one source's graph in one write transaction, idempotently:
 * - the source and its claims through the writers the API uses too (source.writes.ts, claim.writes.ts);
 * - shared entities (places, organizations, people, roles, presenters, topics, metrics, targets)
 *   are MERGEd by id and their outgoing links replaced by what the file says;
 * - nodes the source owns (claims that APPEAR_IN it, figures and projections marked with its
 *   `sourceId`) that the file no longer lists are deleted, and the remaining ones get their links rebuilt, so re-ingesting
 *   a changed file replaces its claims instead of piling up stale ones. A removed claim takes its
 *   reviews with it (a verdict on a claim that no longer exists would dangle). Claims and
 *   figures added through the API (origin 'api') belong to no file and are never touched, and
 *   neither are reviews and evidence added through the API on surviving claims.
 */

/** The nodes this source's annotation file owns: API-added claims carry origin 'api' and are not among them. */
const OWNED_NODES = `
  CALL () {
    MATCH (:Source {id: $sourceKey})<-[:APPEARS_IN]-(n:Claim) WHERE coalesce(n.origin, 'annotation') = 'annotation' RETURN n
    UNION MATCH (n:Figure {sourceId: $sourceKey}) WHERE n.origin IS NULL RETURN n
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
  MERGE (person)-[:HOLDS_ROLE]->(r)
  WITH r, row
  CALL (r, row) {
    MATCH (organization:Organization {id: row.organizationKey})
    MERGE (r)-[:ROLE_AT]->(organization)
  }`,
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

export const LINK_CLAIM_PROVENANCE = cypher(
  'ingest.linkClaimProvenance',
  `UNWIND $rows AS row
  MATCH (c:Claim {id: row.key})
  CALL (c, row) {
    MATCH (producer:Organization|Source {id: row.producedByKey})
    MERGE (c)-[:PRODUCED_BY]->(producer)
  }
  CALL (c, row) {
    UNWIND range(0, size(row.relayedByKeys) - 1) AS position
    MATCH (relay:Person|Organization|VirtualPresenter|Source {id: row.relayedByKeys[position]})
    MERGE (c)-[:RELAYED_BY {position: position}]->(relay)
  }`,
);

/** The sources this one republishes or cites that are not in the graph (yet). */
export const FIND_MISSING_SOURCES = cypher(
  'ingest.findMissingSources',
  `UNWIND $keys AS key
  WITH key WHERE NOT EXISTS { (:Source {id: key}) }
  RETURN collect(key) AS missing`,
);

/**
 * A source recorded by its facts has no text: `text: null`, `length: 0`, no body, and
 * `referenceOnly: true`. Its REPUBLISHES and CITES links are replaced by the file's.
 */
export const WRITE_SOURCE_REFERENCES = cypher(
  'ingest.writeSourceReferences',
  `MATCH (s:Source {id: $sourceKey})
  SET s.note = $note
  FOREACH (_ IN CASE WHEN $referenceOnly THEN [1] ELSE [] END |
    SET s.text = null, s.contentHash = null, s.length = 0, s.bodyStart = null, s.bodyEnd = null, s.referenceOnly = true)
  FOREACH (_ IN CASE WHEN $referenceOnly THEN [] ELSE [1] END | REMOVE s.referenceOnly)
  WITH s
  CALL (s) { MATCH (s)-[old:REPUBLISHES|CITES]->() DELETE old }
  CALL (s) {
    UNWIND $republishKeys AS key
    MATCH (original:Source {id: key})
    MERGE (s)-[:REPUBLISHES]->(original)
  }
  CALL (s) {
    UNWIND $citeKeys AS key
    MATCH (cited:Source {id: key})
    MERGE (s)-[:CITES]->(cited)
  }`,
);

export const FIND_FIGURE_DECIMALS = cypher(
  'ingest.findFigureDecimals',
  `MATCH (f:Figure) WHERE f.id IN $keys RETURN f.id AS key, f.decimal AS decimal`,
);

/**
 * What compile/ could not check without the graph: the sources this one republishes or cites
 * exist, and derived figures with inputs of other sources match those inputs' values.
 */
async function reportGraphProblems(tx: TransactionRunner, graph: SourceGraph, issues: Issues): Promise<void> {
  const [check] = await tx.run(FIND_MISSING_SOURCES, { keys: [...graph.republishKeys, ...graph.citeKeys] });
  for (const key of (check?.get('missing') as string[] | undefined) ?? []) {
    const field = graph.republishKeys.includes(key) ? 'republishes' : 'cites';
    issues.report(
      ['source', field],
      `the source "${key}" it republishes or cites is not in the graph: ingest it first`,
    );
  }
  const own = new Map(graph.figures.map((figure) => [figure.key, figure.decimal]));
  const external = graph.figures.flatMap((figure) => figure.derivedFromKeys.filter((key) => !own.has(key)));
  if (external.length === 0) return;
  const records = await tx.run(FIND_FIGURE_DECIMALS, { keys: external });
  const stored = new Map(
    records.map((record) => [record.get('key') as string, record.get('decimal') as string | null]),
  );
  graph.figures.forEach((figure, index) => {
    if (figure.operation === null || figure.decimal === null) return;
    const inputs = figure.derivedFromKeys.map((key) => own.get(key) ?? stored.get(key) ?? null);
    const absent = figure.derivedFromKeys.filter((_key, position) => inputs[position] === null);
    if (absent.length > 0) {
      issues.report(
        ['figures', index, 'derived', 'inputs'],
        `the input figures ${absent.join(', ')} are not in the graph with a value`,
      );
      return;
    }
    for (const violation of checkDerivedValue(
      figure.operation as DerivedOperation,
      inputs as string[],
      figure.decimal,
    )) {
      issues.report(['figures', index, violation.field], violation.message);
    }
  });
}

/** The file a graph was compiled from, to locate the problems only the graph reveals. */
export interface WhereFrom {
  file: string;
  locate?: Locator;
}

async function writeInTransaction(tx: TransactionRunner, graph: SourceGraph, where: WhereFrom): Promise<void> {
  // A fresh list per attempt: the executor may retry the transaction.
  const issues = new Issues(where.file, where.locate);
  await reportGraphProblems(tx, graph, issues);
  issues.throwIfAny();
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
  await tx.run(WRITE_SOURCE_REFERENCES, {
    sourceKey: graph.source.key,
    note: graph.note,
    referenceOnly: graph.referenceOnly,
    republishKeys: graph.republishKeys,
    citeKeys: graph.citeKeys,
  });
  await writeFigures(tx, graph.figures);
  await tx.run(UPSERT_PROJECTIONS, { rows: graph.projections });
  await writeClaims(tx, graph.claims);
  await tx.run(LINK_ANNOTATED_EVIDENCE, { rows: graph.evidence });
  await tx.run(LINK_CLAIM_PROVENANCE, { rows: graph.claimProvenance });
}

/** One source, one transaction: on any failure nothing of it is written. */
export function writeSourceGraph(
  executor: Executor,
  graph: SourceGraph,
  where: WhereFrom = { file: graph.source.key },
): Promise<void> {
  return executor.writeTransaction((tx) => writeInTransaction(tx, graph, where));
}
