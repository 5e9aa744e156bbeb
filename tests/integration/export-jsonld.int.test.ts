import jsonld from 'jsonld';

import { seed } from '../../src/ingest/ingest';
import { loadSeed, type SeedData } from '../support/seed-data';
import { startTestServer, type TestServer } from '../support/server';

const PROV = 'http://www.w3.org/ns/prov#';
const OA = 'http://www.w3.org/ns/oa#';
const SCHEMA = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const iri = (label: string, key: string) => `urn:news-claims:${label.toLowerCase()}:${encodeURIComponent(key)}`;

/** Refuses every remote context: the export must be self-contained. */
const offlineLoader = async (url: string) => {
  throw new Error(`the export tried to load ${url}`);
};

describe('GET /sources/{id}.jsonld', () => {
  let server: TestServer;
  let data: SeedData;
  let quads: Set<string>;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    data = await loadSeed();
    const response = await fetch(`${server.url}/sources/${data.sourceKey}.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const document = (await response.json()) as object;
    const nquads = (await jsonld.toRDF(document, {
      format: 'application/n-quads',
      documentLoader: offlineLoader,
    })) as unknown as string;
    quads = new Set(nquads.trim().split('\n'));
  });
  afterAll(() => server.close());

  const has = (subject: string, predicate: string, object: string) =>
    quads.has(`<${subject}> <${predicate}> ${object.startsWith('"') ? object : `<${object}>`} .`);

  it('states the PROV-O lineage of every claim: quoted from the source, attributed to its speaker', () => {
    const source = iri('Source', data.sourceKey);
    for (const claim of data.annotation.claims) {
      const claimIri = iri('Claim', data.ownedKey(claim.id));
      expect(has(claimIri, `${PROV}wasQuotedFrom`, source)).toBe(true);
      const speakerLabel = data.annotation.people.some((p) => p.id === claim.speaker) ? 'Person' : 'Organization';
      expect(has(claimIri, `${PROV}wasAttributedTo`, iri(speakerLabel, claim.speaker))).toBe(true);
      expect(has(claimIri, RDF_TYPE, `${SCHEMA}Claim`)).toBe(true);
    }
  });

  it('derives claims from the figures they cite', () => {
    const claim = data.annotation.claims.find((c) => c.figures.length > 0)!;
    for (const figure of claim.figures) {
      expect(
        has(iri('Claim', data.ownedKey(claim.id)), `${PROV}wasDerivedFrom`, iri('Figure', data.ownedKey(figure))),
      ).toBe(true);
    }
  });

  it('anchors every quote with W3C Web Annotation selectors, positions in code points', () => {
    const row = data.claimRow('software-defines-cars');
    const lines = [...quads];
    const selectorWithExact = lines.find((line) => line.includes(`<${OA}exact> "${row.quote.exact}"`));
    expect(selectorWithExact).toBeDefined();
    expect(
      lines.some((line) =>
        line.includes(`<${OA}start> "${row.quote.start}"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>`),
      ),
    ).toBe(true);
    expect(lines.filter((line) => line.includes(`<${RDF_TYPE}> <${OA}TextQuoteSelector>`))).toHaveLength(
      data.annotation.claims.length,
    );
  });

  it('describes the source, its publisher and the external identifiers of people', () => {
    const source = iri('Source', data.sourceKey);
    expect(has(source, RDF_TYPE, `${SCHEMA}NewsArticle`)).toBe(true);
    expect(has(source, `${SCHEMA}publisher`, iri('Organization', 'cgtn'))).toBe(true);
    for (const url of data.annotation.people.find((p) => p.id === 'miao-wei')!.sameAs) {
      expect(has(iri('Person', 'miao-wei'), `${SCHEMA}sameAs`, url)).toBe(true);
    }
  });

  it('answers 404 for an unknown source or a malformed path', async () => {
    expect((await fetch(`${server.url}/sources/no-such-source.jsonld`)).status).toBe(404);
    expect((await fetch(`${server.url}/sources/${data.sourceKey}.json`)).status).toBe(404);
  });
});
