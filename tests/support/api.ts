import type { Driver } from 'neo4j-driver';

import { toGlobalId } from '../../src/modules/common/global-id';

import type { GraphQLResponse, TestServer } from './server';

/** The `extensions.code` of the first error, if any. */
export const codeOf = (response: Pick<GraphQLResponse<unknown>, 'errors'>): string | undefined =>
  response.errors?.[0]?.extensions?.code;

/** The data of a response that must have succeeded; a failure shows the errors, not just "undefined". */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.status !== 200 || response.errors !== undefined || response.data === undefined) {
    throw new Error(`expected a successful response, got ${response.status}: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** Runs an operation that must succeed and returns its data with the number of Cypher statements it ran. */
export async function run<T>(
  server: TestServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data: T; cypherQueries: number }> {
  const response = await server.graphql<T>(query, variables);
  const data = dataOf(response);
  const cypherQueries = response.extensions?.cypherQueries;
  if (typeof cypherQueries !== 'number') throw new Error('the response has no extensions.cypherQueries');
  return { data, cypherQueries };
}

/** The stored type and key behind a global id (base64url of "<Type>:<key>"). */
export function decodeGlobalId(id: string): { type: string; key: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  return { type: decoded.slice(0, separator), key: decoded.slice(separator + 1) };
}

/** Node ids of a connection page, in order. */
export const idsOf = (connection: { edges: { node: { id: string } }[] }): string[] =>
  connection.edges.map((edge) => edge.node.id);

/*
 * Builders for extra data. Every node they create has an id starting with "test-" (figures also a
 * `sourceId`), so deleteTestNodes(driver, prefix) removes it with its relationships.
 */

export interface TestClaim {
  /** Starts with the test's "test-" prefix, or the test deletes the claim itself (it has no sourceId). */
  id: string;
  /** Stored id of the source the claim APPEARS_IN, if a source with that id exists. */
  sourceKey: string;
  text?: string;
  kind?: string;
  attribution?: string;
  /** Stored id of a speaker (Person, Organization or VirtualPresenter) to link with SAID_BY. */
  speakerId?: string;
}

/** A claim with the properties the API maps (see mapClaim), optionally attributed to a speaker. */
export async function insertTestClaim(driver: Driver, claim: TestClaim): Promise<void> {
  const text = claim.text ?? `Test claim ${claim.id}`;
  await driver.executeQuery(
    `CREATE (c:Claim {id: $id, name: $text, text: $text, kind: $kind, attribution: $attribution,
                      quote: $text, quoteStart: 0, quoteEnd: size($text), quotePrefix: '', quoteSuffix: ''})
     WITH c
     CALL (c) {
       MATCH (source:Source {id: $sourceKey})
       CREATE (c)-[:APPEARS_IN]->(source)
     }
     CALL (c) {
       MATCH (speaker:Person|Organization|VirtualPresenter {id: $speakerId})
       CREATE (c)-[:SAID_BY]->(speaker)
     }`,
    {
      id: claim.id,
      text,
      kind: claim.kind ?? 'assessment',
      attribution: claim.attribution ?? 'paraphrase',
      sourceKey: claim.sourceKey,
      speakerId: claim.speakerId ?? null,
    },
  );
}

export interface TestFigure {
  id: string;
  sourceId: string;
  /** Stored id of the metric the figure MEASURES. */
  metricId: string;
  value: number;
  unit: string;
  /** ISO dates; a year is 01-01 to 12-31. */
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
}

/** A figure with the properties the API maps (see mapFigure), measuring `metricId`. */
export async function insertTestFigure(driver: Driver, figure: TestFigure): Promise<void> {
  const { records } = await driver.executeQuery(
    `MATCH (metric:Metric {id: $metricId})
     CREATE (f:Figure {id: $id, name: $name, value: $value, unit: $unit, qualifier: 'exact',
                       periodLabel: $periodLabel, periodStart: date($periodStart), periodEnd: date($periodEnd),
                       periodExpression: $periodLabel, periodRelative: false, sourceId: $sourceId,
                       quote: $name, quoteStart: 0, quoteEnd: size($name), quotePrefix: '', quoteSuffix: ''})
     CREATE (f)-[:MEASURES]->(metric)
     RETURN f.id AS id`,
    { ...figure, name: `${figure.value} ${figure.unit} (${figure.periodLabel})` },
  );
  if (records.length !== 1) throw new Error(`no metric "${figure.metricId}" to attach test figure ${figure.id} to`);
}

/** An evidence link added "through the API": from a claim or figure to a claim. */
export async function insertEvidenceLink(
  driver: Driver,
  link: { fromId: string; toId: string; stance: 'SUPPORTS' | 'CONTRADICTS'; note: string; addedBy: string },
): Promise<void> {
  const { records } = await driver.executeQuery(
    `MATCH (from:Claim|Figure {id: $fromId}) MATCH (to:Claim {id: $toId})
     CALL (from, to) {
       WITH * WHERE $stance = 'SUPPORTS'
       CREATE (from)-[:SUPPORTS {origin: 'api', note: $note, addedBy: $addedBy, addedAt: datetime()}]->(to)
     }
     CALL (from, to) {
       WITH * WHERE $stance = 'CONTRADICTS'
       CREATE (from)-[:CONTRADICTS {origin: 'api', note: $note, addedBy: $addedBy, addedAt: datetime()}]->(to)
     }
     RETURN count(*) AS linked`,
    link,
  );
  if (records.length !== 1) throw new Error(`could not link ${link.fromId} to ${link.toId}`);
}

/** A person with the properties the API maps (see mapPerson); `id` must start with "test-". */
export async function insertTestPerson(driver: Driver, person: { id: string; name: string }): Promise<void> {
  if (!person.id.startsWith('test-')) throw new Error('test people need an id starting with "test-"');
  await driver.executeQuery('CREATE (:Person {id: $id, name: $name})', person);
}

/** Adds a source (AddSourceInput, see sourceInput) and answers its id and title. */
export const ADD_SOURCE = `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id title } }`;
export const READ_SOURCE = `query ReadSource($id: ID!) { node(id: $id) { ... on Source { id title } } }`;

/** AddSourceInput for a source of its own (its key is a hash of the text, so `marker` makes it new). */
export const sourceInput = (marker: string) => ({
  title: `Bookmark test ${marker}`,
  url: 'https://example.org/bookmarks',
  publishedDate: '2024-03-20',
  language: 'en',
  kind: 'article',
  publisher: toGlobalId('Organization', 'cgtn'),
  text: `Test body ${marker}: read your writes – über alles 🚗.`,
});
