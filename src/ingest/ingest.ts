import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { Executor } from '../db/executor';
import { annotationSchema, sourceMetaSchema, type Annotation, type SourceMeta } from './annotation.schema';
import { compileAnnotation } from './compile';
import { AnnotationError, Issues } from './issues';
import { MAX_ANNOTATION_BYTES, readDocument, readSourceFiles } from './read-annotation';
import type { SourceGraph } from './source-graph';
import { validate } from './validate';
import { writeSourceGraph } from './write-source-graph';

export interface LoadedAnnotation {
  file: string;
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
  const meta = validate(source.meta, sourceMetaSchema);
  // Compile: the cross-checks the schema cannot make, then the rows.
  const compiled = compileAnnotation(annotation, source.text, meta, new Issues(file, document.locate));
  if (!compiled.ok) throw new AnnotationError(compiled.issues);
  return { file, annotation, meta, text: source.text, graph: compiled.graph };
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
  const { graph } = await loadAnnotation(file);
  if (!options.dryRun) await writeSourceGraph(executor, graph);
  return {
    file,
    sourceKey: graph.source.key,
    claims: graph.claims.length,
    figures: graph.figures.length,
    written: !options.dryRun,
  };
}

export const SEED_DIRECTORY = path.resolve(__dirname, '..', '..', 'seed');

/** The annotation files of a folder, in name order so seeding is deterministic. */
export async function annotationFiles(directory: string): Promise<string[]> {
  const names = await readdir(directory);
  return names
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.meta.json'))
    .sort()
    .map((name) => path.join(directory, name));
}

export async function seed(executor: Executor, directory = SEED_DIRECTORY): Promise<IngestSummary[]> {
  const summaries: IngestSummary[] = [];
  for (const file of await annotationFiles(directory)) summaries.push(await ingestFile(executor, file));
  return summaries;
}
