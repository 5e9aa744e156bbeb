import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { stringify } from 'yaml';

import { PERIOD_GRAMMAR } from '../../../src/domain/period';
import { ingestFile } from '../../../src/ingest/ingest';
import { AnnotationError } from '../../../src/ingest/issues';
import {
  createBuilders,
  positionOf,
  tempDir,
  writeFixture,
  type AnnotationInput,
  type FigureInput,
} from '../../support/annotation-builders';
import { deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../../support/neo4j';

/**
 * Ingestion of what issue #14 adds: shared entities declared once, change, range, rank and
 * derived figures, provenance, and sources recorded by their facts. Each kind of bad input gets
 * its located error and leaves the graph as it was.
 */
const PREFIX = 'test-sources';
const { ids, figure, minimalAnnotation } = createBuilders(PREFIX);

const exportsLevel = figure({
  id: 'exports-2023',
  metric: ids.exportsMetric,
  value: 1200,
  unit: 'units',
  qualifier: 'exact',
  period: 'end of last year',
  quote: 'doubled to 1,200 units',
});

/** A figure without the builder's single value, for ranges and ranks. */
function withoutValue(overrides: Partial<FigureInput>): FigureInput {
  const { value: _value, ...rest } = figure(overrides);
  return rest;
}

/** A statistics release recorded by its facts: no text, figures with locators. */
const datasetAnnotation = (): AnnotationInput => ({
  source: {
    id: `${PREFIX}-dataset`,
    kind: 'dataset',
    publisher: ids.ministry,
    facts: {
      title: 'Widget statistics 2023',
      url: 'https://example.org/widget-statistics-2023',
      publishedDate: '2024-01-10',
      language: 'en',
      note: 'as reported by Test Outlet',
    },
  },
  places: [{ id: ids.land, name: 'Testland', kind: 'country', isoCode: 'TL' }],
  organizations: [{ id: ids.ministry, name: 'Ministry of Widgets', kind: 'ministry', country: ids.land }],
  metrics: [
    {
      id: ids.share,
      name: 'Widget share of sales',
      description: 'Widgets as a share of all sales.',
      unit: 'percent',
      place: ids.land,
    },
  ],
  figures: [
    {
      id: 'share-2023',
      metric: ids.share,
      value: '31.6',
      unit: 'percent',
      period: '2023',
      place: ids.land,
      locator: "table 1, row 'widget share'",
      producedBy: ids.ministry,
    },
  ],
});

describe('ingesting the parts of issue #14', () => {
  let db: TestDatabase;
  let directory: string;

  beforeAll(async () => {
    db = await openTestDatabase();
  });

  beforeEach(async () => {
    directory = await tempDir();
    await deleteTestNodes(db.driver, PREFIX);
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  afterAll(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.close();
  });

  async function write(annotation: AnnotationInput, name: string): Promise<{ file: string; content: string }> {
    return writeFixture(directory, { annotation, name });
  }

  async function expectRefused(file: string, expected: string): Promise<void> {
    const before = await graphCounts(db.driver);
    const error: unknown = await ingestFile(db.executor, file).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AnnotationError);
    expect((error as AnnotationError).message).toBe(expected);
    expect(await graphCounts(db.driver)).toEqual(before);
  }

  it('writes a dataset by its facts, and a source citing it with change, range, rank and derived figures', async () => {
    const dataset = await write(datasetAnnotation(), 'dataset.yaml');
    await ingestFile(db.executor, dataset.file);
    const base = minimalAnnotation();
    const article = minimalAnnotation({
      source: { ...base.source, cites: [`${PREFIX}-dataset`] },
      people: [
        {
          id: ids.ann,
          name: 'Ann Example',
          roles: [{ id: ids.annMinister, title: 'Independent widget analyst', status: 'current' }],
        },
      ],
      figures: [
        figure({ producedBy: `${PREFIX}-dataset`, relayedBy: [ids.outlet] }),
        exportsLevel,
        figure({
          id: 'exports-doubled',
          metric: ids.exportsMetric,
          value: 100,
          unit: 'percent',
          qualifier: 'exact',
          period: 'end of last year',
          change: { type: 'percent', basePeriod: 'a year earlier', of: 'exports-2023' },
          quote: 'doubled',
        }),
        withoutValue({ id: 'share-range', range: { low: '30', high: 32 }, quote: 'exceeded 31 percent' }),
        withoutValue({ id: 'share-rank', rank: 1, rankOf: 'widget markets', quote: 'Widget sales in Testland' }),
        figure({
          id: 'exports-per-share-point',
          kind: 'derived',
          metric: ids.exportsMetric,
          value: '37.97',
          unit: 'units',
          qualifier: 'exact',
          derived: { operation: 'ratio', inputs: ['exports-2023', `${PREFIX}-dataset/share-2023`] },
          quote: '1,200 units',
        }),
      ],
    });
    const { file } = await write(article, 'article.yaml');
    await ingestFile(db.executor, file);

    const { records } = await db.driver.executeQuery(
      `MATCH (dataset:Source {id: $dataset})
       MATCH (article:Source {id: $article})-[:CITES]->(dataset)
       MATCH (located:Figure {sourceId: $dataset})-[:PRODUCED_BY]->(:Organization {id: $ministry})
       MATCH (cited:Figure {id: $article + '/share-2023'})-[:PRODUCED_BY]->(dataset)
       MATCH (cited)-[relay:RELAYED_BY {position: 0}]->(:Organization {id: $outlet})
       MATCH (change:Figure {id: $article + '/exports-doubled'})-[:CHANGE_OF]->(:Figure {id: $article + '/exports-2023'})
       MATCH (range:Figure {id: $article + '/share-range'})
       MATCH (rank:Figure {id: $article + '/share-rank'})
       MATCH (derived:Figure {id: $article + '/exports-per-share-point'})-[input:DERIVED_FROM]->(inputFigure)
       MATCH (:Person {id: $ann})-[:HOLDS_ROLE]->(role:Role {id: $role})
       WITH dataset, located, change, range, rank, derived, role, input, inputFigure ORDER BY input.position
       RETURN dataset { .referenceOnly, .length, .text, .note } AS dataset,
              located { .locator, .decimal, .value, .kind, .quote } AS located,
              change { .changeType, .basePeriodLabel, .decimal } AS change,
              range { .lowDecimal, .highDecimal, .value } AS range, rank.rank AS rank,
              derived { .kind, .operation, .decimal } AS derived,
              collect(inputFigure.id) AS inputs, EXISTS { (role)-[:ROLE_AT]->() } AS roleHasOrganization`,
      {
        dataset: `${PREFIX}-dataset`,
        article: ids.source,
        ministry: ids.ministry,
        outlet: ids.outlet,
        ann: ids.ann,
        role: ids.annMinister,
      },
    );
    expect(records).toHaveLength(1);
    const row = records[0]!.toObject();
    expect(row.dataset).toEqual({ referenceOnly: true, length: 0, text: null, note: 'as reported by Test Outlet' });
    expect(row.located).toEqual({
      locator: "table 1, row 'widget share'",
      decimal: '31.6',
      value: 31.6,
      kind: 'observation',
      quote: null,
    });
    expect(row.change).toEqual({ changeType: 'percent', basePeriodLabel: 'end of 2022', decimal: '100' });
    expect(row.range).toEqual({ lowDecimal: '30', highDecimal: '32', value: null });
    expect(Number(row.rank)).toBe(1);
    expect(row.derived).toEqual({ kind: 'derived', operation: 'ratio', decimal: '37.97' });
    expect(row.inputs).toEqual([`${ids.source}/exports-2023`, `${PREFIX}-dataset/share-2023`]);
    expect(row.roleHasOrganization).toBe(false);
  });

  it('refuses a conflicting declaration of a shared entity, naming both files and lines', async () => {
    await mkdir(path.join(directory, 'entities'));
    const entitiesFile = path.join(directory, 'entities', 'places.yaml');
    const entities = stringify({ places: [{ id: ids.land, name: 'Testland', kind: 'region' }] });
    await writeFile(entitiesFile, entities, 'utf8');
    const { file, content } = await write(minimalAnnotation(), 'annotation.yaml');
    const here = positionOf(content, ids.land, 'places:');
    const there = positionOf(entities, ids.land);
    await expectRefused(
      file,
      `${file}:${here.line}:${here.column}: places[0].id: "${ids.land}" conflicts with its declaration in ` +
        `${entitiesFile}:${there.line}:${there.column}; declare it once there and refer to it by id`,
    );
  });

  it('refuses a change figure without a base period', async () => {
    const change = figure({
      id: 'share-change',
      value: 5.9,
      unit: 'percentage points',
      change: { type: 'percentage-points' },
    });
    const { file, content } = await write(minimalAnnotation({ figures: [figure(), change] }), 'annotation.yaml');
    const at = positionOf(content, 'type: percentage-points');
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: figures[1].change.basePeriod: a change needs the base period it is measured from, e.g. "the previous year"`,
    );
  });

  it('refuses a derived figure whose value does not match its inputs', async () => {
    const derived = figure({
      id: 'exports-per-share-point',
      kind: 'derived',
      metric: ids.exportsMetric,
      value: 40,
      unit: 'units',
      qualifier: 'exact',
      derived: { operation: 'ratio', inputs: ['exports-2023', 'share-2023'] },
      quote: '1,200 units',
    });
    const annotation = minimalAnnotation({ figures: [figure(), exportsLevel, derived] });
    const { file, content } = await write(annotation, 'annotation.yaml');
    const at = positionOf(content, '40', 'id: exports-per-share-point');
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: figures[2].value: stated 40 does not match ratio of 1200, 31 = 38.70967742 (39 to the stated precision)`,
    );
  });

  it('checks a derived figure with an input of another source against the graph, writing nothing when wrong', async () => {
    const dataset = await write(datasetAnnotation(), 'dataset.yaml');
    await ingestFile(db.executor, dataset.file);
    const base = minimalAnnotation();
    const derived = figure({
      id: 'exports-per-share-point',
      kind: 'derived',
      metric: ids.exportsMetric,
      value: 40,
      unit: 'units',
      qualifier: 'exact',
      derived: { operation: 'ratio', inputs: ['exports-2023', `${PREFIX}-dataset/share-2023`] },
      quote: '1,200 units',
    });
    const annotation = minimalAnnotation({
      source: { ...base.source, cites: [`${PREFIX}-dataset`] },
      figures: [figure(), exportsLevel, derived],
    });
    const { file, content } = await write(annotation, 'article.yaml');
    const at = positionOf(content, '40', 'id: exports-per-share-point');
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: figures[2].value: stated 40 does not match ratio of 1200, 31.6 = 37.97468354 (38 to the stated precision)`,
    );
  });

  it('refuses a range whose low end is above its high end', async () => {
    const range = withoutValue({ range: { low: 50, high: 10 } });
    const { file, content } = await write(minimalAnnotation({ figures: [range] }), 'annotation.yaml');
    const at = positionOf(content, '10', 'high: ');
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: figures[0].range.high: the low end 50 is above the high end 10`,
    );
  });

  it('refuses an unknown period phrase, listing the grammar', async () => {
    const { file, content } = await write(
      minimalAnnotation({ figures: [figure({ period: 'the year before last' })] }),
      'annotation.yaml',
    );
    const at = positionOf(content, 'the year before last');
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: figures[0].period: bad period or date "the year before last"; write ${PERIOD_GRAMMAR}`,
    );
  });

  it('refuses to republish a source that is not in the graph, writing nothing', async () => {
    const base = minimalAnnotation();
    const annotation = minimalAnnotation({ source: { ...base.source, republishes: [`${PREFIX}-missing`] } });
    const { file, content } = await write(annotation, 'annotation.yaml');
    const at = positionOf(content, `- ${PREFIX}-missing`);
    await expectRefused(
      file,
      `${file}:${at.line}:${at.column}: source.republishes: the source "${PREFIX}-missing" it republishes or cites is not in the graph: ingest it first`,
    );
  });
});
