/**
 * Existing entities to link to. The CLI reads them from the files ingestion itself resolves ids
 * against: the shared entity files (seed/entities/*.yaml, or the entities/ folder beside the
 * draft), and the annotations of seed/ and seed/sources/; the API passes the graph's.
 *
 * A shared entity is referred to by id and never declared in the draft: ingestion refuses a
 * declaration that differs from the shared one, and the shared file is where it is changed. An
 * entity declared only inside another annotation keeps its declaration, because references
 * resolve within one file (plus the shared ones), so the draft must declare it as it already is.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

import { annotationSchema, entitiesSchema, type Annotation, type Entities } from './ingest-entry';
import type { KnownEntity } from './types';

type Declared = Pick<Entities, 'places' | 'organizations' | 'people' | 'metrics' | 'topics'>;

/** The entities of an annotation or of a shared entity file; `shared` says which. */
export function knownFromEntities(entities: Declared, shared: boolean): KnownEntity[] {
  const flag = shared ? { shared: true } : {};
  return [
    ...entities.places.map((place) => ({
      kind: 'place' as const,
      id: place.id,
      name: place.name,
      aliases: [],
      declaration: { ...place },
      ...flag,
    })),
    ...entities.organizations.map((organization) => ({
      kind: 'organization' as const,
      id: organization.id,
      name: organization.name,
      aliases: organization.fullName ? [organization.fullName] : [],
      declaration: { ...organization },
      ...flag,
    })),
    ...entities.people.map((person) => ({
      kind: 'person' as const,
      id: person.id,
      name: person.name,
      aliases: [],
      declaration: { ...person },
      ...flag,
    })),
    ...entities.metrics.map((metric) => ({
      kind: 'metric' as const,
      id: metric.id,
      name: metric.name,
      aliases: [metric.description],
      unit: metric.unit,
      placeId: metric.place,
      declaration: { ...metric },
      ...flag,
    })),
    ...entities.topics.map((topic) => ({
      kind: 'topic' as const,
      id: topic.id,
      name: topic.name,
      aliases: [],
      declaration: { ...topic },
      ...flag,
    })),
  ];
}

export function knownFromAnnotation(annotation: Annotation): KnownEntity[] {
  return knownFromEntities(annotation, false);
}

/** The shared ids of declarations that are not entities to link to: targets, roles, presenters. */
export function otherSharedIds(entities: Partial<Pick<Annotation, 'targets'>> & Entities): string[] {
  return [
    ...(entities.targets ?? []).map((t) => t.id),
    ...entities.people.flatMap((p) => p.roles.map((r) => r.id)),
    ...entities.virtualPresenters.map((v) => v.id),
  ];
}

export interface KnownSet {
  known: KnownEntity[];
  takenIds: string[];
}

/** Adds entities not yet known; the first declaration of an id wins (shared files are read first). */
function merge(into: KnownSet, known: KnownEntity[], takenIds: string[]): void {
  into.takenIds.push(...takenIds);
  for (const entity of known) if (!into.known.some((other) => other.id === entity.id)) into.known.push(entity);
}

async function yamlFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory))
      .filter((file) => /\.ya?ml$/.test(file))
      .sort()
      .map((file) => path.join(directory, file));
  } catch {
    return [];
  }
}

async function parsed<T>(file: string, schema: { safeParse(value: unknown): { success: boolean; data?: T } }) {
  try {
    const result = schema.safeParse(parse(await readFile(file, 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export interface KnownSources {
  /** The shared entity files' folder (seed/entities, or entities/ beside the draft). */
  entitiesDirectory?: string;
  /** Folders of annotations whose own declarations are known too (seed/, seed/sources/). */
  annotationDirectories: string[];
  /** An annotation file to leave out (the evaluator's gold for the text being drafted). */
  exclude?: string;
}

/**
 * The entities of the shared files and of every valid annotation in the folders, and the other
 * ids they use; an invalid or unreadable file is skipped, not fatal (ingestion reports it).
 */
export async function knownFromFiles(sources: KnownSources): Promise<KnownSet> {
  const result: KnownSet = { known: [], takenIds: [] };
  if (sources.entitiesDirectory) {
    for (const file of await yamlFiles(sources.entitiesDirectory)) {
      const entities = await parsed<Entities>(file, entitiesSchema);
      if (entities) merge(result, knownFromEntities(entities, true), otherSharedIds(entities));
    }
  }
  for (const directory of sources.annotationDirectories) {
    for (const file of await yamlFiles(directory)) {
      if (sources.exclude && path.resolve(file) === path.resolve(sources.exclude)) continue;
      const annotation = await parsed<Annotation>(file, annotationSchema);
      if (annotation) merge(result, knownFromAnnotation(annotation), otherSharedIds(annotation));
    }
  }
  return result;
}

/** The seed's shared entities and annotations: what `npm run seed` loads. */
export function knownFromDirectory(seedDirectory: string, entitiesDirectory?: string): Promise<KnownSet> {
  return knownFromFiles({
    entitiesDirectory: entitiesDirectory ?? path.join(seedDirectory, 'entities'),
    annotationDirectories: [seedDirectory, path.join(seedDirectory, 'sources')],
  });
}
