import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

import { seed } from '../../../src/ingest/ingest';
import { codeOf, insertTestPerson } from '../../support/api';
import { graphCounts, type GraphCounts } from '../../support/neo4j';
import { EDITOR_TOKEN, REVIEWER_TOKEN, startTestServer, type TestServer } from '../../support/server';

const DRAFT = `mutation Draft($input: DraftAnnotationInput!) {
  draftAnnotation(input: $input) { yaml warnings items { type id quote start end confidence review changeOf } }
}`;

const PERSON = { id: 'test-draft-ingrid-halvorsen', name: 'Ingrid Halvorsen' };

/** Our own text: a person already in the graph, an emoji and non-ASCII letters before the quote. */
const TEXT = [
  '🍪 Cookies keep this site running. Accept all',
  '',
  'Ingrid Halvorsen, director of the Bergen Harbour Office, said cargo volumes in Tromsø rose 4.2 percent last year.',
  '',
  '"We are running out of quay space," she told reporters.',
  '',
  'Share this article',
].join('\n');

interface DraftResponse {
  draftAnnotation: {
    yaml: string;
    warnings: string[];
    items: {
      type: string;
      id: string;
      quote: string;
      start: number;
      end: number;
      confidence: number;
      review: string[];
      changeOf: string | null;
    }[];
  };
}

describe('draftAnnotation', () => {
  let server: TestServer;
  let before: GraphCounts;

  beforeAll(async () => {
    server = await startTestServer();
    await seed(server.db.executor);
    await insertTestPerson(server.db.driver, PERSON);
    before = await graphCounts(server.db.driver);
  });

  afterAll(async () => {
    await server.db.driver.executeQuery('MATCH (p:Person {id: $id}) DETACH DELETE p', { id: PERSON.id });
    await server.close();
  });

  const draft = (input: Record<string, unknown>, token: string | null = EDITOR_TOKEN) =>
    server.graphql<DraftResponse>(DRAFT, { input }, token === null ? {} : { token });

  it('drafts the seed article, linking the speaker and the metric that exist in the graph, and writes nothing', async () => {
    const text = await readFile(
      path.resolve(__dirname, '../../../seed/cgtn-tech-talk-nev-software-charging.txt'),
      'utf8',
    );
    const response = await draft({
      text,
      title: "Tech Talk: China's NEV boom needs software and charging pole boost",
      publisher: 'CGTN',
      publishedDate: '2024-03-19',
    });
    expect(response.errors).toBeUndefined();
    const annotation = parse(response.data!.draftAnnotation.yaml) as {
      claims: { speaker: string; quote: string }[];
      metrics: { id: string }[];
    };
    expect(annotation.claims.find((c) => c.quote === 'Software defines cars')?.speaker).toBe('miao-wei');
    expect(annotation.metrics.map((m) => m.id)).toContain('nev-share-of-new-car-sales');
    const { items } = response.data!.draftAnnotation;
    const level = items.find((item) => item.quote === '1.2 million units');
    expect(items.find((item) => item.quote === 'skyrocketed by 77 percent')?.changeOf).toBe(level?.id);
    expect(annotation.claims.some((c) => c.quote.includes('Search Trends') || c.quote.includes('cookies'))).toBe(false);
    expect(await graphCounts(server.db.driver)).toEqual(before);
  });

  it('gives spans in code points, links a person of the graph, and flags a missing date', async () => {
    const response = await draft({ text: TEXT, publisher: 'Test Harbour News' });
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.cypherQueries).toBe(5); // the existing entities, four kinds and the taken ids
    const { yaml, items, warnings } = response.data!.draftAnnotation;
    expect(warnings.join(' ')).toMatch(/no publication date/);
    expect(yaml).toContain(`speaker: ${PERSON.id}`);
    const codePoints = Array.from(TEXT);
    for (const item of items) expect(codePoints.slice(item.start, item.end).join('')).toBe(item.quote);
    const quote = items.find((item) => item.quote === 'We are running out of quay space');
    expect(quote?.type).toBe('claim');
    const figure = items.find((item) => item.type === 'figure');
    expect(figure?.review.join(' ')).toMatch(/left unresolved/);
  });

  it('requires a token with the editor grant (editors and reviewers, as for the other mutations)', async () => {
    expect(codeOf(await draft({ text: TEXT }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await draft({ text: TEXT }, 'not-a-real-token'))).toBe('UNAUTHENTICATED');
    expect((await draft({ text: TEXT }, REVIEWER_TOKEN)).errors).toBeUndefined();
  });

  it('refuses oversize text, a path as file name and a text without prose with BAD_USER_INPUT', async () => {
    const oversize = await draft({ text: 'word '.repeat(10_001) });
    expect(codeOf(oversize)).toBe('BAD_USER_INPUT');
    expect(oversize.errors?.[0]?.message).toMatch(/at most 50000 are accepted/);
    // Refused before any work: not one Cypher statement ran for it.
    expect(oversize.extensions?.cypherQueries).toBe(0);
    expect(codeOf(await draft({ text: TEXT, textFile: '../etc/passwd.txt' }))).toBe('BAD_USER_INPUT');
    const noProse = await draft({ text: 'Menu\nHome | News\n05:42' });
    expect(codeOf(noProse)).toBe('BAD_USER_INPUT');
    expect(noProse.errors?.[0]?.message).toMatch(/no sentences/);
    expect(await graphCounts(server.db.driver)).toEqual(before);
  });
});
