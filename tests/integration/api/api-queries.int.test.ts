import { createHash } from 'node:crypto';

import { FULL_SEED, seed } from '../../../src/ingest/ingest';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { codeOf, dataOf, idsOf, insertTestFigure, run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { enumName, loadFullSeed, loadSeed, sortedNames, type FullSeed, type SeedData } from '../../support/seed-data';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * Every field of Query, and the fields of each type, against the seed that `npm start` loads: the
 * CGTN interview and the sources of seed/sources/. What a test expects comes from the annotation
 * files (seed/*.yaml, its .txt and .meta.json), never from the API: the interview's details from its
 * file, whole-graph lists from every file (loadFullSeed).
 */

const PREFIX = 'test-api-queries';

interface Named {
  id: string;
  name: string;
}

describe('the read API over the seeded interview', () => {
  let server: TestServer;
  let data: SeedData;
  let full: FullSeed;

  const gid = toGlobalId;
  const MIAO = gid('Person', 'miao-wei');
  const CGTN = gid('Organization', 'cgtn');

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor, FULL_SEED);
    data = await loadSeed();
    full = await loadFullSeed();
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  describe('claims and claim', () => {
    it("lists every seeded claim in id order, the interview's with their text, kind and attribution", async () => {
      const { data: result } = await run<{
        claims: {
          totalCount: number;
          edges: { node: { id: string; text: string; kind: string; attribution: string } }[];
        };
      }>(server, '{ claims(first: 100) { totalCount edges { node { id text kind attribution } } } }');

      expect(result.claims.totalCount).toBe(full.claims.length);
      expect(idsOf(result.claims)).toEqual(full.claims.map((claim) => gid('Claim', claim.key)));
      expect(data.annotation.claims).toHaveLength(22);
      const expected = new Map(
        data.annotation.claims.map((claim) => [
          data.claimGid(claim.id),
          { text: claim.text, kind: enumName(claim.kind), attribution: enumName(claim.attribution) },
        ]),
      );
      const interviews = result.claims.edges.filter(({ node }) => expected.has(node.id));
      expect(interviews).toHaveLength(22);
      for (const { node } of interviews) {
        expect({ text: node.text, kind: node.kind, attribution: node.attribution }).toEqual(expected.get(node.id));
      }
    });

    it('returns one claim with its speaker, role, source, topics and the claims it bears on', async () => {
      const claim = data.claim('software-defines-cars');
      const { data: result } = await run<{
        claim: {
          id: string;
          text: string;
          kind: string;
          attribution: string;
          quote: { exact: string };
          speaker: { __typename: string; id: string; name: string };
          role: { title: string; status: string };
          source: { id: string; title: string };
          topics: Named[];
          evidence: { stance: string; item: { id: string } }[];
          bearsOn: { stance: string; origin: string; item: { id: string } }[];
          reviews: unknown[];
          claimReview: unknown[];
        };
      }>(
        server,
        `query ($id: ID!) { claim(id: $id) {
          id text kind attribution quote { exact }
          speaker { __typename id name } role { title status } source { id title } topics { id name }
          evidence { stance item { ... on Claim { id } ... on Figure { id } } } bearsOn { stance origin item { ... on Claim { id } } } reviews { id } claimReview
        } }`,
        { id: data.claimGid(claim.id) },
      );

      expect(result.claim).toMatchObject({
        id: data.claimGid(claim.id),
        text: 'Software defines cars.',
        kind: 'OPINION',
        attribution: 'DIRECT_QUOTE',
        quote: { exact: claim.quote },
        speaker: { __typename: 'Person', id: MIAO, name: 'Miao Wei' },
        role: { title: 'Vice chairman', status: 'CURRENT' },
        source: { id: data.sourceGid, title: data.loaded.meta.title },
      });
      expect(result.claim.topics.map((topic) => topic.id)).toEqual(claim.topics.map((topic) => gid('Topic', topic)));
      expect(result.claim.evidence.map((link) => link.item.id)).toEqual(
        [...data.evidenceFor(claim.id, 'SUPPORTS'), ...data.evidenceFor(claim.id, 'CONTRADICTS')].map(data.claimGid),
      );
      expect(result.claim.bearsOn.map((link) => link.item.id).sort()).toEqual(
        claim.supports.map((other) => data.claimGid(other)).sort(),
      );
      expect(result.claim.bearsOn.every((link) => link.stance === 'SUPPORTS' && link.origin === 'annotation')).toBe(
        true,
      );
      expect(result.claim.reviews).toEqual([]);
      expect(result.claim.claimReview).toEqual([]);
    });

    it('gives a causal claim its causes and effects, and a forecast its metrics, targets and projections', async () => {
      const causal = data.claim('lighter-batteries-lower-prices-and-energy-consumption');
      const forecast = data.claim('miao-projects-nev-target-10-years-earlier');
      const { data: result } = await run<{
        causal: { kind: string; causes: Named[]; effects: Named[] };
        forecast: { kind: string; metrics: Named[]; targets: Named[]; projections: { id: string }[] };
      }>(
        server,
        `query ($causal: ID!, $forecast: ID!) {
          causal: claim(id: $causal) { kind causes { id name } effects { id name } }
          forecast: claim(id: $forecast) { kind metrics { id name } targets { id name } projections { id } }
        }`,
        { causal: data.claimGid(causal.id), forecast: data.claimGid(forecast.id) },
      );

      const topicName = (id: string) => data.annotation.topics.find((topic) => topic.id === id)?.name;
      expect(result.causal.kind).toBe('CAUSAL');
      expect(result.causal.causes.map((topic) => topic.name)).toEqual(causal.causes.map(topicName));
      expect(result.causal.effects.map((topic) => topic.name).sort()).toEqual(causal.effects.map(topicName).sort());
      expect(result.forecast.kind).toBe('FORECAST');
      expect(result.forecast.metrics.map((metric) => metric.id)).toEqual(forecast.metrics.map((m) => gid('Metric', m)));
      expect(result.forecast.targets.map((target) => target.id)).toEqual(forecast.targets.map((t) => gid('Target', t)));
      expect(result.forecast.projections.map((projection) => projection.id)).toEqual(
        forecast.projections.map((p) => gid('Projection', data.ownedKey(p))),
      );
    });

    it('reports a well-formed id of a missing claim as NOT_FOUND', async () => {
      const response = await server.graphql('query ($id: ID!) { claim(id: $id) { id } }', {
        id: gid('Claim', `${PREFIX}-missing`),
      });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.data).toBeNull();
    });
  });

  describe('sources and source', () => {
    it('lists the seeded source with the metadata of its .meta.json', async () => {
      const { data: result } = await run<{
        sources: { edges: { node: { id: string; title: string; url: string; publishedDate: string; kind: string } }[] };
      }>(server, '{ sources(first: 100) { edges { node { id title url publishedDate kind language } } } }');
      const { meta } = data.loaded;
      expect(result.sources.edges.map((edge) => edge.node)).toContainEqual({
        id: data.sourceGid,
        title: meta.title,
        url: meta.url,
        publishedDate: meta.publishedDate,
        kind: data.annotation.source.kind,
        language: meta.language,
      });
    });

    it('returns the raw text with its hash and length, and a body that excludes the boilerplate', async () => {
      const { data: result } = await run<{
        source: {
          text: string;
          contentHash: string;
          length: number;
          body: { start: number; end: number };
          publishedDateSource: string;
        };
      }>(
        server,
        'query ($id: ID!) { source(id: $id) { text contentHash length body { start end } publishedDateSource } }',
        { id: data.sourceGid },
      );
      const { source } = result;
      const codePoints = Array.from(data.text);
      expect(source.text).toBe(data.text);
      expect(source.contentHash).toBe(createHash('sha256').update(data.text, 'utf8').digest('hex'));
      expect(source.length).toBe(codePoints.length);
      expect(source.publishedDateSource).toBe(data.loaded.meta.publishedDateSource);
      const body = codePoints.slice(source.body.start, source.body.end).join('');
      expect(body.startsWith(data.annotation.source.body!.start)).toBe(true);
      expect(body.endsWith(data.annotation.source.body!.end)).toBe(true);
      expect(body).not.toContain('Cookie Policy');
      expect(body).not.toContain('Search Trends');
    });

    it('names its publisher, interviewer, interviewees and the virtual presenter it mentions', async () => {
      const { data: result } = await run<{
        source: {
          publisher: Named;
          interviewer: { __typename: string; id: string; name: string };
          interviewees: Named[];
          mentions: {
            __typename: string;
            id: string;
            name: string;
            description: string;
            operatedBy: Named;
            claims: { totalCount: number };
          }[];
        };
      }>(
        server,
        `query ($id: ID!) { source(id: $id) {
          publisher { id name } interviewer { __typename id name } interviewees { id name }
          mentions { __typename id ... on VirtualPresenter { name description operatedBy { id name } claims { totalCount } } }
        } }`,
        { id: data.sourceGid },
      );
      const { source } = data.annotation;
      const presenter = data.annotation.virtualPresenters[0];
      expect(result.source.publisher).toEqual({ id: gid('Organization', source.publisher), name: 'CGTN' });
      expect(result.source.interviewer).toEqual({ __typename: 'Organization', id: CGTN, name: 'CGTN' });
      expect(result.source.interviewees).toEqual(
        source.interviewees.map((id) => ({ id: gid('Person', id), name: 'Miao Wei' })),
      );
      expect(result.source.mentions).toEqual([
        {
          __typename: 'VirtualPresenter',
          id: gid('VirtualPresenter', 'cgtn-ai-host-ainia'),
          name: 'Ainia',
          description: presenter?.description,
          operatedBy: { id: CGTN, name: 'CGTN' },
          claims: { totalCount: 0 },
        },
      ]);
    });

    it('pages the claims made in the source', async () => {
      const { data: result } = await run<{
        source: { claims: { totalCount: number; edges: { node: { id: string } }[] } };
      }>(server, 'query ($id: ID!) { source(id: $id) { claims(first: 100) { totalCount edges { node { id } } } } }', {
        id: data.sourceGid,
      });
      expect(result.source.claims.totalCount).toBe(data.annotation.claims.length);
      expect(idsOf(result.source.claims)).toEqual(data.claimGids(() => true));
    });
  });

  describe('people, person and speakers', () => {
    it('gives the external identifiers (sameAs) of people, organizations and places from the annotation', async () => {
      const { data: result } = await run<Record<'person' | 'organization' | 'place', { sameAs: string[] }>>(
        server,
        `query ($person: ID!, $organization: ID!, $place: ID!) {
          person: node(id: $person) { ... on Person { sameAs } }
          organization: node(id: $organization) { ... on Organization { sameAs } }
          place: node(id: $place) { ... on Place { sameAs } }
        }`,
        { person: gid('Person', 'miao-wei'), organization: gid('Organization', 'cgtn'), place: gid('Place', 'china') },
      );
      const annotated = {
        person: data.annotation.people.find((p) => p.id === 'miao-wei')?.sameAs,
        organization: data.annotation.organizations.find((o) => o.id === 'cgtn')?.sameAs,
        place: data.annotation.places.find((p) => p.id === 'china')?.sameAs,
      };
      expect(Object.values(annotated).every((list) => (list?.length ?? 0) > 0)).toBe(true);
      expect({
        person: result.person.sameAs,
        organization: result.organization.sameAs,
        place: result.place.sameAs,
      }).toEqual(annotated);
    });

    it('lists Miao Wei with his roles, the current one first', async () => {
      const { data: result } = await run<{
        people: {
          edges: {
            node: {
              id: string;
              name: string;
              roles: {
                id: string;
                name: string;
                title: string;
                status: string;
                organization: { name: string; partOf: { name: string } | null; country: { name: string } | null };
                holder: Named;
              }[];
            };
          }[];
        };
      }>(
        server,
        `{ people(first: 100) { edges { node { id name roles {
          id name title status organization { name partOf { name } country { name } } holder { id name }
        } } } } }`,
      );
      const miao = result.people.edges.find((edge) => edge.node.id === MIAO)?.node;
      const person = data.annotation.people.find((p) => p.id === 'miao-wei');
      const organization = (id: string) => data.annotation.organizations.find((org) => org.id === id);
      expect(miao?.name).toBe(person?.name);
      const roles = miao?.roles ?? [];
      expect(roles.map((role) => role.status)).toEqual(['CURRENT', 'FORMER']);
      const expectedRoles = [...(person?.roles ?? [])].sort(
        (a, b) => (a.status === 'current' ? -1 : 1) - (b.status === 'current' ? -1 : 1),
      );
      expect(roles.map((role) => role.id)).toEqual(expectedRoles.map((role) => gid('Role', role.id)));
      expect(roles[0]).toMatchObject({
        title: 'Vice chairman',
        name: `Vice chairman, ${organization('cppcc-committee-economic-affairs')?.name}`,
        organization: {
          name: organization('cppcc-committee-economic-affairs')?.name,
          partOf: { name: organization('cppcc-national-committee')?.name },
          country: { name: 'China' },
        },
        holder: { id: MIAO, name: 'Miao Wei' },
      });
      expect(roles[1]).toMatchObject({
        title: 'Minister of Industry and Information Technology',
        organization: { name: 'Ministry of Industry and Information Technology', partOf: null },
      });
    });

    it('returns a person by id with every claim attributed to him', async () => {
      const { data: result } = await run<{
        person: { name: string; claims: { totalCount: number; edges: { node: { id: string } }[] } };
      }>(
        server,
        'query ($id: ID!) { person(id: $id) { name claims(first: 100) { totalCount edges { node { id } } } } }',
        {
          id: MIAO,
        },
      );
      const expected = data.claimGids((claim) => claim.speaker === 'miao-wei');
      expect(result.person.name).toBe('Miao Wei');
      expect(result.person.claims.totalCount).toBe(expected.length);
      expect(idsOf(result.person.claims)).toEqual(expected);
    });

    it("gives CGTN, as a speaker, the outlet's own narration", async () => {
      const { data: result } = await run<{
        organization: {
          __typename: string;
          claims: { totalCount: number; edges: { node: { id: string; attribution: string } }[] };
        };
      }>(
        server,
        'query ($id: ID!) { organization(id: $id) { __typename claims(first: 100) { totalCount edges { node { id attribution } } } } }',
        { id: CGTN },
      );
      const expected = data.claimGids((claim) => claim.speaker === 'cgtn');
      expect(expected).toEqual(data.claimGids((claim) => claim.attribution === 'narration'));
      expect(idsOf(result.organization.claims)).toEqual(expected);
      expect(result.organization.claims.edges.every((edge) => edge.node.attribution === 'NARRATION')).toBe(true);
    });

    it('reports a person id of nobody as NOT_FOUND and an id of another type as BAD_USER_INPUT', async () => {
      const missing = await server.graphql('query ($id: ID!) { person(id: $id) { name } }', {
        id: gid('Person', `${PREFIX}-nobody`),
      });
      expect(codeOf(missing)).toBe('NOT_FOUND');
      const wrongType = await server.graphql('query ($id: ID!) { person(id: $id) { name } }', { id: CGTN });
      expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    });
  });

  describe('organizations and organization', () => {
    it('lists the seeded organizations in name order with kind and full name', async () => {
      const { data: result } = await run<{
        organizations: {
          totalCount: number;
          edges: { node: { id: string; name: string; fullName: string | null; kind: string } }[];
        };
      }>(server, '{ organizations(first: 100) { totalCount edges { node { id name fullName kind } } } }');
      const organizations = full.organizations;
      expect(organizations.length).toBeGreaterThan(data.annotation.organizations.length);
      expect(result.organizations.totalCount).toBe(organizations.length);
      expect(result.organizations.edges.map((edge) => edge.node.name)).toEqual(sortedNames(organizations));
      for (const org of organizations) {
        expect(result.organizations.edges.map((edge) => edge.node)).toContainEqual({
          id: gid('Organization', org.key),
          name: org.name,
          fullName: org.fullName ?? null,
          kind: org.kind,
        });
      }
    });

    it('links a committee to the body it is part of, and back, and to its country', async () => {
      const { data: result } = await run<{
        committee: { partOf: Named; parts: Named[]; country: { name: string; kind: string; isoCode: string } };
        national: { partOf: null; parts: Named[] };
      }>(
        server,
        `query ($committee: ID!, $national: ID!) {
          committee: organization(id: $committee) { partOf { id name } parts { id name } country { name kind isoCode } }
          national: organization(id: $national) { partOf { id name } parts { id name } }
        }`,
        {
          committee: gid('Organization', 'cppcc-committee-economic-affairs'),
          national: gid('Organization', 'cppcc-national-committee'),
        },
      );
      const org = (id: string) =>
        data.annotation.organizations.find((o) => o.id === id) as { id: string; name: string };
      const china = data.annotation.places.find((place) => place.id === 'china');
      expect(result.committee.partOf).toEqual({
        id: gid('Organization', 'cppcc-national-committee'),
        name: org('cppcc-national-committee').name,
      });
      expect(result.committee.parts).toEqual([]);
      expect(result.committee.country).toEqual({ name: china?.name, kind: china?.kind, isoCode: china?.isoCode });
      expect(result.national.partOf).toBeNull();
      expect(result.national.parts).toEqual([
        {
          id: gid('Organization', 'cppcc-committee-economic-affairs'),
          name: org('cppcc-committee-economic-affairs').name,
        },
      ]);
    });
  });

  describe('metrics, figures, targets and projections', () => {
    it('lists the metrics in name order with unit and place', async () => {
      const { data: result } = await run<{
        metrics: {
          totalCount: number;
          edges: { node: { id: string; name: string; unit: string; place: { name: string } } }[];
        };
      }>(server, '{ metrics(first: 100) { totalCount edges { node { id name unit place { name } } } } }');
      expect(result.metrics.totalCount).toBe(full.metrics.length);
      expect(result.metrics.edges.map((edge) => edge.node.name)).toEqual(sortedNames(full.metrics));
      // The interview's metrics, each in China.
      for (const metric of data.annotation.metrics) {
        expect(result.metrics.edges.map((edge) => edge.node)).toContainEqual({
          id: gid('Metric', metric.id),
          name: metric.name,
          unit: metric.unit,
          place: { name: 'China' },
        });
      }
    });

    it("orders a metric's figures by period and lists its targets", async () => {
      const metricId = 'nev-share-of-new-car-sales';
      const seeded = data.annotation.figures.filter((figure) => figure.metric === metricId);
      expect(seeded).toHaveLength(1);
      // Two more observations of the same metric, inserted out of order, around the seeded 2023 one.
      await insertTestFigure(server.db.driver, {
        id: `${PREFIX}-share-2025`,
        sourceId: PREFIX,
        metricId,
        value: 45,
        unit: 'percent',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        periodLabel: '2025',
      });
      await insertTestFigure(server.db.driver, {
        id: `${PREFIX}-share-2021`,
        sourceId: PREFIX,
        metricId,
        value: 13.4,
        unit: 'percent',
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
        periodLabel: '2021',
      });
      try {
        const { data: result } = await run<{
          metric: {
            name: string;
            figures: {
              totalCount: number;
              edges: { node: { id: string; value: number; period: { start: string } } }[];
            };
            targets: { id: string; name: string }[];
            claims: { edges: { node: { id: string } }[] };
          };
        }>(
          server,
          `query ($id: ID!) { metric(id: $id) {
            name figures { totalCount edges { node { id value period { start } } } } targets { id name }
            claims(first: 100) { edges { node { id } } }
          } }`,
          { id: gid('Metric', metricId) },
        );
        // The test's two around every seeded source's figures of the metric, by period start.
        const seededIds = full.figureGidsOf(metricId);
        expect(seededIds).toContain(data.figureGid('nev-share-2023'));
        expect(full.figures.filter((f) => f.metricKey === metricId).every((f) => f.periodStart > '2021-12-31')).toBe(
          true,
        );
        expect(full.figures.filter((f) => f.metricKey === metricId).every((f) => f.periodStart < '2025-01-01')).toBe(
          true,
        );
        expect(result.metric.figures.totalCount).toBe(seededIds.length + 2);
        expect(result.metric.figures.edges.map((edge) => edge.node.id)).toEqual([
          gid('Figure', `${PREFIX}-share-2021`),
          ...seededIds,
          gid('Figure', `${PREFIX}-share-2025`),
        ]);
        const values = result.metric.figures.edges.map((edge) => edge.node.value);
        expect([values[0], values.at(-1)]).toEqual([13.4, 45]);
        const targets = data.annotation.targets.filter((target) => target.metric === metricId);
        expect(result.metric.targets).toEqual(
          targets.map((target) => ({ id: gid('Target', target.id), name: target.name })),
        );
        expect(idsOf(result.metric.claims)).toEqual(full.claimGidsAbout(metricId));
        expect(idsOf(result.metric.claims)).toEqual(
          expect.arrayContaining(data.claimGids((claim) => data.metricsOf(claim).includes(metricId))),
        );
      } finally {
        await deleteTestNodes(server.db.driver, PREFIX);
      }
    });

    it('resolves "by the end of last year" to the end of 2023, the year before publication', async () => {
      const figure = data.figure('nevs-per-charging-station-end-2023');
      const lastYear = Number(data.loaded.meta.publishedDate.slice(0, 4)) - 1;
      const { data: result } = await run<{
        figure: {
          value: number;
          unit: string;
          qualifier: string;
          period: { label: string; start: string; end: string; expression: string; words: string; relative: boolean };
          quote: { exact: string };
          metric: Named;
          place: { name: string };
          source: { id: string };
          citedBy: { id: string }[];
        };
      }>(
        server,
        `query ($id: ID!) { figure(id: $id) {
          value unit qualifier period { label start end expression words relative } quote { exact }
          metric { id name } place { name } source { id } citedBy { id }
        } }`,
        { id: data.figureGid(figure.id) },
      );
      expect(lastYear).toBe(2023);
      expect(result.figure).toEqual({
        value: figure.value,
        unit: figure.unit,
        qualifier: 'ABOUT',
        period: {
          label: `end of ${lastYear}`,
          start: `${lastYear}-12-31`,
          end: `${lastYear}-12-31`,
          expression: figure.period,
          words: 'By the end of last year',
          relative: true,
        },
        quote: { exact: figure.quote },
        metric: { id: gid('Metric', figure.metric), name: 'NEVs per charging station' },
        place: { name: 'China' },
        source: { id: data.sourceGid },
        citedBy: data.claimGids((claim) => claim.figures.includes(figure.id)).map((id) => ({ id })),
      });
    });

    it('lists figures filtered by metric and by period', async () => {
      const { data: result } = await run<{
        all: { totalCount: number; edges: { node: { id: string } }[] };
        firstHalf2023: { edges: { node: { id: string } }[] };
        exports: { edges: { node: { id: string } }[] };
      }>(
        server,
        `query ($exports: ID!) {
          all: figures(first: 100) { totalCount edges { node { id } } }
          firstHalf2023: figures(first: 100, filter: { period: { from: "2023-01-01", to: "2023-06-30" } }) {
            edges { node { id } }
          }
          exports: figures(first: 100, filter: { metric: $exports }) { edges { node { id } } }
        }`,
        { exports: gid('Metric', 'nev-exports') },
      );
      const gidsOf = (figures: { key: string }[]) => figures.map((figure) => gid('Figure', figure.key)).sort();
      expect(result.all.totalCount).toBe(full.figures.length);
      expect(idsOf(result.all).sort()).toEqual(gidsOf(full.figures));
      const firstHalf = full.figures.filter((f) => f.periodEnd >= '2023-01-01' && f.periodStart <= '2023-06-30');
      expect(firstHalf.length).toBeGreaterThan(0);
      expect(firstHalf.length).toBeLessThan(full.figures.length);
      expect(idsOf(result.firstHalf2023).sort()).toEqual(gidsOf(firstHalf));
      expect(idsOf(result.exports)).toEqual(full.figureGidsOf('nev-exports'));
      expect(idsOf(result.exports)).toEqual(
        expect.arrayContaining(
          data.annotation.figures.filter((f) => f.metric === 'nev-exports').map((f) => data.figureGid(f.id)),
        ),
      );
    });

    it('returns the 2035 target set by China, with Miao Wei projecting it ten years early', async () => {
      const target = data.annotation.targets[0];
      const projection = data.annotation.projections[0];
      expect(target?.id).toBe('china-nev-share-2035');
      const { data: result } = await run<{
        targets: { totalCount: number; edges: { node: { id: string } }[] };
        target: {
          name: string;
          comparator: string;
          threshold: number;
          unit: string;
          deadline: string;
          deadlineLabel: string;
          metric: { name: string };
          place: { name: string };
          setBy: { __typename: string; id: string; name: string };
          projections: {
            id: string;
            name: string;
            expectedBy: string;
            expectedLabel: string;
            yearsEarlier: number;
            projectedBy: { __typename: string; id: string; name: string };
            source: { id: string };
            target: { id: string };
            statedIn: { id: string }[];
          }[];
          statedIn: { id: string }[];
        };
      }>(
        server,
        `query ($id: ID!) {
          targets { totalCount edges { node { id } } }
          target(id: $id) {
            name comparator threshold unit deadline deadlineLabel metric { name } place { name }
            setBy { __typename ... on Place { id name } ... on Organization { id name } ... on Person { id name } }
            projections {
              id name expectedBy expectedLabel yearsEarlier projectedBy { __typename id name }
              source { id } target { id } statedIn { id }
            }
            statedIn { id }
          }
        }`,
        { id: gid('Target', 'china-nev-share-2035') },
      );
      expect(result.targets.totalCount).toBe(data.annotation.targets.length);
      expect(idsOf(result.targets)).toEqual([gid('Target', 'china-nev-share-2035')]);
      expect(result.target).toMatchObject({
        name: target?.name,
        comparator: 'GT',
        threshold: 50,
        unit: 'percent',
        deadline: '2035-12-31',
        deadlineLabel: '2035',
        metric: { name: 'NEV share of new car sales' },
        place: { name: 'China' },
        setBy: { __typename: 'Place', id: gid('Place', 'china'), name: 'China' },
      });
      expect(result.target.projections).toEqual([
        {
          id: gid('Projection', data.ownedKey(projection?.id as string)),
          name: 'Met by 2025 (10 years early)',
          expectedBy: '2025-12-31',
          expectedLabel: '2025',
          yearsEarlier: projection?.yearsEarlier,
          projectedBy: { __typename: 'Person', id: MIAO, name: 'Miao Wei' },
          source: { id: data.sourceGid },
          target: { id: gid('Target', 'china-nev-share-2035') },
          statedIn: data
            .claimGids((claim) => claim.projections.includes(projection?.id as string))
            .map((id) => ({ id })),
        },
      ]);
      expect(result.target.projections[0]?.yearsEarlier).toBe(10);
      expect(result.target.statedIn).toEqual(
        data.claimGids((claim) => claim.targets.includes('china-nev-share-2035')).map((id) => ({ id })),
      );
      expect(result.target.statedIn).toHaveLength(2);
    });
  });

  describe('topics and topic', () => {
    it('lists every seeded topic in name order', async () => {
      const { data: result } = await run<{ topics: Named[] }>(server, '{ topics { id name } }');
      expect(result.topics.map((topic) => topic.name)).toEqual(sortedNames(full.topics));
    });

    it('links topics to broader, narrower and included ones', async () => {
      const { data: result } = await run<{
        pillars: { broader: Named; narrower: Named[]; includes: Named[] };
        software: { broader: null; narrower: Named[] };
      }>(
        server,
        `query ($pillars: ID!, $software: ID!) {
          pillars: topic(id: $pillars) { broader { id name } narrower { id name } includes { id name } }
          software: topic(id: $software) { broader { id name } narrower { id name } }
        }`,
        { pillars: gid('Topic', 'new-three-pillars'), software: gid('Topic', 'software') },
      );
      const topics = data.annotation.topics;
      const named = (ids: string[]) => sortedNames(topics.filter((topic) => ids.includes(topic.id)));
      const pillars = topics.find((topic) => topic.id === 'new-three-pillars');
      expect(result.pillars.broader).toEqual({ id: gid('Topic', 'exports'), name: 'Exports' });
      expect(result.pillars.narrower).toEqual([]);
      expect(result.pillars.includes.map((topic) => topic.name)).toEqual(named(pillars?.includes ?? []));
      expect(result.pillars.includes).toHaveLength(3);
      expect(result.software.broader).toBeNull();
      expect(result.software.narrower.map((topic) => topic.name)).toEqual(
        named(topics.filter((topic) => topic.broader === 'software').map((topic) => topic.id)),
      );
    });

    it('pages the claims about a topic', async () => {
      const { data: result } = await run<{
        topic: { claims: { totalCount: number; edges: { node: { id: string } }[] } };
      }>(server, 'query ($id: ID!) { topic(id: $id) { claims(first: 100) { totalCount edges { node { id } } } } }', {
        id: gid('Topic', 'charging-infrastructure'),
      });
      const expected = data.claimGids((claim) => claim.topics.includes('charging-infrastructure'));
      expect(result.topic.claims.totalCount).toBe(expected.length);
      expect(idsOf(result.topic.claims)).toEqual(expected);
    });
  });

  describe('node', () => {
    it('refetches objects of every kind by their global id', async () => {
      const ids: Record<string, string> = {
        Claim: data.claimGid('software-defines-cars'),
        Source: data.sourceGid,
        Person: MIAO,
        Organization: CGTN,
        VirtualPresenter: gid('VirtualPresenter', 'cgtn-ai-host-ainia'),
        Role: gid('Role', 'miao-wei-vice-chairman-cppcc-economic-affairs'),
        Place: gid('Place', 'china'),
        Topic: gid('Topic', 'software'),
        Metric: gid('Metric', 'nevs-per-charging-station'),
        Figure: data.figureGid('nev-share-2023'),
        Target: gid('Target', 'china-nev-share-2035'),
        Projection: gid('Projection', data.ownedKey('miao-nev-share-target-2025')),
      };
      const fields = Object.entries(ids)
        .map(([type, id]) => `${type.toLowerCase()}: node(id: "${id}") { __typename id }`)
        .join('\n');
      const response = await server.graphql<Record<string, { __typename: string; id: string }>>(`{ ${fields} }`);
      const result = dataOf(response);
      for (const [type, id] of Object.entries(ids)) {
        expect(result[type.toLowerCase()]).toEqual({ __typename: type, id });
      }
    });

    it('reaches type-specific fields through fragments', async () => {
      const { data: result } = await run<{
        presenter: { name: string; operatedBy: Named };
        role: { title: string; organization: { name: string } };
      }>(
        server,
        `query ($presenter: ID!, $role: ID!) {
          presenter: node(id: $presenter) { ... on VirtualPresenter { name operatedBy { id name } } }
          role: node(id: $role) { ... on Role { title organization { name } } }
        }`,
        {
          presenter: gid('VirtualPresenter', 'cgtn-ai-host-ainia'),
          role: gid('Role', 'miao-wei-minister-miit'),
        },
      );
      expect(result.presenter).toEqual({ name: 'Ainia', operatedBy: { id: CGTN, name: 'CGTN' } });
      expect(result.role).toEqual({
        title: 'Minister of Industry and Information Technology',
        organization: { name: 'Ministry of Industry and Information Technology' },
      });
    });

    it('returns null for a well-formed id of a missing node, and BAD_USER_INPUT for a malformed one', async () => {
      const { data: result } = await run<{ claim: null; person: null }>(
        server,
        'query ($claim: ID!, $person: ID!) { claim: node(id: $claim) { id } person: node(id: $person) { id } }',
        { claim: gid('Claim', `${PREFIX}-missing`), person: gid('Person', `${PREFIX}-missing`) },
      );
      expect(result).toEqual({ claim: null, person: null });
      const malformed = await server.graphql('{ node(id: "not an id!") { id } }');
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      const unknownType = await server.graphql(`{ node(id: "${gid('Spaceship', 'enterprise')}") { id } }`);
      expect(codeOf(unknownType)).toBe('BAD_USER_INPUT');
    });
  });

  describe('search', () => {
    interface Hit {
      score: number;
      node: { __typename: string; id: string; text?: string; name?: string };
    }
    const SEARCH = `query ($query: String!, $first: Int!) { search(query: $query, first: $first) {
      score node { __typename id ... on Claim { text } ... on Person { name } ... on Topic { name } }
    } }`;
    const expectDescending = (hits: Hit[]) => {
      for (let index = 1; index < hits.length; index += 1) {
        expect(hits[index - 1]?.score).toBeGreaterThanOrEqual(hits[index]?.score as number);
      }
    };

    it('finds the "Software defines cars" claim first, with scores in descending order', async () => {
      const { data: result } = await run<{ search: Hit[] }>(server, SEARCH, {
        query: 'Software defines cars',
        first: 10,
      });
      expect(result.search[0]?.node).toEqual({
        __typename: 'Claim',
        id: data.claimGid('software-defines-cars'),
        text: 'Software defines cars.',
      });
      expect(result.search.length).toBeGreaterThan(1);
      expectDescending(result.search);
      // Other matches share words with the query: the claims and topics that mention software.
      for (const hit of result.search.slice(1, 4)) {
        expect(JSON.stringify(hit.node).toLowerCase()).toMatch(/software|cars/);
      }
    });

    it('finds Miao Wei the person by name, ranked by relevance', async () => {
      const { data: result } = await run<{ search: Hit[] }>(server, SEARCH, { query: 'Miao Wei', first: 10 });
      expect(result.search.map((hit) => hit.node)).toContainEqual({ __typename: 'Person', id: MIAO, name: 'Miao Wei' });
      expectDescending(result.search);
      const claimsNamingHim = data.claimGids((claim) => claim.text.includes('Miao Wei'));
      const foundClaims = result.search.filter((hit) => hit.node.__typename === 'Claim').map((hit) => hit.node.id);
      expect(foundClaims).toEqual(expect.arrayContaining(claimsNamingHim));
    });

    it('returns at most `first` results and refuses a `first` outside 1 to 100', async () => {
      const { data: result } = await run<{ search: Hit[] }>(server, SEARCH, { query: 'charging', first: 2 });
      expect(result.search).toHaveLength(2);
      for (const first of [0, 101]) {
        expect(codeOf(await server.graphql(SEARCH, { query: 'charging', first }))).toBe('BAD_USER_INPUT');
      }
    });
  });
});
