import { isDeepStrictEqual } from 'node:util';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { entitiesSchema, type Entities } from './annotation.schema';
import { AnnotationError, Issues, type AnnotationIssue } from './issues';
import { MAX_ANNOTATION_BYTES, readDocument } from './read-annotation';
import { validate } from './validate';

/**
 * Shared entities (places, organisations, people, presenters, topics, metrics) declared once in
 * the files of an entities folder (seed/entities/*.yaml) and referred to by id from annotations.
 * Each declaration remembers where it is, so a conflicting one is refused naming both places.
 */

export const ENTITY_SECTIONS = ['places', 'organizations', 'people', 'virtualPresenters', 'topics', 'metrics'] as const;
export type EntitySection = (typeof ENTITY_SECTIONS)[number];

export const KIND_OF_SECTION: Record<EntitySection, string> = {
  places: 'place',
  organizations: 'organization',
  people: 'person',
  virtualPresenters: 'virtual presenter',
  topics: 'topic',
  metrics: 'metric',
};

export interface Declaration {
  section: EntitySection;
  entry: { id: string };
  /** "file:line:column" of the entry's id. */
  at: string;
}

export interface SharedEntities {
  entities: Entities;
  /** By id; a person's roles are declared with the person (their ids map to the person). */
  byId: Map<string, Declaration>;
}

export const NO_SHARED_ENTITIES: SharedEntities = {
  entities: { places: [], organizations: [], people: [], virtualPresenters: [], topics: [], metrics: [] },
  byId: new Map(),
};

export const sameDeclaration = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b);

async function isDirectory(directory: string): Promise<boolean> {
  return stat(directory).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/**
 * The entities folder an annotation file uses: `entities/` beside it, or else the seed's, so that
 * `ingest FILE --dry-run` resolves shared ids without a database.
 */
export async function entitiesDirectoryFor(file: string, seedDirectory: string): Promise<string | undefined> {
  const beside = path.join(path.dirname(path.resolve(file)), 'entities');
  if (await isDirectory(beside)) return beside;
  const seeded = path.join(seedDirectory, 'entities');
  return (await isDirectory(seeded)) ? seeded : undefined;
}

/** Reads every .yaml file of the folder, in name order; throws AnnotationError on any problem. */
export async function loadSharedEntities(directory: string | undefined): Promise<SharedEntities> {
  if (directory === undefined) return NO_SHARED_ENTITIES;
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const shared: SharedEntities = {
    entities: { places: [], organizations: [], people: [], virtualPresenters: [], topics: [], metrics: [] },
    byId: new Map(),
  };
  const problems: AnnotationIssue[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const document = await readDocument(file, MAX_ANNOTATION_BYTES);
    const entities = validate(document, entitiesSchema);
    const issues = new Issues(file, document.locate);
    for (const section of ENTITY_SECTIONS) {
      entities[section].forEach((entry, index) => {
        const { line, column } = document.locate([section, index, 'id']);
        const at = `${file}:${line ?? 0}:${column ?? 0}`;
        const earlier = shared.byId.get(entry.id);
        if (earlier) {
          issues.report([section, index, 'id'], `"${entry.id}" is already declared in ${earlier.at}; declare it once`);
          return;
        }
        shared.byId.set(entry.id, { section, entry, at });
        (shared.entities[section] as { id: string }[]).push(entry);
      });
    }
    problems.push(...issues.list);
  }
  if (problems.length > 0) throw new AnnotationError(problems);
  return shared;
}
