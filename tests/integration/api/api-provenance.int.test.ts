import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { provenanceScenario } from '../../support/provenance-scenario';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Where a figure really comes from, through the public API: the provenance chain of a claim
 * (quote → relays → republications and citations → producer, each hop with its evidence), the
 * figure model (kinds, changes, ranges, rankings, derivations, locators), how sources stand to each
 * other, and "which claims rest on data of this organisation?" in one query.
 */

const PREFIX = 'test-prov';
const scenario = provenanceScenario(PREFIX);
const { id } = scenario;
const gid = (type: string, name: string) => toGlobalId(type, id(name));

interface Hop {
  relation: string;
  agent: { __typename: string; id: string } | null;
  source: { id: string } | null;
  quote: { exact: string } | null;
  locator: string | null;
  figure: { id: string } | null;
}

const PROVENANCE = `query ($id: ID!) { claim(id: $id) { lineage { provenance {
  relation agent { __typename id } source { id } quote { exact } locator figure { id } } } } }`;

describe('provenance through the API', () => {
  let server: TestServer;

  async function provenanceOf(claim: string): Promise<{ hops: Hop[]; cypherQueries: number }> {
    const { data, cypherQueries } = await run<{ claim: { lineage: { provenance: Hop[] } } }>(server, PROVENANCE, {
      id: gid('Claim', claim),
    });
    return { hops: data.claim.lineage.provenance, cypherQueries };
  }

  const hop = (relation: string, agent: [string, string] | null, rest: Partial<Hop>): Hop => ({
    relation,
    agent: agent ? { __typename: agent[0], id: gid(agent[0], agent[1]) } : null,
    source: null,
    quote: null,
    locator: null,
    figure: null,
    ...rest,
  });

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await scenario.build(server.db.driver);
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('follows a republished claim back to the association that produced the data, each hop with its evidence', async () => {
    const { hops, cypherQueries } = await provenanceOf('claim-paper');
    const claimQuote = { exact: 'New-energy car sales in China reached 12.87 million in 2024.' };
    const figureQuote = { exact: '12870000 vehicles (2024)' };
    expect(hops).toEqual([
      hop('QUOTED_IN', ['Person', 'analyst'], { source: { id: gid('Source', 'paper-article') }, quote: claimQuote }),
      // Relays nearest the quote first: the agency report passed it to the paper, the analyst to the agency.
      hop('RELAYED_BY', ['Source', 'agency-report'], {
        source: { id: gid('Source', 'agency-report') },
        quote: figureQuote,
        figure: { id: gid('Figure', 'sales-paper') },
      }),
      hop('RELAYED_BY', ['Person', 'analyst'], {
        source: { id: gid('Source', 'paper-article') },
        quote: figureQuote,
        figure: { id: gid('Figure', 'sales-paper') },
      }),
      hop('REPUBLISHES', ['Organization', 'agency'], { source: { id: gid('Source', 'agency-report') } }),
      hop('CITES', ['Organization', 'association'], { source: { id: gid('Source', 'sales-data') } }),
      hop('PRODUCED_BY', ['Organization', 'association'], {
        source: { id: gid('Source', 'paper-article') },
        quote: figureQuote,
        figure: { id: gid('Figure', 'sales-paper') },
      }),
    ]);
    expect(cypherQueries).toBe(1);
  });

  it("reaches the producers of a derived figure's inputs, located in datasets by their locators", async () => {
    const { hops } = await provenanceOf('claim-ratio');
    expect(hops.map((h) => h.relation)).toEqual(['QUOTED_IN', 'CITES', 'PRODUCED_BY', 'PRODUCED_BY']);
    expect(hops[0]?.agent).toEqual({ __typename: 'Organization', id: gid('Organization', 'agency') });
    expect(hops.slice(2)).toEqual([
      hop('PRODUCED_BY', ['Source', 'fleet-data'], {
        source: { id: gid('Source', 'fleet-data') },
        locator: 'page 2',
        figure: { id: gid('Figure', 'fleet-end-2023') },
      }),
      hop('PRODUCED_BY', ['Organization', 'ministry'], {
        source: { id: gid('Source', 'charging-data') },
        locator: 'section 3',
        figure: { id: gid('Figure', 'points-end-2023') },
      }),
    ]);
  });

  it('gives a claim with no recorded origin only its quote', async () => {
    const { hops } = await provenanceOf('claim-plain');
    expect(hops.map((h) => h.relation)).toEqual(['QUOTED_IN', 'CITES']);
  });

  it('shows who produced and relayed a figure, and its kind, value as written and locator', async () => {
    const { data } = await run<{ paper: unknown; located: unknown }>(
      server,
      `query ($paper: ID!, $located: ID!) {
        paper: figure(id: $paper) { kind value decimal locator quote { exact }
          producedBy { __typename id } relayedBy { __typename id } }
        located: figure(id: $located) { kind value decimal locator quote { exact } source { referenceOnly } }
      }`,
      { paper: gid('Figure', 'sales-paper'), located: gid('Figure', 'sales-located') },
    );
    expect(data.paper).toEqual({
      kind: 'OBSERVATION',
      value: 12870000,
      decimal: '12870000',
      locator: null,
      quote: { exact: '12870000 vehicles (2024)' },
      producedBy: { __typename: 'Organization', id: gid('Organization', 'association') },
      // In order from the origin towards the paper.
      relayedBy: [
        { __typename: 'Person', id: gid('Person', 'analyst') },
        { __typename: 'Source', id: gid('Source', 'agency-report') },
      ],
    });
    expect(data.located).toEqual({
      kind: 'OBSERVATION',
      value: 12870000,
      decimal: '12870000',
      locator: "table 1, row 'NEV sales'",
      quote: null,
      source: { referenceOnly: true },
    });
  });

  it('shows changes, ranges, rankings and derivations', async () => {
    const { data } = await run<Record<string, unknown>>(
      server,
      `query ($growth: ID!, $range: ID!, $rank: ID!, $ratio: ID!) {
        growth: figure(id: $growth) { value unit change { type basePeriod { label start end expression } of { id } } }
        range: figure(id: $range) { kind value decimal qualifier range { low high lowDecimal highDecimal } change { type } }
        rank: figure(id: $rank) { value rank rankOf range { low } }
        ratio: figure(id: $ratio) { kind decimal derivation { operation inputs { id decimal } } producedBy { id } }
      }`,
      {
        growth: gid('Figure', 'sales-growth'),
        range: gid('Figure', 'price-range'),
        rank: gid('Figure', 'leading-years'),
        ratio: gid('Figure', 'per-point-end-2023'),
      },
    );
    expect(data).toEqual({
      growth: {
        value: 35.5,
        unit: 'percent',
        change: {
          type: 'PERCENT',
          basePeriod: { label: '2023', start: '2023-01-01', end: '2023-12-31', expression: 'the previous year' },
          of: { id: gid('Figure', 'sales-agency') },
        },
      },
      range: {
        kind: 'ESTIMATE',
        value: null,
        decimal: null,
        qualifier: 'OVER',
        range: { low: 10000, high: null, lowDecimal: '10000', highDecimal: null },
        change: null,
      },
      rank: { value: null, rank: 10, rankOf: 'consecutive years leading world NEV sales', range: null },
      ratio: {
        kind: 'DERIVED',
        decimal: '2.37',
        derivation: {
          operation: 'RATIO',
          inputs: [
            { id: gid('Figure', 'fleet-end-2023'), decimal: '20410000' },
            { id: gid('Figure', 'points-end-2023'), decimal: '8596000' },
          ],
        },
        producedBy: null,
      },
    });
  });

  it('shows what a source republishes and cites, who republishes it, and a reference-only dataset', async () => {
    const { data } = await run<Record<string, Record<string, unknown>>>(
      server,
      `query ($paper: ID!, $agency: ID!, $dataset: ID!) {
        paper: source(id: $paper) { republishes { id } cites { id } republishedBy { id } exportUrl }
        agency: source(id: $agency) { republishes { id } cites { id } republishedBy { id } referenceOnly }
        dataset: source(id: $dataset) { kind referenceOnly text length body { start } contentHash publisher { id } }
      }`,
      {
        paper: gid('Source', 'paper-article'),
        agency: gid('Source', 'agency-report'),
        dataset: gid('Source', 'sales-data'),
      },
    );
    expect(data.paper).toEqual({
      republishes: [{ id: gid('Source', 'agency-report') }],
      cites: [],
      republishedBy: [],
      exportUrl: `/sources/${gid('Source', 'paper-article')}.jsonld`,
    });
    expect(data.agency).toEqual({
      republishes: [],
      cites: [{ id: gid('Source', 'sales-data') }],
      republishedBy: [{ id: gid('Source', 'paper-article') }],
      referenceOnly: false,
    });
    expect(data.dataset).toEqual({
      kind: 'dataset',
      referenceOnly: true,
      text: null,
      length: 0,
      body: null,
      contentHash: null,
      publisher: { id: gid('Organization', 'association') },
    });
  });

  describe('basedOnDataOf: which claims rest on data of this organisation or dataset', () => {
    async function claimsBasedOn(producer: string): Promise<string[]> {
      const { data, cypherQueries } = await run<{ claims: { edges: { node: { id: string } }[] } }>(
        server,
        'query ($of: ID!) { claims(first: 50, filter: { basedOnDataOf: $of }) { edges { node { id } } } }',
        { of: producer },
      );
      expect(cypherQueries).toBe(1);
      return data.claims.edges.map((edge) => edge.node.id);
    }

    it('finds the claims whose figures the organisation produced, in one statement', async () => {
      expect(await claimsBasedOn(gid('Organization', 'association'))).toEqual(
        [gid('Claim', 'claim-agency'), gid('Claim', 'claim-paper')].sort(),
      );
    });

    it("follows a derived figure's inputs, to a producing dataset and to the organisation publishing it", async () => {
      expect(await claimsBasedOn(gid('Organization', 'ministry'))).toEqual([gid('Claim', 'claim-ratio')]);
      expect(await claimsBasedOn(gid('Source', 'fleet-data'))).toEqual([gid('Claim', 'claim-ratio')]);
      expect(await claimsBasedOn(gid('Organization', 'police'))).toEqual([gid('Claim', 'claim-ratio')]);
    });

    it('finds nothing for an organisation whose data no claim uses, and refuses an id of another type', async () => {
      expect(await claimsBasedOn(gid('Organization', 'unrelated'))).toEqual([]);
      const response = await server.graphql(
        'query ($of: ID!) { claims(filter: { basedOnDataOf: $of }) { edges { node { id } } } }',
        { of: gid('Person', 'analyst') },
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe(
        '"filter.basedOnDataOf" must be the id of a Organization or Source, not of a Person',
      );
    });
  });
});
