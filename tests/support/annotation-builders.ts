import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { stringify } from 'yaml';
import type { z } from 'zod';

import { annotationSchema, sourceMetaSchema } from '../../src/ingest/annotation.schema';
import { compileAnnotation } from '../../src/ingest/compile';

/** Annotations as written in a file, before the schema applies defaults. */
export type AnnotationInput = z.input<typeof annotationSchema>;
export type ClaimInput = NonNullable<AnnotationInput['claims']>[number];
export type FigureInput = NonNullable<AnnotationInput['figures']>[number];
export type MetaInput = z.input<typeof sourceMetaSchema>;

/**
 * A small article with boilerplate around its body: a cookie banner and a title line before,
 * a "Search Trends" footer after. "Testland" occurs twice: once in the title, once in the body.
 */
export const MINIMAL_TEXT = [
  'Accept all cookies to continue reading. I agree',
  '',
  'Widgets boom in Testland',
  '',
  'Widget sales in Testland exceeded 31 percent of all sales in 2023, the outlet reports. ' +
    '"Widgets are the future," said Ann Example, the minister of widgets. ' +
    'By the end of last year, widget exports had doubled to 1,200 units.',
  '',
  'Search Trends',
  '',
].join('\n');

export const MINIMAL_TEXT_FILE = 'minimal.txt';
export const MINIMAL_META_FILE = 'minimal.meta.json';

export function minimalMeta(overrides: Partial<MetaInput> = {}): MetaInput {
  return {
    file: MINIMAL_TEXT_FILE,
    title: 'Widgets boom in Testland',
    publisher: 'Test Outlet',
    url: 'https://example.org/widgets-boom',
    publishedDate: '2024-03-19',
    language: 'en',
    ...overrides,
  };
}

/**
 * Builders of a valid minimal annotation of MINIMAL_TEXT. Every id of a shared entity starts
 * with `prefix`, so integration tests never touch the seeded article's entities and can delete
 * exactly what they created.
 */
export function createBuilders(prefix = 'test-unit') {
  if (!prefix.startsWith('test-')) throw new Error('test ids must start with "test-"');
  const ids = {
    source: `${prefix}-source`,
    outlet: `${prefix}-outlet`,
    ministry: `${prefix}-ministry`,
    land: `${prefix}-land`,
    ann: `${prefix}-ann`,
    annMinister: `${prefix}-ann-minister`,
    widgets: `${prefix}-widgets`,
    exports: `${prefix}-exports`,
    share: `${prefix}-widget-share`,
    exportsMetric: `${prefix}-widget-exports`,
  };

  const figure = (overrides: Partial<FigureInput> = {}): FigureInput => ({
    id: 'share-2023',
    metric: ids.share,
    value: 31,
    unit: 'percent',
    qualifier: 'exceeding',
    period: '2023',
    place: ids.land,
    quote: 'exceeded 31 percent of all sales in 2023',
    ...overrides,
  });

  const claim = (overrides: Partial<ClaimInput> = {}): ClaimInput => ({
    id: 'share-exceeded-31',
    text: 'Widget sales in Testland exceeded 31 percent of all sales in 2023.',
    kind: 'statistic',
    attribution: 'narration',
    speaker: ids.outlet,
    quote: 'Widget sales in Testland exceeded 31 percent of all sales in 2023',
    figures: ['share-2023'],
    metrics: [ids.share],
    topics: [ids.widgets],
    ...overrides,
  });

  const directQuote = (overrides: Partial<ClaimInput> = {}): ClaimInput =>
    claim({
      id: 'widgets-are-the-future',
      text: 'Widgets are the future.',
      kind: 'opinion',
      attribution: 'direct-quote',
      speaker: ids.ann,
      role: ids.annMinister,
      quote: 'Widgets are the future',
      figures: [],
      metrics: [],
      ...overrides,
    });

  /** A valid annotation; `overrides` replace whole top-level sections. */
  const minimalAnnotation = (overrides: Partial<AnnotationInput> = {}): AnnotationInput => ({
    source: {
      id: ids.source,
      textFile: MINIMAL_TEXT_FILE,
      metaFile: MINIMAL_META_FILE,
      kind: 'article',
      publisher: ids.outlet,
      body: { start: 'Widget sales in Testland', end: 'to 1,200 units.' },
    },
    places: [{ id: ids.land, name: 'Testland', kind: 'country', isoCode: 'TL' }],
    organizations: [
      { id: ids.outlet, name: 'Test Outlet', kind: 'broadcaster' },
      { id: ids.ministry, name: 'Ministry of Widgets', kind: 'ministry', country: ids.land },
    ],
    people: [
      {
        id: ids.ann,
        name: 'Ann Example',
        roles: [{ id: ids.annMinister, title: 'Minister of widgets', organization: ids.ministry, status: 'current' }],
      },
    ],
    topics: [
      { id: ids.widgets, name: 'Widgets' },
      { id: ids.exports, name: 'Widget exports' },
    ],
    metrics: [
      {
        id: ids.share,
        name: 'Widget share of sales',
        description: 'Widgets as a share of all sales.',
        unit: 'percent',
        place: ids.land,
      },
      {
        id: ids.exportsMetric,
        name: 'Widget exports',
        description: 'Widgets exported.',
        unit: 'units',
        place: ids.land,
      },
    ],
    figures: [figure()],
    claims: [claim(), directQuote()],
    ...overrides,
  });

  return { ids, figure, claim, directQuote, minimalAnnotation };
}

/** Parses with the schema (defaults applied) and compiles against MINIMAL_TEXT, as ingestion does. */
export function compileInput(input: AnnotationInput, text = MINIMAL_TEXT, meta: MetaInput = minimalMeta()) {
  return compileAnnotation(annotationSchema.parse(input), text, sourceMetaSchema.parse(meta));
}

export function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'annotation-test-'));
}

export interface WrittenFixture {
  /** The annotation file. */
  file: string;
  /** Its exact content, to find the line of a value in. */
  content: string;
}

/**
 * Writes an annotation (YAML via `yaml.stringify`, or `content` verbatim) with its text and meta
 * file, named as its source section says, into `directory`.
 */
export async function writeFixture(
  directory: string,
  options: { annotation: AnnotationInput; content?: string; text?: string; meta?: MetaInput; name?: string },
): Promise<WrittenFixture> {
  const { annotation, text = MINIMAL_TEXT, meta = minimalMeta() } = options;
  const content = options.content ?? stringify(annotation);
  const file = path.join(directory, options.name ?? 'annotation.yaml');
  const { textFile, metaFile } = annotation.source;
  if (textFile) await writeFile(path.join(directory, textFile), text, 'utf8');
  if (metaFile) await writeFile(path.join(directory, metaFile), JSON.stringify(meta, null, 2), 'utf8');
  await writeFile(file, content, 'utf8');
  return { file, content };
}

/**
 * 1-based line and column of `needle` in `content`, as the reader reports them: the first one after
 * the markers `after`, each searched for after the previous one (e.g. ['claims:', 'quote:']).
 */
export function positionOf(
  content: string,
  needle: string,
  after: string | string[] = [],
): { line: number; column: number } {
  let index = 0;
  for (const marker of [...[after].flat(), needle]) {
    const found = content.indexOf(marker, index);
    if (found === -1) throw new Error(`"${marker}" not found in the fixture (looking for "${needle}")`);
    index = marker === needle ? found : found + marker.length;
  }
  const before = content.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** Replaces the one line `key: value` (any indentation) by `replacement` lines at the same indentation. */
export function replaceLine(content: string, line: string, ...replacement: string[]): string {
  const pattern = new RegExp(`^( *)${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
  const match = pattern.exec(content);
  if (!match) throw new Error(`line "${line}" not in the fixture`);
  const indent = match[1] ?? '';
  return content.replace(pattern, replacement.map((text) => `${indent}${text}`).join('\n'));
}
