import { randomUUID } from 'node:crypto';

import { toGlobalId } from '../../../src/modules/common/global-id';
import { ADD_SOURCE, READ_SOURCE, decodeGlobalId, sourceInput } from '../../support/api';
import { graphCounts, type GraphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, postGraphQL, startTestServer, type TestServer } from '../../support/server';

describe('bookmarks: read-your-writes across requests', () => {
  let server: TestServer;
  let before: GraphCounts;
  const sourceKeys: string[] = [];

  const addSource = async (headers: Record<string, string> = {}) => {
    const response = await postGraphQL<{ addSource: { id: string; title: string } }>(
      server.url,
      { query: ADD_SOURCE, variables: { input: sourceInput(randomUUID()) } },
      { authorization: `Bearer ${EDITOR_TOKEN}`, ...headers },
    );
    expect(response.body.errors).toBeUndefined();
    sourceKeys.push(decodeGlobalId(response.body.data!.addSource.id).key);
    return response;
  };

  beforeAll(async () => {
    server = await startTestServer();
    before = await graphCounts(server.db.driver);
  });
  afterAll(async () => {
    await server.db.driver.executeQuery('MATCH (s:Source) WHERE s.id IN $keys DETACH DELETE s', { keys: sourceKeys });
    expect(await graphCounts(server.db.driver)).toEqual(before);
    await server.close();
  });

  it('returns the bookmarks of a mutation in the Neo4j-Bookmarks header and in extensions.bookmarks', async () => {
    const response = await addSource();
    const header = response.headers.get('neo4j-bookmarks');
    expect(header).toMatch(/^FB:\S+$/);
    expect(response.body.extensions?.bookmarks).toEqual(header!.split(','));
  });

  it('reads a write of an earlier request when the client sends its bookmarks back', async () => {
    const written = await addSource();
    const bookmarks = written.headers.get('neo4j-bookmarks')!;
    const read = await postGraphQL<{ node: { id: string; title: string } | null }>(
      server.url,
      { query: READ_SOURCE, variables: { id: written.body.data!.addSource.id } },
      { authorization: `Bearer ${EDITOR_TOKEN}`, 'neo4j-bookmarks': bookmarks },
    );
    expect(read.status).toBe(200);
    expect(read.body.data?.node).toEqual(written.body.data!.addSource);
    // Queries return bookmarks in the header only; a newer read transaction has a bookmark of its own.
    expect(read.headers.get('neo4j-bookmarks')).toMatch(/^FB:\S+$/);
    expect(read.body.extensions?.bookmarks).toBeUndefined();
  });

  it('sends the bookmarks to Neo4j: one it does not know is refused with BAD_USER_INPUT, nothing written', async () => {
    const counts = await graphCounts(server.db.driver);
    const response = await postGraphQL(
      server.url,
      { query: ADD_SOURCE, variables: { input: sourceInput(randomUUID()) } },
      { authorization: `Bearer ${EDITOR_TOKEN}`, 'neo4j-bookmarks': 'FB:not-a-bookmark-of-this-database' },
    );
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'Neo4j-Bookmarks' });
    expect(response.body.errors?.[0]?.message).toMatch(/bookmark this database does not know/);
    expect(JSON.stringify(response.body)).not.toMatch(/packstream|Neo\.ClientError|at \w+ \(/i);
    // The refused bookmark is not handed back for the client to send again.
    expect(response.headers.get('neo4j-bookmarks')).toBeNull();
    expect(await graphCounts(server.db.driver)).toEqual(counts);
  });

  it('takes bookmarks only from clients with a token, and returns none to anonymous readers', async () => {
    const written = await addSource();
    const anonymous = await postGraphQL(
      server.url,
      { query: READ_SOURCE, variables: { id: written.body.data!.addSource.id } },
      { 'neo4j-bookmarks': written.headers.get('neo4j-bookmarks')! },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', field: 'Neo4j-Bookmarks' });
    const read = await postGraphQL<{ node: { id: string } | null }>(server.url, {
      query: READ_SOURCE,
      variables: { id: written.body.data!.addSource.id },
    });
    expect(read.body.data?.node?.id).toBe(written.body.data!.addSource.id);
    expect(read.headers.get('neo4j-bookmarks')).toBeNull();
  });

  it.each([
    ['a space inside a bookmark', 'FB:abc def'],
    ['an empty entry', 'FB:abc,,FB:def'],
    ['more than 64 bookmarks', Array.from({ length: 65 }, (_value, index) => `FB:b${index}`).join(',')],
    ['a bookmark over 256 characters', `FB:${'a'.repeat(300)}`],
  ])('refuses a malformed header (%s) with 400 BAD_USER_INPUT naming it', async (_case, header) => {
    const response = await postGraphQL(
      server.url,
      { query: READ_SOURCE, variables: { id: toGlobalId('Source', 'none') } },
      { 'neo4j-bookmarks': header },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Neo4j-Bookmarks' });
  });
});
