import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { Executor } from '../db/executor';
import { readAnnotation, type LoadedAnnotation } from './read-annotation';
import { writeSourceGraph } from './write-source-graph';

export interface IngestSummary {
  file: string;
  sourceKey: string;
  claims: number;
  figures: number;
  written: boolean;
}

/** Validates an annotation file completely, then (unless dryRun) writes it in one transaction. */
export async function ingestFile(
  executor: Executor,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<IngestSummary> {
  const loaded: LoadedAnnotation = await readAnnotation(file);
  if (!options.dryRun) await writeSourceGraph(executor, loaded.graph);
  return {
    file,
    sourceKey: loaded.graph.source.key,
    claims: loaded.graph.claims.length,
    figures: loaded.graph.figures.length,
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
