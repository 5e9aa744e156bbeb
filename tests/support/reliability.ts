import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Driver } from 'neo4j-driver';

import { createBuilders, MINIMAL_TEXT, writeFixture } from './annotation-builders';

import type { GraphCounts } from './neo4j';
import { UNIQUE_ID_LABELS } from '../../src/db/migrations';

/**
 * Ids of data that is not the seeded graph: a benchmark may load `bench-` data into the shared Neo4j,
 * and other test files (run at the same time by other developers) create and delete `test-` data.
 */
export const FOREIGN_PREFIXES = ['bench-', 'test-'];

const NOT_FOREIGN = (name: string) =>
  `NONE(prefix IN $foreign WHERE coalesce(toString(${name}.id), '') STARTS WITH prefix OR coalesce(toString(${name}.sourceId), '') STARTS WITH prefix)`;

/**
 * Whole-graph counts like graphCounts, without `bench-` and `test-` nodes (and their relationships),
 * so "nothing changed" stays checkable while a benchmark or another test file writes its own data at
 * the same time. What a refused request could wrongly write (reviews, claims of a seeded source,
 * evidence links between seeded claims) is still counted; tests that write `test-` data check their
 * own prefix with prefixedNodeCount.
 */
export async function ownGraphCounts(driver: Driver): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) WHERE ${NOT_FOREIGN('n')} RETURN count(n) AS nodes }
     CALL () { MATCH (a)-[r]->(b) WHERE ${NOT_FOREIGN('a')} AND ${NOT_FOREIGN('b')} RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
    { foreign: FOREIGN_PREFIXES },
  );
  const record = records[0];
  return { nodes: record?.get('nodes') as number, relationships: record?.get('relationships') as number };
}

const OWNED = `CALL () {
       MATCH (:Source {id: $sourceId})<-[:APPEARS_IN]-(n:Claim) RETURN n
       UNION MATCH (n:Figure {sourceId: $sourceId}) RETURN n
       UNION MATCH (n:Projection {sourceId: $sourceId}) RETURN n
       UNION MATCH (n:Source {id: $sourceId}) RETURN n
     }`;

/** Node and relationship counts of one source and the nodes it owns (claims, figures, projections), by index. */
export async function sourceCounts(driver: Driver, sourceId: string): Promise<GraphCounts & { source: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (s:Source {id: $sourceId}) RETURN count(s) AS source }
     CALL () { ${OWNED} RETURN count(n) AS nodes }
     CALL () { ${OWNED} MATCH (n)-[r]-() RETURN count(DISTINCT r) AS relationships }
     RETURN source, nodes, relationships`,
    { sourceId },
  );
  const record = records[0];
  return {
    source: record?.get('source') as number,
    nodes: record?.get('nodes') as number,
    relationships: record?.get('relationships') as number,
  };
}

/** How many nodes have an id starting with `prefix` (by the unique-id indexes, so fast on a big graph). */
export async function prefixedNodeCount(driver: Driver, prefix: string): Promise<number> {
  const union = UNIQUE_ID_LABELS.map((label) => `MATCH (n:${label}) WHERE n.id STARTS WITH $prefix RETURN n`).join(
    ' UNION ',
  );
  const { records } = await driver.executeQuery(`CALL () { ${union} } RETURN count(n) AS count`, { prefix });
  return records[0]?.get('count') as number;
}

/** deleteTestNodes by the id indexes: nodes of the id-carrying labels whose id or sourceId starts with `prefix`. */
export async function deletePrefixed(driver: Driver, prefix: string): Promise<void> {
  if (!prefix.startsWith('test-')) throw new Error('refusing to delete nodes whose ids do not start with "test-"');
  const union = UNIQUE_ID_LABELS.map((label) => `MATCH (n:${label}) WHERE n.id STARTS WITH $prefix RETURN n`).join(
    ' UNION ',
  );
  await driver.executeQuery(`CALL () { ${union} } DETACH DELETE n`, { prefix });
}

/** Deletes the reviews of the claims whose id starts with `prefix`, then those claims' whole test data. */
export async function deleteTestSourceData(driver: Driver, prefix: string): Promise<void> {
  if (!prefix.startsWith('test-')) throw new Error('refusing to delete nodes whose ids do not start with "test-"');
  await driver.executeQuery(
    'MATCH (review:Review)-[:REVIEWS]->(claim:Claim) WHERE claim.id STARTS WITH $prefix DETACH DELETE review',
    { prefix },
  );
  await deletePrefixed(driver, prefix);
}

/**
 * Writes an annotation with `claims` extra claims (besides the minimal ones), each quoting its own
 * sentence inserted into the body of MINIMAL_TEXT; returns the annotation file.
 */
export async function writeLargeAnnotation(directory: string, prefix: string, claims: number): Promise<string> {
  const { claim, minimalAnnotation, ids } = createBuilders(prefix);
  const sentence = (index: number) => `Gadget number ${index} is counted here`;
  const sentences = Array.from({ length: claims }, (_value, index) => `${sentence(index)}.`).join(' ');
  const text = MINIMAL_TEXT.replace(' By the end of last year', ` ${sentences} By the end of last year`);
  const base = minimalAnnotation();
  const annotation = {
    ...base,
    claims: [
      ...base.claims,
      ...Array.from({ length: claims }, (_value, index) =>
        claim({
          id: `gadget-${index}`,
          text: `Gadget number ${index} is counted.`,
          kind: 'assessment',
          attribution: 'narration',
          speaker: ids.outlet,
          quote: sentence(index),
          figures: [],
          metrics: [],
          topics: [ids.widgets],
        }),
      ),
    ],
  };
  const { file } = await writeFixture(directory, { annotation, text, content: JSON.stringify(annotation) });
  return file;
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Compiles one entry point of src/ (such as `ingest/cli.ts` or `main.ts`) and only what it imports
 * into `outDir`, with the project's build settings, so a test can run it as a separate process (and
 * kill it) without overwriting dist/; returns the path of the compiled file.
 */
export async function compileEntry(outDir: string, entry: string): Promise<string> {
  const tsconfig = path.join(outDir, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.build.json'),
      compilerOptions: {
        rootDir: path.join(ROOT, 'src'),
        outDir: path.join(outDir, 'dist'),
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      },
      files: [path.join(ROOT, 'src', entry)],
      include: [],
    }),
  );
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { stdio: 'pipe' });
  return path.join(outDir, 'dist', entry.replace(/\.ts$/, '.js'));
}

/** The environment a compiled CLI or service needs to find the project's node_modules. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: path.join(ROOT, 'node_modules'),
  LOG_LEVEL: 'silent',
  ...extra,
});

export const PROJECT_ROOT = ROOT;
