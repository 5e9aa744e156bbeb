/**
 * Existing entities to link to. The CLI reads them from the shared annotation files
 * (seed/*.yaml); the API passes the graph's. Each keeps its declaration, because a draft that
 * uses an id must declare it (references resolve within one file), and it must declare it as
 * it already is, or ingesting the draft would change the shared node.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

import { annotationSchema, type Annotation } from './ingest-entry';
import type { KnownEntity } from './types';

export function knownFromAnnotation(annotation: Annotation): KnownEntity[] {
  const known: KnownEntity[] = [];
  for (const place of annotation.places) {
    known.push({ kind: 'place', id: place.id, name: place.name, aliases: [], declaration: { ...place } });
  }
  for (const organization of annotation.organizations) {
    known.push({
      kind: 'organization',
      id: organization.id,
      name: organization.name,
      aliases: organization.fullName ? [organization.fullName] : [],
      declaration: { ...organization },
    });
  }
  for (const person of annotation.people) {
    known.push({ kind: 'person', id: person.id, name: person.name, aliases: [], declaration: { ...person } });
  }
  for (const metric of annotation.metrics) {
    known.push({
      kind: 'metric',
      id: metric.id,
      name: metric.name,
      aliases: [metric.description],
      unit: metric.unit,
      placeId: metric.place,
      declaration: { ...metric },
    });
  }
  return known;
}

/** The shared ids of an annotation that are not entities to link to: topics, targets, roles. */
export function otherSharedIds(annotation: Annotation): string[] {
  return [
    ...annotation.topics.map((t) => t.id),
    ...annotation.targets.map((t) => t.id),
    ...annotation.people.flatMap((p) => p.roles.map((r) => r.id)),
    ...annotation.virtualPresenters.map((v) => v.id),
  ];
}

/**
 * The entities of every valid annotation file in a folder, and the other shared ids they use;
 * an invalid file is skipped, not fatal.
 */
export async function knownFromDirectory(directory: string): Promise<{ known: KnownEntity[]; takenIds: string[] }> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return { known: [], takenIds: [] };
  }
  const known: KnownEntity[] = [];
  const takenIds: string[] = [];
  for (const name of names.filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const parsed = annotationSchema.safeParse(parse(await readFile(path.join(directory, name), 'utf8')));
    if (!parsed.success) continue;
    takenIds.push(...otherSharedIds(parsed.data));
    for (const entity of knownFromAnnotation(parsed.data)) {
      if (!known.some((other) => other.id === entity.id)) known.push(entity);
    }
  }
  return { known, takenIds };
}
