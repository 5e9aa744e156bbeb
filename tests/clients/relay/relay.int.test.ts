import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  commitLocalUpdate,
  ConnectionHandler,
  Environment,
  fetchQuery,
  Network,
  RecordSource,
  Store,
  type GraphQLResponse,
  type RequestParameters,
  type Variables,
} from 'relay-runtime';

import { seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { startTestServer, type TestServer } from '../../support/server';
import ClaimCardRefetchQuery from './__generated__/ClaimCardRefetchQuery.graphql';
import ClaimListPaginationQuery from './__generated__/ClaimListPaginationQuery.graphql';
import NodeRoundTripQuery, {
  type NodeRoundTripQuery as NodeRoundTrip,
} from './__generated__/NodeRoundTripQuery.graphql';
import SpeakerClaimsPaginationQuery from './__generated__/SpeakerClaimsPaginationQuery.graphql';

/** Relay against the real service: the compiler accepts our fragments, and the runtime conventions hold. */

const RELAY_COMPILER = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'relay-compiler');
const SCHEMA = path.join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

interface Page {
  totalCount?: number;
  edges: { cursor: string; node: { id: string; speaker?: { id: string } | null } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

describe('Relay', () => {
  let server: TestServer;
  /** Every raw response the network layer received, in order. */
  const responses: GraphQLResponse[] = [];

  function relayEnvironment(): Environment {
    const network = Network.create(async (operation: RequestParameters, variables: Variables) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
        },
        body: JSON.stringify({ query: operation.text, operationName: operation.name, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      responses.push(body);
      return body;
    });
    const store = new Store(new RecordSource());
    store.holdGC(); // the test reads the store after each fetch; no component retains the data
    return new Environment({ network, store });
  }

  const lastPage = (field: (data: Record<string, unknown>) => unknown) =>
    field((responses.at(-1) as { data: Record<string, unknown> }).data) as Page;

  /** Fetches a paginated query page by page, by endCursor, as usePaginationFragment's loadNext does. */
  async function walk(
    environment: Environment,
    fetchPage: (after: string | null) => Promise<unknown>,
    pageOf: (data: Record<string, unknown>) => unknown,
  ): Promise<{ ids: string[]; totalCount?: number; pages: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount: number | undefined;
    do {
      await fetchPage(after);
      const page = lastPage(pageOf);
      totalCount ??= page.totalCount;
      ids.push(...page.edges.map((edge) => edge.node.id));
      pages += 1;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return { ids, totalCount, pages };
  }

  /** The node ids of a @connection as Relay's store merged it. */
  function storedConnection(environment: Environment, parentId: string | null, key: string): string[] {
    let ids: string[] = [];
    commitLocalUpdate(environment, (store) => {
      const parent = parentId === null ? store.getRoot() : store.get(parentId);
      const connection = parent ? ConnectionHandler.getConnection(parent, key) : undefined;
      ids = (connection?.getLinkedRecords('edges') ?? []).map(
        (edge) => edge?.getLinkedRecord('node')?.getDataID() ?? '',
      );
    });
    return ids;
  }

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
  });
  afterAll(() => server.close());

  it('relay-compiler accepts the fragments (@connection on claim connections, @refetchable on Claim) and __generated__ is current', () => {
    const result = spawnSync(RELAY_COMPILER, ['--validate'], { cwd: __dirname, encoding: 'utf8' });
    expect([result.status, result.stderr + result.stdout]).toEqual([0, expect.any(String)]);
  });

  it('relay-compiler refuses @connection on a field that is not a connection (the check can fail)', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'relay-'));
    try {
      writeFileSync(
        path.join(directory, 'relay.config.json'),
        JSON.stringify({ src: '.', schema: SCHEMA, language: 'typescript' }),
      );
      writeFileSync(
        path.join(directory, 'bad.ts'),
        'graphql`fragment Bad_claim on Claim { topics @connection(key: "Bad_topics") { id } }`;\n',
      );
      const result = spawnSync(RELAY_COMPILER, ['--validate'], { cwd: directory, encoding: 'utf8' });
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(/connection/i);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('README quotes the fragments exactly as the compiler reads them', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const documents = readFileSync(path.join(__dirname, 'documents.ts'), 'utf8');
    const fragments = [...documents.matchAll(/graphql`\n([\s\S]*?)`;/g)]
      .map((match) => match[1]!.replace(/^ {2}/gm, '').trimEnd())
      .filter((text) => text.startsWith('fragment'));
    expect(fragments).toHaveLength(3);
    for (const fragment of fragments) expect(readme).toContain(fragment);
  });

  it('walks every claim by endCursor with no gaps or repeats, and the store merges the pages in order', async () => {
    const environment = relayEnvironment();
    const { ids, totalCount, pages } = await walk(
      environment,
      (after) => fetchQuery(environment, ClaimListPaginationQuery, { first: 4, after }).toPromise(),
      (data) => data.claims,
    );
    const all = await server.graphql<{ claims: { edges: { node: { id: string } }[] } }>(
      '{ claims(first: 100) { edges { node { id } } } }',
    );
    expect(pages).toBeGreaterThan(2);
    expect(ids).toEqual(all.data!.claims.edges.map((edge) => edge.node.id));
    expect(new Set(ids).size).toBe(totalCount);
    expect(storedConnection(environment, null, 'ClaimList_claims')).toEqual(ids);
  });

  it('walks a speaker’s claims through the @refetchable node query the compiler generated', async () => {
    const environment = relayEnvironment();
    const id = toGlobalId('Person', 'miao-wei');
    const { ids } = await walk(
      environment,
      (after) => fetchQuery(environment, SpeakerClaimsPaginationQuery, { id, first: 2, after }).toPromise(),
      (data) => (data.node as { claims: unknown }).claims,
    );
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(storedConnection(environment, id, 'SpeakerClaims_claims')).toEqual(ids);
  });

  it('node(id) round-trips every id a walk returned: claims and their speakers', async () => {
    const environment = relayEnvironment();
    const claimPages = await walk(
      environment,
      (after) => fetchQuery(environment, ClaimListPaginationQuery, { first: 50, after }).toPromise(),
      (data) => data.claims,
    );
    const speakerIds = new Set<string>();
    for (const response of responses.slice(-claimPages.pages)) {
      for (const edge of (response as { data: { claims: Page } }).data.claims.edges) {
        if (edge.node.speaker) speakerIds.add(edge.node.speaker.id);
      }
    }
    expect(speakerIds.size).toBeGreaterThan(1);
    for (const id of [...claimPages.ids, ...speakerIds]) {
      const data = await fetchQuery<NodeRoundTrip>(environment, NodeRoundTripQuery, { id }).toPromise();
      expect(data?.node?.id).toBe(id);
    }
  });

  it('refetches a Claim by its @refetchable query and updates the record in the store', async () => {
    const environment = relayEnvironment();
    await fetchQuery(environment, ClaimListPaginationQuery, { first: 1 }).toPromise();
    const id = lastPage((data) => data.claims).edges[0]!.node.id;
    await fetchQuery(environment, ClaimCardRefetchQuery, { id }).toPromise();
    const record = environment.getStore().getSource().get(id);
    expect(record?.__typename).toBe('Claim');
    expect(typeof record?.text).toBe('string');
    expect(responses.at(-1)).toEqual({
      data: { node: expect.objectContaining({ id, __typename: 'Claim' }) },
      extensions: expect.anything(),
    });
  });
});
