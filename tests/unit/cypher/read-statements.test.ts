import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { Date as Neo4jDate, isInt } from 'neo4j-driver';

import { createContext } from '../../../src/context';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { encodeCursor } from '../../../src/modules/common/pagination';
import { createSchema } from '../../../src/schema';
import { node, RecordingExecutor, relationship, row, type Answers } from '../../support/recording-executor';

/**
 * The Cypher the read path sends for a GraphQL operation, with no database: each test runs an
 * operation against the real schema, resolvers, loaders and repositories over a RecordingExecutor
 * and compares the statements (name, Cypher, parameters) with the committed snapshot
 * (__snapshots__/read-statements.test.ts.snap). A change to a statement or to how many run shows up
 * there for review; `npx jest tests/unit/cypher -u` rewrites the snapshot after a deliberate change.
 */

// Integers travel as neo4j Integers (LIMIT needs one); print them as the int() that made them.
expect.addSnapshotSerializer({
  test: (value: unknown) => isInt(value),
  serialize: (value: { toString(): string }) => `int(${value.toString()})`,
});

const date = (iso: string) => Neo4jDate.fromStandardDate(new globalThis.Date(`${iso}T00:00:00Z`));

const quote = { quote: '约有2.4辆新能源车', quoteStart: 10, quoteEnd: 20, quotePrefix: '', quoteSuffix: '' };

const claimNode = (id: string) =>
  node('Claim', {
    id,
    text: `Claim ${id}: 新能源汽车 sales rose`,
    kind: 'statistic',
    attribution: 'direct-quote',
    sourceId: 'test-source',
    ...quote,
  });

const figureNode = (id: string, periodStart: string) =>
  node('Figure', {
    id,
    name: `Figure ${id}`,
    value: 31.6,
    unit: 'percent',
    qualifier: 'about',
    periodLabel: periodStart.slice(0, 4),
    periodStart: date(periodStart),
    periodEnd: date(periodStart),
    periodExpression: periodStart.slice(0, 4),
    sourceId: 'test-source',
    ...quote,
  });

const sourceNode = node('Source', {
  id: 'test-source',
  title: 'A test interview',
  kind: 'interview',
  url: 'https://news.example/interview',
  publishedDate: date('2024-03-19'),
  language: 'en',
  text: 'Body',
  contentHash: 'abc',
  length: 4,
  bodyStart: 0,
  bodyEnd: 4,
});
const publisherNode = node('Organization', { id: 'test-broadcaster', name: 'Test TV', kind: 'broadcaster' });
const personNode = node('Person', { id: 'test-miao', name: 'Miao Wei' });
const metricNode = node('Metric', { id: 'test-nev-share', name: 'NEV share', description: 'Share', unit: 'percent' });

/** Rows of a batched page statement: `nodes` for every request of the batch. */
const pageRows = (nodes: ReturnType<typeof node>[]) => (params: { requests?: unknown }) =>
  (params.requests as { key: string }[]).flatMap((request) =>
    nodes.map((item) => row({ key: request.key, node: item })),
  );

/** Rows of a by-key statement: `found` for every key asked. */
const keyRows = (found: ReturnType<typeof node>) => (params: { keys?: unknown }) =>
  (params.keys as string[]).map((key) => row({ key, node: found }));

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

async function execute(answers: Answers, source: string, variableValues?: Record<string, unknown>) {
  const executor = new RecordingExecutor(answers);
  const contextValue = createContext(executor, { viewer: null, failure: null });
  const result: ExecutionResult = await graphql({ schema, source, variableValues, contextValue });
  return { result, executor };
}

describe('the Cypher of read operations', () => {
  it('claims: one page statement with the filter as one map parameter, then the count', async () => {
    const { result, executor } = await execute(
      { 'claim.pages': pageRows([claimNode('c-2'), claimNode('c-3'), claimNode('c-4')]) },
      `query ($after: String, $speaker: ID) {
        claims(first: 2, after: $after, filter: {
          speaker: $speaker, kinds: [STATISTIC], attributions: [DIRECT_QUOTE],
          period: { from: "2023-01-01", to: "2023-12-31" }, text: "新能源"
        }) {
          totalCount
          edges { cursor node { id } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after: encodeCursor({ sortValue: null, key: 'c-1' }), speaker: toGlobalId('Person', 'test-miao') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      claims: {
        totalCount: 0,
        edges: [
          { cursor: encodeCursor({ sortValue: null, key: 'c-2' }), node: { id: toGlobalId('Claim', 'c-2') } },
          { cursor: encodeCursor({ sortValue: null, key: 'c-3' }), node: { id: toGlobalId('Claim', 'c-3') } },
        ],
        pageInfo: { hasNextPage: true, endCursor: encodeCursor({ sortValue: null, key: 'c-3' }) },
      },
    });
    expect(executor.names).toEqual(['claim.pages', 'claim.counts']);
    expect(executor.statements).toMatchSnapshot();
  });

  it('claim(id) with its lineage: one statement serves the claim, its own relations and the lineage', async () => {
    const lineageRow = (params: { keys?: unknown }) =>
      (params.keys as string[]).map((key) =>
        row({
          key,
          claim: claimNode(key),
          source: sourceNode,
          publisher: publisherNode,
          speaker: personNode,
          role: {
            role: node('Role', { id: 'test-role', name: 'Chair', title: 'Chair', status: 'current' }),
            organization: publisherNode,
          },
          figures: [
            {
              figure: figureNode('test-figure', '2023-12-31'),
              metric: metricNode,
              source: null,
              relays: [],
              producers: [],
            },
          ],
          evidence: [{ node: claimNode('c-9'), link: relationship('SUPPORTS', { origin: 'api' }) }],
          reviews: [],
          relays: [],
          producers: [],
          earlier: [],
        }),
      );
    const { result, executor } = await execute(
      { 'claim.lineage': lineageRow },
      `query ($id: ID!) {
        claim(id: $id) {
          speaker { name } source { title publisher { name } } figures { metric { name } } evidence { stance }
          lineage {
            claim { speaker { name } }
            source { title publisher { name } } publisher { name } speaker { name }
            role { title organization { name } }
            figures { figure { metric { name } } metric { name } }
            supporting { item { ... on Claim { id } } } contradicting { stance } reviews { id }
          }
        }
      }`,
      { id: toGlobalId('Claim', 'c-1') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      claim: {
        speaker: { name: 'Miao Wei' },
        source: { title: 'A test interview', publisher: { name: 'Test TV' } },
        figures: [{ metric: { name: 'NEV share' } }],
        evidence: [{ stance: 'SUPPORTS' }],
        lineage: {
          claim: { speaker: { name: 'Miao Wei' } },
          source: { publisher: { name: 'Test TV' } },
          role: { title: 'Chair', organization: { name: 'Test TV' } },
          figures: [{ figure: { metric: { name: 'NEV share' } }, metric: { name: 'NEV share' } }],
          supporting: [{ item: { id: toGlobalId('Claim', 'c-9') } }],
          contradicting: [],
          reviews: [],
        },
      },
    });
    expect(executor.names).toEqual(['claim.lineage']);
    expect(executor.statements).toMatchSnapshot();
  });

  it('claim(id) with its figures compared: the siblings come in the same statement', async () => {
    const lineageRow = (params: { keys?: unknown }) =>
      (params.keys as string[]).map((key) =>
        row({
          key,
          claim: claimNode(key),
          source: sourceNode,
          publisher: publisherNode,
          speaker: personNode,
          role: null,
          figures: [
            {
              figure: figureNode('test-figure', '2023-12-31'),
              metric: metricNode,
              source: sourceNode,
              relays: [],
              producers: [],
              siblings: [
                { node: figureNode('test-same', '2023-12-31'), relation: 'same-period' },
                { node: figureNode('test-later', '2024-12-31'), relation: 'other-period' },
              ],
            },
          ],
          evidence: [],
          reviews: [],
          relays: [],
          producers: [],
          earlier: [],
        }),
      );
    const { result, executor } = await execute(
      { 'claim.lineage': lineageRow },
      `query ($id: ID!) {
        claim(id: $id) { lineage { figures { samePeriod { figure { id } consistent } series { figure { id } } } } }
      }`,
      { id: toGlobalId('Claim', 'c-1') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      claim: {
        lineage: {
          figures: [
            {
              samePeriod: [{ figure: { id: toGlobalId('Figure', 'test-same') }, consistent: true }],
              series: [{ figure: { id: toGlobalId('Figure', 'test-later') } }],
            },
          ],
        },
      },
    });
    expect(executor.names).toEqual(['claim.lineage']);
    expect(executor.statements[0]?.params).toEqual({ keys: ['c-1'], withSiblings: true });
  });

  it('search: the words escaped for Lucene, the limit an integer', async () => {
    const { result, executor } = await execute(
      { 'search.fulltext': () => [row({ score: 1.5, node: claimNode('c-1') })] },
      '{ search(query: "charging (stations) AND 充电桩", first: 5) { score node { __typename } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ search: [{ score: 1.5, node: { __typename: 'Claim' } }] });
    expect(executor.statements).toMatchSnapshot();
  });

  it("a metric's figure series: the metric, then one page of figures by period", async () => {
    const { result, executor } = await execute(
      {
        'metric.byKeys': keyRows(metricNode),
        'figure.pages': pageRows([figureNode('f-2023', '2023-12-31')]),
      },
      `query ($id: ID!, $after: String) {
        metric(id: $id) {
          name
          figures(first: 3, after: $after, filter: { period: { from: "2020-01-01", to: "2023-12-31" } }) {
            edges { cursor node { value period { start } } }
          }
        }
      }`,
      { id: toGlobalId('Metric', 'test-nev-share'), after: encodeCursor({ sortValue: '2022-12-31', key: 'f-2022' }) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      metric: {
        name: 'NEV share',
        figures: {
          edges: [
            {
              cursor: encodeCursor({ sortValue: '2023-12-31', key: 'f-2023' }),
              node: { value: 31.6, period: { start: '2023-12-31' } },
            },
          ],
        },
      },
    });
    expect(executor.names).toEqual(['metric.byKeys', 'figure.pages']);
    expect(executor.statements).toMatchSnapshot();
  });

  it("a person's claims: the person, then a claim page filtered by speaker", async () => {
    const { result, executor } = await execute(
      { 'person.byKeys': keyRows(personNode), 'claim.pages': pageRows([claimNode('c-1')]) },
      'query ($id: ID!) { person(id: $id) { name claims(first: 5) { edges { node { id } } } } }',
      { id: toGlobalId('Person', 'test-miao') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: { name: 'Miao Wei', claims: { edges: [{ node: { id: toGlobalId('Claim', 'c-1') } }] } },
    });
    expect(executor.names).toEqual(['person.byKeys', 'claim.pages']);
    expect(executor.statements).toMatchSnapshot();
  });

  it('a top-level list after a cursor: the sort value and key as separate parameters', async () => {
    const { result, executor } = await execute(
      { 'person.page': () => [row({ node: personNode })], 'person.count': () => [row({ count: 7 })] },
      'query ($after: String) { people(first: 1, after: $after) { totalCount edges { node { name } } } }',
      { after: encodeCursor({ sortValue: 'Li Hui', key: 'test-li' }) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ people: { totalCount: 7, edges: [{ node: { name: 'Miao Wei' } }] } });
    expect(executor.statements).toMatchSnapshot();
  });

  it('node(id): the by-key statement of the type the global id names', async () => {
    const { result, executor } = await execute(
      { 'topic.byKeys': keyRows(node('Topic', { id: 'test-charging', name: 'Charging' })) },
      'query ($id: ID!) { node(id: $id) { __typename ... on Topic { name } } }',
      { id: toGlobalId('Topic', 'test-charging') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: { __typename: 'Topic', name: 'Charging' } });
    expect(executor.statements).toMatchSnapshot();
  });
});
