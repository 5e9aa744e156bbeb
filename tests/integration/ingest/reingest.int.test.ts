import { rm } from 'node:fs/promises';

import { ingestFile } from '../../../src/ingest/ingest';
import { FigureWriter } from '../../../src/modules/figure/figure.writes';
import { createBuilders, tempDir, writeFixture, type AnnotationInput } from '../../support/annotation-builders';
import { countsByKind, deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../../support/neo4j';

const PREFIX = 'test-reingest';
const { ids, claim, directQuote, figure, minimalAnnotation } = createBuilders(PREFIX);
const claimId = (localId: string) => `${ids.source}/${localId}`;

/**
 * Version 1: the minimal annotation, the direct quote supporting the share claim, plus an exports
 * claim citing its own figure and supporting the share claim too.
 */
const VERSION_1 = minimalAnnotation({
  figures: [
    figure(),
    figure({
      id: 'exports-end-2023',
      metric: ids.exportsMetric,
      value: 1200,
      unit: 'units',
      qualifier: 'exact',
      period: 'end of last year',
      quote: 'doubled to 1,200 units',
    }),
  ],
  claims: [
    claim(),
    directQuote({ supports: ['share-exceeded-31'] }),
    claim({
      id: 'exports-doubled',
      text: 'Widget exports doubled to 1,200 units by the end of 2023.',
      quote: 'widget exports had doubled to 1,200 units',
      figures: ['exports-end-2023'],
      metrics: [ids.exportsMetric],
      topics: [ids.exports],
      supports: ['share-exceeded-31'],
    }),
  ],
});

/** Version 2: the exports claim and its figure removed; the direct quote's text and topics changed, its support dropped. */
const VERSION_2 = minimalAnnotation({
  claims: [claim(), directQuote({ text: 'Widgets, Ann Example says, are the future.', topics: [ids.exports] })],
});

describe('re-ingesting a changed annotation of the same source', () => {
  let db: TestDatabase;
  let directory: string;

  async function ingest(annotation: AnnotationInput): Promise<void> {
    const { file } = await writeFixture(directory, { annotation });
    await ingestFile(db.executor, file);
  }

  async function rows(query: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    const { records } = await db.driver.executeQuery(query, { sourceId: ids.source, ...params });
    return records.map((record) => record.toObject());
  }

  const ownedIds = async (label: 'Claim' | 'Figure') =>
    (await rows(`MATCH (n:${label}) WHERE n.id STARTS WITH $sourceId + '/' RETURN n.id AS id ORDER BY id`)).map(
      (row) => row.id,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  beforeEach(async () => {
    directory = await tempDir();
    await ingest(VERSION_1);
  });
  afterEach(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await rm(directory, { recursive: true, force: true });
  });
  afterAll(() => db.close());

  it('starts from version 1 as written', async () => {
    expect(await ownedIds('Claim')).toEqual(
      ['exports-doubled', 'share-exceeded-31', 'widgets-are-the-future'].map(claimId),
    );
    expect(await ownedIds('Figure')).toEqual(['exports-end-2023', 'share-2023'].map(claimId));
  });

  it('deletes a removed claim and its removed figure', async () => {
    await ingest(VERSION_2);
    expect(await ownedIds('Claim')).toEqual(['share-exceeded-31', 'widgets-are-the-future'].map(claimId));
    expect(await ownedIds('Figure')).toEqual(['share-2023'].map(claimId));
    expect(await rows('MATCH (n {id: $id}) RETURN n', { id: claimId('exports-doubled') })).toEqual([]);
  });

  it('updates a changed claim text and replaces its links', async () => {
    await ingest(VERSION_2);
    const [changed] = await rows(
      `MATCH (c:Claim {id: $id})
       RETURN c.text AS text, c.name AS name, COLLECT { MATCH (c)-[:ABOUT]->(t) RETURN t.id } AS topics`,
      { id: claimId('widgets-are-the-future') },
    );
    expect(changed).toEqual({
      text: 'Widgets, Ann Example says, are the future.',
      name: 'Widgets, Ann Example says, are the future.',
      topics: [ids.exports],
    });
  });

  it('drops evidence the file no longer states but keeps evidence added through the API', async () => {
    await rows(`MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) CREATE (a)-[:SUPPORTS {origin: 'review'}]->(b)`, {
      from: claimId('widgets-are-the-future'),
      to: claimId('share-exceeded-31'),
    });
    await ingest(VERSION_2);
    const evidence = await rows(
      `MATCH (a:Claim)-[:APPEARS_IN]->(:Source {id: $sourceId}), (a)-[r:SUPPORTS|CONTRADICTS]->(b) RETURN a.id AS from, type(r) AS type, r.origin AS origin, b.id AS to`,
    );
    expect(evidence).toEqual([
      { from: claimId('widgets-are-the-future'), type: 'SUPPORTS', origin: 'review', to: claimId('share-exceeded-31') },
    ]);
  });

  it('keeps evidence added through the API even where the file states the same evidence', async () => {
    const pair = { from: claimId('exports-doubled'), to: claimId('share-exceeded-31') };
    await rows(`MATCH (a:Claim {id: $from}), (b:Claim {id: $to}) CREATE (a)-[:SUPPORTS {origin: 'review'}]->(b)`, pair);
    await ingest(VERSION_1);
    const origins = await rows(
      'MATCH (:Claim {id: $from})-[r:SUPPORTS]->(:Claim {id: $to}) RETURN r.origin AS origin ORDER BY origin',
      pair,
    );
    expect(origins).toEqual([{ origin: 'annotation' }, { origin: 'review' }]);
  });

  it('never touches claims added through the API, and removes the reviews of a removed claim', async () => {
    const apiClaim = claimId('api-added');
    await rows(
      `MATCH (s:Source {id: $sourceId}), (other:Claim {id: $exportsClaim})
       CREATE (c:Claim {id: $apiClaim, origin: 'api', text: 'added by a user', name: 'added by a user'})
       CREATE (c)-[:APPEARS_IN]->(s)
       CREATE (:Review {id: $review, rating: 2})-[:REVIEWS]->(other)`,
      { apiClaim, exportsClaim: claimId('exports-doubled'), review: `${PREFIX}-review` },
    );
    await ingest(VERSION_2);
    expect(
      await rows('MATCH (c:Claim {id: $id})-[:APPEARS_IN]->(:Source) RETURN c.text AS text', { id: apiClaim }),
    ).toEqual([{ text: 'added by a user' }]);
    expect(await rows('MATCH (r:Review {id: $id}) RETURN r', { id: `${PREFIX}-review` })).toEqual([]);
  });

  it('never touches figures added through the API (addFigure writes through FigureWriter)', async () => {
    const result = await new FigureWriter(db.executor).create({
      sourceKey: ids.source,
      metricKey: ids.exportsMetric,
      kind: 'observation',
      value: '1200',
      range: null,
      rank: null,
      rankOf: null,
      unit: 'units',
      qualifier: 'exact',
      period: 'end of last year',
      periodWords: null,
      placeKey: null,
      change: null,
      derived: null,
      quote: { exact: 'doubled to 1,200 units', occurrence: null, start: null, end: null },
      locator: null,
      addedBy: 'test-editor',
    });
    if (!result.ok) throw new Error(`addFigure refused: ${JSON.stringify(result)}`);
    await ingest(VERSION_2);
    // The file's own exports figure is gone; the API's, of the same metric and quote, stays with its links.
    expect(await ownedIds('Figure')).toEqual([result.value.key, claimId('share-2023')].sort());
    expect(
      await rows('MATCH (f:Figure {id: $id}) RETURN f.origin AS origin, COUNT { (f)-->() } AS links', {
        id: result.value.key,
      }),
    ).toEqual([{ origin: 'api', links: 2 }]);
  });

  it('leaves no stale nodes or links: version 1 then 2 gives the same graph as version 2 alone', async () => {
    await ingest(VERSION_2);
    const afterUpdate = { ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) };
    await deleteTestNodes(db.driver, PREFIX);
    await ingest(VERSION_2);
    expect({ ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) }).toEqual(afterUpdate);
  });

  it('re-ingesting the same version changes nothing', async () => {
    const before = { ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) };
    await ingest(VERSION_1);
    expect({ ...(await graphCounts(db.driver)), ...(await countsByKind(db.driver)) }).toEqual(before);
  });
});
