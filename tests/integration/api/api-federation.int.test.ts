import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf, insertTestClaim, insertTestPerson, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { loadFullSeed, loadSeed, type FullSeed, type SeedData } from '../../support/seed-data';
import { EDITOR_TOKEN, startTestServer, type TestServer } from '../../support/server';

/**
 * The service as an Apollo Federation subgraph (GRAPHQL_FEDERATION=true), called over HTTP the way
 * a router calls it: `_entities` with a list of representations. References batch through the
 * per-request loaders, so the statements run depend on the entity types asked for, never on how
 * many representations there are.
 */

const PREFIX = 'test-api-federation';
const SPEAKER = `${PREFIX}-speaker`;
const CLAIMS = Array.from({ length: 100 }, (_, index) => `${PREFIX}-claim-${String(index).padStart(3, '0')}`);

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Claim { id text speaker { name } }
    ... on Source { id title }
    ... on Person { id name }
    ... on Organization { id name }
    ... on Metric { id name }
  }
}`;

interface Entity {
  __typename: string;
  id: string;
  text?: string;
  speaker?: { name: string };
  title?: string;
  name?: string;
}
type Entities = { _entities: (Entity | null)[] };

const claimReference = (key: string) => ({ __typename: 'Claim', id: toGlobalId('Claim', key) });

describe('the federation subgraph over HTTP', () => {
  let server: TestServer;
  let data: SeedData;
  /** What `npm start` seeds: whole-graph counts include every seeded source. */
  let full: FullSeed;

  beforeAll(async () => {
    server = await startTestServer({ GRAPHQL_FEDERATION: 'true' });
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
    await insertTestPerson(server.db.driver, { id: SPEAKER, name: 'Test federation speaker' });
    for (const id of CLAIMS) {
      await insertTestClaim(server.db.driver, { id, sourceKey: PREFIX, text: `Claim ${id}`, speakerId: SPEAKER });
    }
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('resolves 100 claim representations, with their speakers, in as many statements as 10', async () => {
    const hundred = await run<Entities>(server, ENTITIES, { representations: CLAIMS.map(claimReference) });
    const ten = await run<Entities>(server, ENTITIES, { representations: CLAIMS.slice(0, 10).map(claimReference) });

    // Every representation is answered, in the order asked, with data read from the graph.
    expect(hundred.data._entities.map((entity) => entity?.text)).toEqual(CLAIMS.map((id) => `Claim ${id}`));
    expect(hundred.data._entities.map((entity) => entity?.id)).toEqual(CLAIMS.map((id) => claimReference(id).id));
    expect(hundred.data._entities.every((entity) => entity?.speaker?.name === 'Test federation speaker')).toBe(true);
    expect(ten.data._entities).toHaveLength(10);
    // One statement for the claims, one for their speakers.
    expect(hundred.cypherQueries).toBe(2);
    expect(ten.cypherQueries).toBe(hundred.cypherQueries);
  });

  it('resolves every seeded claim, source, person, organization and metric with one statement per type', async () => {
    const { annotation } = data;
    const references = [
      ...annotation.claims.map((claim) => claimReference(data.ownedKey(claim.id))),
      { __typename: 'Source', id: data.sourceGid },
      ...annotation.people.map((person) => ({ __typename: 'Person', id: toGlobalId('Person', person.id) })),
      ...annotation.organizations.map((org) => ({
        __typename: 'Organization',
        id: toGlobalId('Organization', org.id),
      })),
      ...annotation.metrics.map((metric) => ({ __typename: 'Metric', id: toGlobalId('Metric', metric.id) })),
    ];
    // One representation of each type costs as much as all of them.
    const oneOfEach = ['Claim', 'Source', 'Person', 'Organization', 'Metric'].map(
      (type) => references.find((reference) => reference.__typename === type) as { __typename: string; id: string },
    );
    const all = await run<Entities>(server, ENTITIES, { representations: references });
    const few = await run<Entities>(server, ENTITIES, { representations: oneOfEach });

    expect(all.data._entities.map((entity) => [entity?.__typename, entity?.id])).toEqual(
      references.map((reference) => [reference.__typename, reference.id]),
    );
    const names = (type: string) =>
      all.data._entities.filter((entity) => entity?.__typename === type).map((entity) => entity?.name);
    expect(names('Person')).toEqual(annotation.people.map((person) => person.name));
    expect(names('Organization')).toEqual(annotation.organizations.map((org) => org.name));
    expect(names('Metric')).toEqual(annotation.metrics.map((metric) => metric.name));
    expect(all.data._entities.find((entity) => entity?.__typename === 'Source')?.title).toBe(data.loaded.meta.title);
    // Claims (and their speakers), source, people, organizations, metrics.
    expect(all.cypherQueries).toBe(6);
    expect(few.cypherQueries).toBe(all.cypherQueries);
  });

  it('resolves a reference it never issued to null, without failing the batch', async () => {
    const { data: result } = await run<Entities>(server, ENTITIES, {
      representations: [
        claimReference(CLAIMS[0] as string),
        { __typename: 'Claim', id: 'not a global id!' },
        { __typename: 'Claim', id: 42 },
        { __typename: 'Claim' },
        claimReference(`${PREFIX}-deleted`),
        // The id of a person, presented as a claim.
        { __typename: 'Claim', id: toGlobalId('Person', SPEAKER) },
      ],
    });
    expect(result._entities.map((entity) => entity?.text ?? null)).toEqual([
      `Claim ${CLAIMS[0]}`,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('refuses a representation of a type that is not an entity with BAD_USER_INPUT', async () => {
    for (const __typename of ['Topic', 'NoSuchType', undefined]) {
      const response = await server.graphql(ENTITIES, {
        representations: [claimReference(CLAIMS[0] as string), { __typename, id: toGlobalId('Topic', 'batteries') }],
      });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe(
        '"representations" may only name the entity types Claim, Source, Person, Organization, Metric',
      );
    }
  });

  it('refuses more than 100 representations in one request with BAD_USER_INPUT', async () => {
    const representations = [...CLAIMS, CLAIMS[0] as string].map(claimReference);
    expect(representations).toHaveLength(101);
    const response = await server.graphql(ENTITIES, { representations });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe('representations');
    expect(response.data).toBeNull();
  });

  it('serves its SDL with the @key of each entity for composition', async () => {
    const { _service } = dataOf(await server.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }'));
    for (const type of ['Claim', 'Source', 'Person', 'Organization', 'Metric']) {
      expect(_service.sdl).toMatch(new RegExp(`^type ${type} implements [^{]*@key\\(fields: "id"\\)`, 'm'));
    }
  });

  it('sends no inline trace (per-field timings) to a caller asking for one', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1' },
      body: JSON.stringify({ query: ENTITIES, variables: { representations: [claimReference(CLAIMS[0] as string)] } }),
    });
    const body = (await response.json()) as { data?: unknown; extensions?: Record<string, unknown> };
    expect(body.data).toBeDefined();
    expect(Object.keys(body.extensions ?? {})).not.toContain('ftv1');
  });

  it('keeps the rest of the API, its limits and its authentication', async () => {
    const { data: result } = await run<{ claims: { totalCount: number } }>(server, '{ claims { totalCount } }');
    expect(result.claims.totalCount).toBe(full.claims.length + CLAIMS.length);

    const addSource = 'mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }';
    const input = {
      ...{ title: 'Federated write', url: 'https://example.org/federated', publishedDate: '2024-03-20' },
      ...{ language: 'en', kind: 'article', publisher: toGlobalId('Organization', 'cgtn'), text: 'Text.' },
    };
    expect(codeOf(await server.graphql(addSource, { input }))).toBe('UNAUTHENTICATED');

    const tooDeep = `{ _entities(representations: []) { ... on Person { ${'roles { holder { '.repeat(7)}name${' } }'.repeat(7)} } } }`;
    expect(codeOf(await server.graphql(tooDeep, {}, { token: EDITOR_TOKEN }))).toBe('QUERY_TOO_COMPLEX');
  });
});
