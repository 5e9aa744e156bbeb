import type { Driver } from 'neo4j-driver';

/**
 * What the fuzzer checks and undoes in Neo4j directly: the graph invariants after the run, and
 * everything the run wrote. The run is the only writer while it runs (CI runs it alone, after
 * `npm test`), so "written by the run" is "not there when it started": the element ids present at
 * the start are kept, and mutations only ever create nodes and relationships (or update the note
 * of an API evidence link the run itself created).
 */

export interface Snapshot {
  nodes: Set<string>;
  relationships: Set<string>;
}

export async function snapshot(driver: Driver): Promise<Snapshot> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id');
  const relationships = await driver.executeQuery('MATCH ()-[r]->() RETURN elementId(r) AS id');
  return {
    nodes: new Set(nodes.records.map((record) => record.get('id') as string)),
    relationships: new Set(relationships.records.map((record) => record.get('id') as string)),
  };
}

/** Deletes what was created since `before` and checks the counts are back; returns how much it deleted. */
export async function restore(driver: Driver, before: Snapshot): Promise<{ nodes: number; relationships: number }> {
  const now = await snapshot(driver);
  const relationships = [...now.relationships].filter((id) => !before.relationships.has(id));
  const nodes = [...now.nodes].filter((id) => !before.nodes.has(id));
  for (let index = 0; index < relationships.length; index += 1000) {
    await driver.executeQuery('UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r', {
      ids: relationships.slice(index, index + 1000),
    });
  }
  for (let index = 0; index < nodes.length; index += 1000) {
    await driver.executeQuery('UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id DETACH DELETE n', {
      ids: nodes.slice(index, index + 1000),
    });
  }
  const after = await snapshot(driver);
  if (after.nodes.size !== before.nodes.size || after.relationships.size !== before.relationships.size) {
    throw new Error(
      `after cleanup the graph has ${after.nodes.size} nodes and ${after.relationships.size} relationships; ` +
        `${before.nodes.size} and ${before.relationships.size} at the start`,
    );
  }
  return { nodes: nodes.length, relationships: relationships.length };
}

/** Each invariant: a name and a query returning the ids (at most 10) of the nodes that break it. */
export const INVARIANTS: { name: string; cypher: string }[] = [
  {
    name: 'every claim appears in exactly one source',
    cypher: `MATCH (c:Claim) WHERE COUNT { (c)-[:APPEARS_IN]->(:Source) } <> 1 RETURN c.id AS id LIMIT 10`,
  },
  {
    name: 'every claim has its speaker',
    cypher: `MATCH (c:Claim) WHERE NOT EXISTS { (c)-[:SAID_BY]->(:Person|Organization|VirtualPresenter) }
      RETURN c.id AS id LIMIT 10`,
  },
  {
    name: "every claim's and quoted figure's offsets slice to its quote in the source text, inside the body",
    // A figure located in a dataset or report (by table, page or section) has a locator, no quote.
    cypher: `MATCH (n:Claim|Figure) WHERE n.locator IS NULL
      OPTIONAL MATCH (n)-[:APPEARS_IN|REPORTED_IN]->(s:Source)
      WITH n, s
      WHERE s IS NULL OR n.quote IS NULL OR n.quote = '' OR valueType(n.quoteStart) <> 'INTEGER NOT NULL'
         OR valueType(n.quoteEnd) <> 'INTEGER NOT NULL'
         OR substring(s.text, n.quoteStart, n.quoteEnd - n.quoteStart) <> n.quote
         OR n.quoteStart < coalesce(s.bodyStart, 0) OR n.quoteEnd > coalesce(s.bodyEnd, s.length)
      RETURN n.id AS id LIMIT 10`,
  },
  {
    name: 'every review reviews one claim and has a rating from 1 to 5',
    cypher: `MATCH (r:Review) WHERE COUNT { (r)-[:REVIEWS]->(:Claim) } <> 1 OR NOT r.rating IN [1, 2, 3, 4, 5]
      RETURN r.id AS id LIMIT 10`,
  },
  {
    name: "every source's body lies inside its text and its length counts code points",
    // A source recorded by its facts only (referenceOnly) has no text and no body.
    cypher: `MATCH (s:Source) WHERE NOT coalesce(s.referenceOnly, false)
      AND (NOT (0 <= coalesce(s.bodyStart, 0) < coalesce(s.bodyEnd, s.length) <= s.length) OR size(s.text) <> s.length)
      RETURN s.id AS id LIMIT 10`,
  },
];

export interface BrokenInvariant {
  invariant: string;
  ids: string[];
}

export async function brokenInvariants(driver: Driver): Promise<BrokenInvariant[]> {
  const broken: BrokenInvariant[] = [];
  for (const invariant of INVARIANTS) {
    const { records } = await driver.executeQuery(invariant.cypher);
    const ids = records.map((record) => String(record.get('id')));
    if (ids.length > 0) broken.push({ invariant: invariant.name, ids });
  }
  return broken;
}
