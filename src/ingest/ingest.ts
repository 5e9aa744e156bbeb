import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { Executor } from '../db/executor';
import { annotationSchema, sourceMetaSchema, type Annotation, type SourceMeta } from './annotation.schema';
import { compileAnnotation } from './compile';
import { AnnotationError, Issues, type Locator } from './issues';
import { MAX_ANNOTATION_BYTES, readDocument, readSourceFiles } from './read-annotation';
import type { SourceGraph } from './source-graph';
import { entitiesDirectoryFor, loadSharedEntities } from './shared-entities';
import { validate } from './validate';
import { writeSourceGraph } from './write-source-graph';

export interface LoadedAnnotation {
  file: string;
  /** Where a document path lies in the file, for problems found on writing. */
  locate: Locator;
  annotation: Annotation;
  meta: SourceMeta;
  text: string;
  graph: SourceGraph;
}

/**
 * An annotation file, read, validated and compiled into the rows to write; nothing touches the
 * database. Throws AnnotationError listing every problem of the stage that found them, each with
 * file, line, column and path.
 */
export async function loadAnnotation(file: string): Promise<LoadedAnnotation> {
  // Read and validate the annotation; then the text and metadata files it names.
  const document = await readDocument(file, MAX_ANNOTATION_BYTES);
  const annotation = validate(document, annotationSchema);
  const source = await readSourceFiles(document, annotation.source);
  if (source.meta.data === undefined) {
    const issues = new Issues(file, document.locate);
    issues.report(
      ['source'],
      'a source needs a textFile and metaFile, or its facts (title, url, publishedDate, language)',
    );
    issues.throwIfAny();
  }
  const meta = validate(source.meta, sourceMetaSchema);
  // The shared entities the file may refer to (entities/ beside it, or the seed's).
  const shared = await loadSharedEntities(await entitiesDirectoryFor(file, SEED_DIRECTORY));
  // Compile: the cross-checks the schema cannot make, then the rows.
  const compiled = compileAnnotation(annotation, source.text, meta, new Issues(file, document.locate), shared);
  if (!compiled.ok) throw new AnnotationError(compiled.issues);
  return { file, locate: document.locate, annotation, meta, text: source.text, graph: compiled.graph };
}

export interface IngestSummary {
  file: string;
  sourceKey: string;
  claims: number;
  figures: number;
  written: boolean;
}

/** read → validate → compile (loadAnnotation), then, unless dryRun, write in one transaction. */
export async function ingestFile(
  executor: Executor,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<IngestSummary> {
  const { graph, locate } = await loadAnnotation(file);
  if (!options.dryRun) await writeSourceGraph(executor, graph, { file, locate });
  return {
    file,
    sourceKey: graph.source.key,
    claims: graph.claims.length,
    figures: graph.figures.length,
    written: !options.dryRun,
  };
}

export const SEED_DIRECTORY = path.resolve(__dirname, '..', '..', 'seed');
/**
 * The multi-source seed (#14): datasets recorded by their facts, an agency report relaying them and
 * a republication of it. Kept apart from the CGTN interview, which tests pin on its own.
 */
export const SEED_SOURCES_DIRECTORY = path.join(SEED_DIRECTORY, 'sources');
/** What `npm run seed` and the server load. */
export const FULL_SEED = [SEED_DIRECTORY, SEED_SOURCES_DIRECTORY];

/** The annotation files of a folder, in name order so seeding is deterministic. */
export async function annotationFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.meta.json'))
    .sort()
    .map((name) => path.join(directory, name));
}

/**
 * Files in an order where a source comes after those it republishes or cites (which it links to),
 * else in name order. A reference to a source of no file here is left to the write to check.
 */
export function dependencyOrder(loaded: LoadedAnnotation[]): LoadedAnnotation[] {
  const byKey = new Map(loaded.map((entry) => [entry.graph.source.key, entry]));
  const ordered: LoadedAnnotation[] = [];
  const visiting = new Set<string>();
  const visit = (entry: LoadedAnnotation) => {
    const key = entry.graph.source.key;
    if (ordered.includes(entry) || visiting.has(key)) return;
    visiting.add(key);
    for (const dependency of [...entry.graph.republishKeys, ...entry.graph.citeKeys]) {
      const target = byKey.get(dependency);
      if (target) visit(target);
    }
    ordered.push(entry);
  };
  loaded.forEach(visit);
  return ordered;
}

/** Loads every file of the folders first (so one bad file writes nothing), then writes each in dependency order. */
export async function seed(
  executor: Executor,
  directories: string | string[] = SEED_DIRECTORY,
): Promise<IngestSummary[]> {
  const loaded: LoadedAnnotation[] = [];
  for (const directory of [directories].flat()) {
    for (const file of await annotationFiles(directory)) loaded.push(await loadAnnotation(file));
  }
  const summaries: IngestSummary[] = [];
  for (const { file, graph, locate } of dependencyOrder(loaded)) {
    await writeSourceGraph(executor, graph, { file, locate });
    summaries.push({
      file,
      sourceKey: graph.source.key,
      claims: graph.claims.length,
      figures: graph.figures.length,
      written: true,
    });
  }
  return summaries;
}
