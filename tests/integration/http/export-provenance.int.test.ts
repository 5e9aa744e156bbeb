import jsonld from 'jsonld';

import { nodeIri } from '../../../src/export/source-jsonld';
import { toGlobalId } from '../../../src/modules/common/global-id';
import { run } from '../../support/api';
import { deleteTestNodes } from '../../support/neo4j';
import { provenanceScenario } from '../../support/provenance-scenario';
import { startTestServer, type TestServer } from '../../support/server';

/**
 * The JSON-LD export carries the provenance chain (PROV-O and schema:isBasedOn), is reached from
 * the API (Source.exportUrl, with the global id) and is checked by expanding it to RDF with the
 * jsonld library, offline.
 */

const PROV = 'http://www.w3.org/ns/prov#';
const SCHEMA = 'https://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const PREFIX = 'test-export-prov';
const scenario = provenanceScenario(PREFIX);
const { id } = scenario;
const iri = (label: string, name: string) => nodeIri(label, id(name));

const offlineLoader = async (url: string) => {
  throw new Error(`the export tried to load ${url}`);
};

describe('the provenance chain in the JSON-LD export', () => {
  let server: TestServer;

  /** The quads of a source's export, fetched at the URL the API gives for it. */
  async function exportedQuads(source: string): Promise<Set<string>> {
    const { data } = await run<{ source: { exportUrl: string } }>(
      server,
      'query ($id: ID!) { source(id: $id) { exportUrl } }',
      { id: toGlobalId('Source', id(source)) },
    );
    expect(data.source.exportUrl).toBe(`/sources/${toGlobalId('Source', id(source))}.jsonld`);
    const response = await fetch(`${server.url}${data.source.exportUrl}`);
    expect(response.status).toBe(200);
    const nquads = (await jsonld.toRDF((await response.json()) as object, {
      format: 'application/n-quads',
      documentLoader: offlineLoader,
    })) as unknown as string;
    return new Set(nquads.trim().split('\n'));
  }

  const has = (quads: Set<string>, subject: string, predicate: string, object: string) =>
    quads.has(`<${subject}> <${predicate}> ${object.startsWith('"') ? object : `<${object}>`} .`);

  beforeAll(async () => {
    server = await startTestServer();
    await deleteTestNodes(server.db.driver, PREFIX);
    await scenario.build(server.db.driver);
  });
  afterAll(async () => {
    await deleteTestNodes(server.db.driver, PREFIX);
    await server.close();
  });

  it('says what a republication rests on: derived from and based on the report it republishes', async () => {
    const quads = await exportedQuads('paper-article');
    const paper = iri('Source', 'paper-article');
    const report = iri('Source', 'agency-report');
    expect(has(quads, paper, `${PROV}wasDerivedFrom`, report)).toBe(true);
    expect(has(quads, paper, `${SCHEMA}isBasedOn`, report)).toBe(true);
    expect(has(quads, report, `${SCHEMA}publisher`, iri('Organization', 'agency'))).toBe(true);
    // The figure: attributed to the association that produced it, influenced by its relays.
    const figure = iri('Figure', 'sales-paper');
    expect(has(quads, figure, `${PROV}wasAttributedTo`, iri('Organization', 'association'))).toBe(true);
    expect(has(quads, figure, `${PROV}wasInfluencedBy`, iri('Person', 'analyst'))).toBe(true);
    expect(has(quads, figure, `${PROV}wasInfluencedBy`, report)).toBe(true);
    expect(has(quads, iri('Organization', 'association'), RDF_TYPE, `${PROV}Agent`)).toBe(true);
    // The claim: attributed to its speaker, derived from the figure it cites.
    const claim = iri('Claim', 'claim-paper');
    expect(has(quads, claim, `${PROV}wasAttributedTo`, iri('Person', 'analyst'))).toBe(true);
    expect(has(quads, claim, `${PROV}wasDerivedFrom`, figure)).toBe(true);
  });

  it('derives a derived figure from its inputs, and an input from the dataset that produced it', async () => {
    const quads = await exportedQuads('agency-report');
    const ratio = iri('Figure', 'per-point-end-2023');
    expect(has(quads, ratio, `${PROV}wasDerivedFrom`, iri('Figure', 'fleet-end-2023'))).toBe(true);
    expect(has(quads, ratio, `${PROV}wasDerivedFrom`, iri('Figure', 'points-end-2023'))).toBe(true);
    expect(has(quads, iri('Source', 'agency-report'), `${SCHEMA}isBasedOn`, iri('Source', 'sales-data'))).toBe(true);
    expect(has(quads, iri('Source', 'sales-data'), RDF_TYPE, `${SCHEMA}Dataset`)).toBe(true);

    const fleetData = await exportedQuads('fleet-data');
    const fleet = iri('Figure', 'fleet-end-2023');
    expect(has(fleetData, fleet, `${SCHEMA}isBasedOn`, iri('Source', 'fleet-data'))).toBe(true);
    expect(has(fleetData, fleet, `${PROV}wasDerivedFrom`, iri('Source', 'fleet-data'))).toBe(true);
    expect(has(fleetData, fleet, `${PROV}hadPrimarySource`, iri('Source', 'fleet-data'))).toBe(true);
    expect(has(fleetData, fleet, `${SCHEMA}description`, '"Located at page 2"')).toBe(true);
    expect(has(fleetData, iri('Source', 'fleet-data'), RDF_TYPE, `${SCHEMA}Dataset`)).toBe(true);
  });

  it('answers the stored id as before, and 404 for the global id of something that is not a source', async () => {
    expect((await fetch(`${server.url}/sources/${id('paper-article')}.jsonld`)).status).toBe(200);
    expect((await fetch(`${server.url}/sources/${toGlobalId('Claim', id('claim-paper'))}.jsonld`)).status).toBe(404);
    expect((await fetch(`${server.url}/sources/${toGlobalId('Source', `${PREFIX}-missing`)}.jsonld`)).status).toBe(404);
  });
});
