import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import fc from 'fast-check';

import { ingestFile, seed, loadAnnotation } from '../../../src/ingest/ingest';
import { AnnotationError } from '../../../src/ingest/issues';
import type { SourceGraph } from '../../../src/ingest/source-graph';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { createBuilders, writeFixture, type AnnotationInput } from '../../support/annotation-builders';
import { deleteTestNodes } from '../../support/neo4j';
import { recordReliability } from '../../support/reliability-report';
import { deletePrefixed, ownGraphCounts, prefixedNodeCount, sourceCounts } from '../../support/reliability';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Property-based tests (fast-check): whatever filter a client sends, the server answers data or a
 * client error, never INTERNAL_SERVER_ERROR; whatever annotation document is ingested, valid or
 * mutated, the source is written whole or not at all.
 */

const PREFIX = 'test-rel-prop';
const SEED_SOURCE = 'cgtn-2024-03-19-nev-software-charging';
const TYPES = ['Claim', 'Person', 'Organization', 'Topic', 'Metric', 'Figure', 'Target', 'Source', 'Nope', ''];
const KEYS = ['miao-wei', 'cgtn', 'software', SEED_SOURCE, `${SEED_SOURCE}/nev-share-2023`, 'nev-exports', ''];
const KINDS = ['STATISTIC', 'FORECAST', 'OPINION', 'RECOMMENDATION', 'CAUSAL', 'ASSESSMENT', 'BIOGRAPHICAL'];
const ATTRIBUTIONS = ['DIRECT_QUOTE', 'PARAPHRASE', 'NARRATION'];

/** Anything a client might put in a string field: Unicode, lone surrogates, Cypher and Lucene syntax. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 3 }),
  fc.constantFrom("'", '`', '"})', '}) DETACH DELETE n //', '$param', 'a AND NOT b', '*', '~', '\\', '  ', '٣', '𝔘'),
);

const globalId = fc.oneof(
  hostileString,
  fc
    .tuple(fc.constantFrom(...TYPES), fc.oneof(fc.constantFrom(...KEYS), hostileString))
    .map(([type, key]) => toGlobalId(type, key)),
);

const dateLike = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2023-02-30', '0000-01-01', '9999-12-31', '2023-13-01', '2023', 'yesterday', ''),
  hostileString,
);

const filter = fc.record(
  {
    speaker: globalId,
    source: globalId,
    topic: globalId,
    metric: globalId,
    figure: globalId,
    target: globalId,
    kinds: fc.array(fc.oneof(fc.constantFrom(...KINDS), hostileString), { maxLength: 3 }),
    attributions: fc.array(fc.oneof(fc.constantFrom(...ATTRIBUTIONS), hostileString), { maxLength: 2 }),
    period: fc.record({ from: fc.option(dateLike), to: fc.option(dateLike) }, { requiredKeys: [] }),
    text: fc.option(hostileString),
  },
  { requiredKeys: [] },
);

const pageArgs = fc.record(
  {
    first: fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31))),
    after: fc.oneof(
      hostileString,
      fc.jsonValue({ maxDepth: 1 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
    ),
  },
  { requiredKeys: [] },
);

/** Every path into a JSON-like value, for picking what to mutate. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

type Mutation = { at: number; op: 'delete' | 'replace' | 'duplicate' | 'quote'; value: unknown };

function mutate(document: AnnotationInput, mutations: Mutation[]): AnnotationInput {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  for (const mutation of mutations) {
    const paths = pathsOf(copy).filter((candidate) => candidate.length > 0);
    const target = paths[mutation.at % paths.length]!;
    const parent = target.slice(0, -1).reduce<any>((node, key) => node[key], copy); // eslint-disable-line @typescript-eslint/no-explicit-any
    const key = target[target.length - 1]!;
    if (mutation.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (mutation.op === 'duplicate' && Array.isArray(parent)) {
      parent.push(structuredClone(parent[Number(key)]));
    } else if (mutation.op === 'quote' && typeof parent[key] === 'string') {
      parent[key] = `${parent[key] as string}${String(mutation.value)}`;
    } else {
      parent[key] = mutation.value;
    }
  }
  return copy as unknown as AnnotationInput;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'duplicate', 'quote'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString),
});

/** Every id a compiled graph would MERGE, to keep generated documents inside the test's own ids. */
/** The distinct keys of the nodes a graph writes (provenance rows repeat the keys of their claims). */
function keysOf(graph: SourceGraph): string[] {
  const keys = Object.values(graph).flatMap((rows) =>
    (Array.isArray(rows) ? rows : [rows])
      // Besides its rows a graph has plain fields (a note, flags): only objects carry keys.
      .filter((row) => row !== null && typeof row === 'object')
      .map((row) => (row as { key?: unknown }).key)
      .filter((key) => key !== undefined),
  ) as string[];
  return [...new Set(keys)];
}

describe('reliability: property-based', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('never answers a random claim filter with an internal error', async () => {
    let runs = 0;
    let failures = 0;
    const counts = await ownGraphCounts(server.db.driver);
    try {
      await fc.assert(
        fc.asyncProperty(filter, pageArgs, async (claimFilter, page) => {
          runs += 1;
          const response = await server.graphql(
            `query ($filter: ClaimFilterInput, $first: Int, $after: String) {
               claims(filter: $filter, first: $first, after: $after) {
                 totalCount edges { cursor node { id text speaker { __typename } } } pageInfo { hasNextPage }
               }
             }`,
            { filter: claimFilter, ...page },
          );
          const codes = (response.errors ?? []).map((error) => error.extensions?.code);
          if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)) {
            failures += 1;
            throw new Error(`status ${response.status}, errors ${JSON.stringify(response.errors)}`);
          }
        }),
        { numRuns: 150, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
      );
    } finally {
      recordReliability({ kind: 'property', category: 'random claim filters over HTTP', runs, failures });
    }
    expect(await ownGraphCounts(server.db.driver)).toEqual(counts);
  });

  it('writes a random (valid or mutated) annotation whole or not at all', async () => {
    const { minimalAnnotation, ids } = createBuilders(PREFIX);
    const base = minimalAnnotation();
    const prefixedNodes = () => prefixedNodeCount(server.db.driver, PREFIX);
    const directory = await mkdtemp(path.join(os.tmpdir(), 'reliability-property-'));
    let runs = 0;
    let failures = 0;
    let written = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { maxLength: 3 }), async (mutations) => {
          const document = mutate(base, mutations);
          const { file } = await writeFixture(directory, {
            annotation: { ...base, source: { ...base.source } },
            content: JSON.stringify(document),
          });
          // Only documents whose every id is the test's own reach the database: nothing seeded is touched.
          const graph = await loadAnnotation(file).then(
            (loaded) => loaded.graph,
            (error: unknown) => {
              if (!(error instanceof AnnotationError)) throw error;
              return undefined;
            },
          );
          if (graph && !keysOf(graph).every((id) => id.startsWith(PREFIX))) return;
          runs += 1;
          await deletePrefixed(server.db.driver, PREFIX);
          const outcome = await ingestFile(server.db.executor, file).then(
            () => 'written' as const,
            (error: unknown) => {
              if (error instanceof AnnotationError) return 'refused' as const;
              throw error;
            },
          );
          const stored = await sourceCounts(server.db.driver, graph?.source.key ?? ids.source);
          try {
            if (outcome === 'refused') {
              expect(graph).toBeUndefined();
              expect(stored).toEqual({ source: 0, nodes: 0, relationships: 0 });
              expect(await prefixedNodes()).toBe(0);
            } else {
              written += 1;
              expect(stored.source).toBe(1);
              expect(stored.nodes).toBe(1 + graph!.claims.length + graph!.figures.length + graph!.projections.length);
              expect(await prefixedNodes()).toBe(keysOf(graph!).length);
            }
          } catch (error) {
            failures += 1;
            throw error;
          }
        }),
        { numRuns: 30, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
      );
    } finally {
      recordReliability({
        kind: 'property',
        category: 'random annotation documents (whole or nothing)',
        runs,
        failures,
      });
      await rm(directory, { recursive: true, force: true });
    }
    expect(written).toBeGreaterThan(0);
  }, 60_000);
});
