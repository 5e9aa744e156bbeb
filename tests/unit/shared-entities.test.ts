import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { dependencyOrder, type LoadedAnnotation } from '../../src/ingest/ingest';
import { AnnotationError } from '../../src/ingest/issues';
import { loadSharedEntities } from '../../src/ingest/shared-entities';

describe('loadSharedEntities', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'entities-test-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('reads every file and remembers where each entity is declared', async () => {
    await writeFile(
      path.join(directory, 'places.yaml'),
      'places:\n  - id: testland\n    name: Testland\n    kind: country\n',
    );
    const shared = await loadSharedEntities(directory);
    expect(shared.entities.places.map((place) => place.id)).toEqual(['testland']);
    expect(shared.byId.get('testland')?.at).toBe(`${path.join(directory, 'places.yaml')}:2:9`);
  });

  it('refuses an id declared in two files, naming both places', async () => {
    const first = path.join(directory, 'a.yaml');
    const second = path.join(directory, 'b.yaml');
    await writeFile(first, 'places:\n  - id: testland\n    name: Testland\n    kind: country\n');
    await writeFile(second, 'organizations:\n  - id: testland\n    name: Testland Inc\n    kind: company\n');
    const error: unknown = await loadSharedEntities(directory).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AnnotationError);
    expect((error as AnnotationError).message).toBe(
      `${second}:2:9: organizations[0].id: "testland" is already declared in ${first}:2:9; declare it once`,
    );
  });

  it('has nothing to share without a folder', async () => {
    expect((await loadSharedEntities(undefined)).byId.size).toBe(0);
  });
});

describe('dependencyOrder', () => {
  const loaded = (key: string, republishKeys: string[] = [], citeKeys: string[] = []) =>
    ({ file: `${key}.yaml`, graph: { source: { key }, republishKeys, citeKeys } }) as unknown as LoadedAnnotation;

  it('writes a source after those it republishes or cites, else in the given order', () => {
    const order = dependencyOrder([
      loaded('lakeside', ['meridian']),
      loaded('cgtn'),
      loaded('meridian', [], ['caam']),
      loaded('caam'),
    ]).map((entry) => entry.graph.source.key);
    expect(order).toEqual(['caam', 'meridian', 'lakeside', 'cgtn']);
  });

  it('leaves a source that names one of no file, or a cycle, in place', () => {
    const order = dependencyOrder([loaded('a', ['b']), loaded('b', ['a']), loaded('c', ['elsewhere'])]);
    expect(order.map((entry) => entry.graph.source.key)).toEqual(['b', 'a', 'c']);
  });
});
