import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { parse } from 'yaml';

import { draftAnnotation } from '../../../src/extract/draft';
import { EntityBook } from '../../../src/extract/entities';
import { readAnnotation } from '../../../src/extract/ingest-entry';
import { knownFromDirectory, knownFromFiles } from '../../../src/extract/known-entities';
import { findKnown, findKnownRole } from '../../../src/extract/linking';
import { addRole, type StatedRole } from '../../../src/extract/people';
import { causesAndEffects } from '../../../src/extract/topics';
import type { KnownEntity, TopicDraft } from '../../../src/extract/types';

const SEED = path.resolve(__dirname, '../../../seed');
const span = (start: number, end: number) => ({ start, end });

const MIAO: KnownEntity = {
  kind: 'person',
  id: 'miao-wei',
  name: 'Miao Wei',
  aliases: [],
  shared: true,
  declaration: {
    id: 'miao-wei',
    name: 'Miao Wei',
    roles: [
      { id: 'miao-vice-chair', title: 'Vice chairman', organization: 'econ-committee', status: 'current' },
      {
        id: 'miao-minister',
        title: 'Minister of Industry and Information Technology',
        organization: 'miit',
        status: 'former',
      },
    ],
  },
};
const MIIT: KnownEntity = {
  kind: 'organization',
  id: 'miit',
  name: 'Ministry of Industry and Information Technology',
  aliases: [],
  shared: true,
  declaration: { id: 'miit', name: 'Ministry of Industry and Information Technology', kind: 'ministry' },
};

describe('linking a stated role to a declared one', () => {
  const roles = MIAO.declaration.roles as { id: string; title: string; organization: string; status: string }[];

  it('takes the same title, whatever its case', () => {
    expect(findKnownRole(roles, 'vice chairman', 'current')?.id).toBe('miao-vice-chair');
  });

  it('takes the same head title with the same status when only one role has it', () => {
    expect(findKnownRole(roles, 'Minister of Industry and It', 'former')?.id).toBe('miao-minister');
  });

  it('refuses another status, and a head title two roles share', () => {
    expect(findKnownRole(roles, 'Minister of Industry and It', 'current')).toBeUndefined();
    const two = [...roles, { id: 'x', title: 'Minister of Trade', organization: 'mot', status: 'former' }];
    expect(findKnownRole(two, 'Minister of Commerce', 'former')).toBeUndefined();
  });
});

describe('an existing person and their roles', () => {
  const role = (title: string, status: 'current' | 'former', organizationName?: string): StatedRole => ({
    start: 10,
    end: 50,
    phrase: title.toLowerCase(),
    title,
    status,
    organizationName,
  });

  it('links the organisation of a declared role under the name the text uses, and merges the new one', () => {
    const book = new EntityBook([MIAO, MIIT]);
    const drafted = book.addOrganization('Ministry of Industry and It', 'ministry', span(30, 57));
    expect(drafted.existing).toBe(false);
    const person = book.addPerson('Miao Wei', span(0, 8));
    const linked = addRole(book, person, role('Minister of Industry and It', 'former', 'Ministry of Industry and It'));
    expect(linked).toMatchObject({ id: 'miao-minister', known: true, organizationId: 'miit' });
    expect(book.organizations.map((o) => o.id)).toEqual(['miit']);
    expect(book.findOrganization('Ministry of Industry and IT')?.id).toBe('miit');
  });

  it('adds no role to a shared person that the shared file lacks, and asks the reviewer to', () => {
    const book = new EntityBook([MIAO]);
    const person = book.addPerson('Miao Wei', span(0, 8));
    expect(addRole(book, person, role('Chief adviser', 'current', 'Volt Dynamics'))).toBeUndefined();
    expect(person.roles).toEqual([]);
    expect(person.review.join()).toMatch(/not among the shared roles/);
  });

  it('proposes a new person once however often the text names them', () => {
    const book = new EntityBook([MIAO]);
    book.addPerson('Anna Berg', span(0, 9));
    book.addPerson('Anna Berg', span(40, 49));
    expect(book.people).toHaveLength(1);
    expect(book.people[0]?.spans).toHaveLength(2);
    expect(book.people[0]?.existing).toBe(false);
  });
});

describe('linking topics', () => {
  it('refers a cause or effect to the known topic of that name, once', () => {
    const known: KnownEntity[] = [
      { kind: 'topic', id: 'charging-infrastructure', name: 'Charging infrastructure', aliases: [], declaration: {} },
    ];
    const book = new EntityBook(known);
    const topics: TopicDraft[] = [];
    const result = causesAndEffects('Charging infrastructure leads to more sales', undefined, topics, book);
    expect(result?.causes).toEqual([
      { id: 'charging-infrastructure', name: 'Charging infrastructure', existing: true },
    ]);
    causesAndEffects('More sales lead to charging infrastructure', undefined, topics, book);
    expect(topics.filter((t) => t.id === 'charging-infrastructure')).toHaveLength(1);
    expect(findKnown(known, 'place', 'Charging infrastructure')).toBeUndefined();
  });
});

describe('the known entities the CLI and the evaluator read', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'known-entities-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads the seed entity files as shared, and the seed annotations too', async () => {
    const { known, takenIds } = await knownFromDirectory(SEED);
    expect(known.find((k) => k.id === 'china')).toMatchObject({ kind: 'place', shared: true });
    expect(known.find((k) => k.id === 'nev-sales')).toMatchObject({ kind: 'metric', unit: 'vehicles', shared: true });
    expect(known.find((k) => k.id === 'nev-industry')).toMatchObject({ kind: 'topic', shared: true });
    // A topic declared only in the seed article is known, but not shared: a draft declares it again.
    expect(known.find((k) => k.id === 'software')).toMatchObject({ kind: 'topic' });
    expect(known.find((k) => k.id === 'software')?.shared).toBeUndefined();
    expect(takenIds).toEqual(expect.arrayContaining(['miao-wei-minister-miit', 'cgtn-ai-host-ainia']));
  });

  it('skips an invalid file and leaves out the excluded annotation', async () => {
    const entities = path.join(directory, 'entities');
    const annotations = path.join(directory, 'annotations');
    await mkdir(entities);
    await mkdir(annotations);
    await writeFile(path.join(entities, 'a.yaml'), 'places:\n  - { id: oslo, name: Oslo, kind: city }\n');
    await writeFile(path.join(entities, 'b.yaml'), 'places: [ {broken');
    const { known } = await knownFromFiles({
      entitiesDirectory: entities,
      annotationDirectories: [annotations, path.join(directory, 'missing')],
      exclude: path.join(annotations, 'x.yaml'),
    });
    expect(known.map((k) => k.id)).toEqual(['oslo']);
  });

  it('drafts a text about shared entities that refers to them by id and passes dry-run ingestion', async () => {
    const text =
      'SHANGHAI -- Miao Wei, former minister of industry and information technology, said China sold more NEVs.\n\n' +
      'China\'s NEV sales reached 9.5 million vehicles last year, CGTN reported. "Software defines cars," Miao said.\n';
    const meta = {
      file: 'n.txt',
      title: 'NEV makers',
      publisher: 'CGTN',
      url: 'https://example.org/n',
      publishedDate: '2024-04-02',
      language: 'en',
    };
    // Its own folder: an entities/ folder beside the draft would be the one ingestion reads.
    const folder = path.join(directory, 'draft');
    await mkdir(folder);
    await writeFile(path.join(folder, 'n.txt'), text);
    await writeFile(path.join(folder, 'n.meta.json'), JSON.stringify(meta));
    const result = draftAnnotation({
      name: 'n.txt',
      text,
      meta,
      textFile: 'n.txt',
      metaFile: 'n.meta.json',
      ...(await knownFromDirectory(SEED)),
    });
    const annotation = parse(result.yaml) as Record<string, { id: string; speaker?: string }[]>;
    const declared = ['places', 'organizations', 'people', 'metrics'].flatMap((s) =>
      (annotation[s] ?? []).map((e) => e.id),
    );
    expect(declared).not.toEqual(expect.arrayContaining(['china']));
    expect(declared).not.toContain('cgtn');
    expect(declared).not.toContain('miao-wei');
    expect(annotation.claims?.map((c) => c.speaker)).toContain('miao-wei');
    await writeFile(path.join(folder, 'n.yaml'), result.yaml);
    const { graph } = await readAnnotation(path.join(folder, 'n.yaml'));
    expect(graph.people.map((p) => p.key)).toContain('miao-wei');
  });
});
