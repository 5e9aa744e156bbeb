import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { insertTestClaim, insertTestPerson, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { loadFullSeed, loadSeed, sortedNames, type FullSeed, type SeedData } from '../../support/seed-data';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * N+1 checks through `extensions.cypherQueries` (the Cypher statements one operation ran): every
 * level of a query is one batched statement, so the count depends on the shape of the query and
 * not on how many items each level has.
 */

const PREFIX = 'test-api-batching';

interface Named {
  name: string;
}

const CLAIMS_WITH_EVERYTHING = `query ($first: Int) { claims(first: $first) { edges { node {
  speaker { name ... on Person { roles { organization { name } } } }
  source { publisher { name } }
  figures { metric { name } }
} } } }`;

interface ClaimsWithEverything {
  claims: {
    edges: {
      node: {
        speaker: Named & { roles?: { organization: Named }[] };
        source: { publisher: Named };
        figures: { metric: Named }[];
      };
    }[];
  };
}

describe('batched reads', () => {
  let server: TestServer;
  let data: SeedData;
  /** What `npm start` seeds: every list below is of the whole graph. */
  let full: FullSeed;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
  });
  afterEach(() => deleteTestNodes(server.db.driver, PREFIX));
  afterAll(() => server.close());

  it('reads claims with speaker, roles, source, publisher, figures and metrics in one statement per level', async () => {
    const { data: result, cypherQueries } = await run<ClaimsWithEverything>(server, CLAIMS_WITH_EVERYTHING, {
      first: 50,
    });
    const edges = result.claims.edges;
    expect(full.claims.length).toBeLessThanOrEqual(50);
    expect(edges).toHaveLength(full.claims.length);
    // The data is all there: this is not a cheap query that skipped levels.
    const miao = edges.filter((edge) => edge.node.speaker.name === 'Miao Wei');
    expect(miao).toHaveLength(data.annotation.claims.filter((claim) => claim.speaker === 'miao-wei').length);
    expect(miao[0]?.node.speaker.roles?.map((role) => role.organization.name)).toHaveLength(2);
    expect(edges.filter((edge) => edge.node.source.publisher.name === 'CGTN')).toHaveLength(
      data.annotation.claims.length,
    );
    const metrics = edges.flatMap((edge) => edge.node.figures.map((figure) => figure.metric.name));
    expect(metrics).toHaveLength(full.claims.reduce((sum, claim) => sum + claim.figureKeys.length, 0));
    // claims page, speaker, roles, role organization, source, publisher, figures, metric: 8 levels.
    expect(cypherQueries).toBeLessThanOrEqual(8);
  });

  it('costs the same for 5 claims as for 50', async () => {
    const five = await run<ClaimsWithEverything>(server, CLAIMS_WITH_EVERYTHING, { first: 5 });
    const fifty = await run<ClaimsWithEverything>(server, CLAIMS_WITH_EVERYTHING, { first: 50 });
    expect(five.data.claims.edges).toHaveLength(5);
    // The first five claims reach every level (a person with roles, a cited figure), so both run all of them.
    expect(five.data.claims.edges.some((edge) => edge.node.figures.length > 0)).toBe(true);
    expect(five.data.claims.edges.some((edge) => (edge.node.speaker.roles ?? []).length > 0)).toBe(true);
    expect(fifty.data.claims.edges.length).toBeGreaterThan(five.data.claims.edges.length);
    expect(five.cypherQueries).toBe(fifty.cypherQueries);
  });

  it("batches each person's claims connection, whatever the number of people", async () => {
    // Two more people, each with one claim, make the list longer.
    for (const suffix of ['a', 'b']) {
      const id = `${PREFIX}-person-${suffix}`;
      await insertTestPerson(server.db.driver, { id, name: `Test person ${suffix.toUpperCase()}` });
      await insertTestClaim(server.db.driver, { id: `${PREFIX}-claim-${suffix}`, sourceKey: PREFIX, speakerId: id });
    }
    const query = `query ($first: Int) { people(first: $first) { edges { node {
      name claims(first: 3) { totalCount edges { node { text } } }
    } } } }`;
    type People = {
      people: { edges: { node: { name: string; claims: { totalCount: number; edges: unknown[] } } }[] };
    };
    const one = await run<People>(server, query, { first: 1 });
    const all = await run<People>(server, query, { first: 100 });

    const people = all.data.people.edges.map((edge) => edge.node);
    const testPeople = [{ name: 'Test person A' }, { name: 'Test person B' }];
    expect(people.map((person) => person.name)).toEqual(sortedNames([...full.people, ...testPeople]));
    const claimsOf = (name: string) => {
      const key = full.people.find((person) => person.name === name)?.key;
      return name.startsWith('Test person') ? 1 : full.claims.filter((claim) => claim.speakerKey === key).length;
    };
    expect(people.map((person) => person.claims.totalCount)).toEqual(people.map((person) => claimsOf(person.name)));
    expect(people.map((person) => person.claims.edges.length)).toEqual(
      people.map((person) => Math.min(3, claimsOf(person.name))),
    );
    expect(claimsOf('Miao Wei')).toBeGreaterThan(3);
    expect(one.data.people.edges).toHaveLength(1);
    // people page + claim pages + claim counts, for one person as for three.
    expect(all.cypherQueries).toBe(one.cypherQueries);
    expect(all.cypherQueries).toBeLessThanOrEqual(3);
  });

  it("batches each organization's and each topic's claims", async () => {
    const query = `query ($first: Int) {
      organizations(first: $first) { edges { node { name claims(first: 3) { totalCount edges { node { id } } } } } }
    }`;
    type Organizations = {
      organizations: { edges: { node: { name: string; claims: { totalCount: number } } }[] };
    };
    const one = await run<Organizations>(server, query, { first: 1 });
    const all = await run<Organizations>(server, query, { first: 100 });
    expect(all.data.organizations.edges).toHaveLength(full.organizations.length);
    const cgtn = all.data.organizations.edges.find((edge) => edge.node.name === 'CGTN');
    expect(cgtn?.node.claims.totalCount).toBe(data.annotation.claims.filter((c) => c.speaker === 'cgtn').length);
    expect(all.cypherQueries).toBe(one.cypherQueries);

    const topics = await run<{ topics: { claims: { totalCount: number } }[] }>(
      server,
      '{ topics { name claims(first: 3) { totalCount edges { node { id } } } } }',
    );
    expect(topics.data.topics).toHaveLength(full.topics.length);
    expect(topics.data.topics.reduce((sum, topic) => sum + topic.claims.totalCount, 0)).toBe(
      full.claims.reduce((sum, claim) => sum + claim.topicKeys.length, 0),
    );
    // topics, claim pages, claim counts: every topic in 3 statements.
    expect(topics.cypherQueries).toBe(3);
  });

  it("batches each metric's figures and targets", async () => {
    const query = `query ($first: Int) { metrics(first: $first) { edges { node {
      name figures { totalCount edges { node { value period { label } } } } targets { name }
    } } } }`;
    type Metrics = {
      metrics: { edges: { node: { name: string; figures: { totalCount: number; edges: unknown[] } } }[] };
    };
    const one = await run<Metrics>(server, query, { first: 1 });
    const all = await run<Metrics>(server, query, { first: 100 });
    expect(all.data.metrics.edges).toHaveLength(full.metrics.length);
    for (const { node } of all.data.metrics.edges) {
      const metric = full.metrics.find((m) => m.name === node.name);
      const figures = full.figures.filter((figure) => figure.metricKey === metric?.key);
      expect(figures.length).toBeGreaterThan(0);
      expect(node.figures.totalCount).toBe(figures.length);
      expect(node.figures.edges).toHaveLength(figures.length);
    }
    expect(all.cypherQueries).toBe(one.cypherQueries);
    // metrics page, figure pages, figure counts, targets.
    expect(all.cypherQueries).toBeLessThanOrEqual(4);
  });

  it('runs the count only when totalCount is asked for', async () => {
    const without = await run<{ claims: { edges: unknown[] } }>(
      server,
      '{ claims(first: 5) { edges { node { id } } } }',
    );
    const withCount = await run<{ claims: { totalCount: number; edges: unknown[] } }>(
      server,
      '{ claims(first: 5) { totalCount edges { node { id } } } }',
    );
    expect(withCount.data.claims.totalCount).toBe(full.claims.length);
    expect(without.cypherQueries).toBe(1);
    expect(withCount.cypherQueries).toBe(without.cypherQueries + 1);

    const nestedWithout = await run(server, '{ topics { claims(first: 2) { edges { node { id } } } } }');
    const nestedWith = await run(server, '{ topics { claims(first: 2) { totalCount edges { node { id } } } } }');
    expect(nestedWith.cypherQueries).toBe(nestedWithout.cypherQueries + 1);
  });

  it('reads whole lineages of many claims in a bounded number of statements', async () => {
    const query = `query ($first: Int) { claims(first: $first) { edges { node { lineage {
      publisher { name } speaker { name } role { title organization { name } }
      figures { figure { value } metric { name } comparisons { difference } }
      supporting { item { ... on Claim { text } } } contradicting { stance } reviews { id }
    } } } } }`;
    type Lineages = { claims: { edges: { node: { lineage: { supporting: unknown[] } } }[] } };
    const five = await run<Lineages>(server, query, { first: 5 });
    // 50, not 100: a page of 100 whole lineages, every comparison included, could return more
    // objects than the cost limit allows (docs/cost-model.md); 50 still holds every seeded claim.
    const all = await run<Lineages>(server, query, { first: 50 });
    expect(all.data.claims.edges).toHaveLength(full.claims.length);
    const supportingLinks = all.data.claims.edges.reduce((sum, edge) => sum + edge.node.lineage.supporting.length, 0);
    expect(supportingLinks).toBe(data.annotation.claims.reduce((sum, claim) => sum + claim.supports.length, 0));
    expect(all.cypherQueries).toBe(five.cypherQueries);
    // page, publisher, speaker, role, role organization, figures, figure metric, siblings, evidence, reviews.
    expect(all.cypherQueries).toBeLessThanOrEqual(10);
  });
});
