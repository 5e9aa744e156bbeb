import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { AnnotationError } from '../../src/ingest/issues';
import { MAX_ANNOTATION_BYTES } from '../../src/ingest/read-annotation';
import { loadAnnotation } from '../../src/ingest/ingest';
import {
  createBuilders,
  minimalMeta,
  positionOf,
  replaceLine,
  tempDir,
  writeFixture,
  type AnnotationInput,
  type ClaimInput,
} from '../support/annotation-builders';

const { ids, claim, directQuote, figure, minimalAnnotation } = createBuilders('test-unit');

let directory: string;
beforeEach(async () => {
  directory = await tempDir();
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The message of the AnnotationError that reading `file` throws. */
async function errorOf(file: string): Promise<string> {
  const error: unknown = await loadAnnotation(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AnnotationError)) throw new Error(`expected an AnnotationError, got ${String(error)}`);
  return error.message;
}

/** Writes `annotation` as YAML, lets `edit` change the text, and returns the file and its content. */
async function fixture(annotation: AnnotationInput, edit: (content: string) => string = (content) => content) {
  const { file, content } = await writeFixture(directory, { annotation });
  const edited = edit(content);
  await writeFile(file, edited, 'utf8');
  return { file, content: edited };
}

const at = (file: string, content: string, needle: string) => {
  const { line, column } = positionOf(content, needle);
  return `${file}:${line}:${column}:`;
};

describe('loadAnnotation: valid files', () => {
  it('reads a valid YAML annotation with its text and meta', async () => {
    const { file } = await fixture(minimalAnnotation());
    const loaded = await loadAnnotation(file);
    expect(loaded.graph.source.key).toBe(ids.source);
    expect(loaded.graph.claims).toHaveLength(2);
    expect(loaded.meta.publishedDate).toBe('2024-03-19');
  });

  it('reads JSON, which is YAML too', async () => {
    const annotation = minimalAnnotation();
    const { file } = await fixture(annotation, () => JSON.stringify(annotation, null, 2));
    expect((await loadAnnotation(file)).graph.claims).toHaveLength(2);
  });

  it('accepts a few YAML aliases', async () => {
    const topics = [ids.widgets, ids.exports];
    const { file, content } = await fixture(
      minimalAnnotation({ claims: [claim({ topics }), directQuote({ topics })] }),
    );
    expect(content).toMatch(/topics: \*\w+/);
    expect((await loadAnnotation(file)).graph.claims[1]?.topicKeys).toEqual(topics);
  });
});

describe('loadAnnotation: values, with file, line, column and path', () => {
  it('reports an external identifier that is not an http(s) URL', async () => {
    const annotation = minimalAnnotation();
    const people = (annotation.people ?? []).map((person) => ({ ...person, sameAs: ['wikidata:Q1'] }));
    const { file, content } = await fixture({ ...annotation, people });
    expect(await errorOf(file)).toBe(`${at(file, content, 'wikidata:Q1')} people[0].sameAs[0]: must be an http(s) URL`);
  });

  it('reports a number written as text', async () => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      replaceLine(yaml, 'value: 31', 'value: abc'),
    );
    expect(await errorOf(file)).toBe(
      `${at(file, content, 'abc')} figures[0].value: Invalid input: expected number, received string`,
    );
  });

  it.each([
    ['.nan', 'NaN'],
    ['.inf', 'Infinity'],
  ])('reports the non-finite number %s', async (value, received) => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      replaceLine(yaml, 'value: 31', `value: ${value}`),
    );
    expect(await errorOf(file)).toBe(
      `${at(file, content, value)} figures[0].value: Invalid input: expected number, received ${received}`,
    );
  });

  it('reports an impossible date', async () => {
    const people = [
      {
        id: ids.ann,
        name: 'Ann',
        roles: [
          {
            id: ids.annMinister,
            title: 'Minister',
            organization: ids.ministry,
            status: 'current' as const,
            from: '2023-02-30',
          },
        ],
      },
    ];
    const { file, content } = await fixture(minimalAnnotation({ people }));
    expect(await errorOf(file)).toBe(`${at(file, content, '2023-02-30')} people[0].roles[0].from: Invalid ISO date`);
  });

  it('reports a bad period at its line', async () => {
    const { file, content } = await fixture(minimalAnnotation({ figures: [figure({ period: 'sometime' })] }));
    expect(await errorOf(file)).toMatch(
      new RegExp(
        `^${escape(at(file, content, 'sometime'))} figures\\[0\\]\\.period: bad period or date "sometime"; write `,
      ),
    );
  });

  it('reports a missing required field at the entry that lacks it', async () => {
    const { text: _text, ...withoutText } = claim();
    const { file, content } = await fixture(minimalAnnotation({ claims: [withoutText as ClaimInput] }));
    expect(await errorOf(file)).toBe(
      `${at(file, content, 'id: share-exceeded-31')} claims[0].text: missing required field`,
    );
  });

  it('reports an unknown field', async () => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      replaceLine(yaml, 'value: 31', 'value: 31', 'valeu: 3'),
    );
    expect(await errorOf(file)).toBe(`${at(file, content, 'id: share-2023')} figures[0]: Unrecognized key: "valeu"`);
  });

  it('reports a quote problem at the line of the quote', async () => {
    const { file, content } = await fixture(minimalAnnotation({ claims: [claim({ quote: 'Widgets are the past' })] }));
    expect(await errorOf(file)).toBe(
      `${at(file, content, 'Widgets are the past')} claims[0].quote: quote not found in the source text`,
    );
  });

  it('lists every problem, one per line', async () => {
    const { file, content } = await fixture(
      minimalAnnotation({
        claims: [claim({ quote: 'not there' }), directQuote({ speaker: 'nobody', role: undefined })],
      }),
    );
    expect((await errorOf(file)).split('\n')).toEqual([
      `${at(file, content, 'not there')} claims[0].quote: quote not found in the source text`,
      `${at(file, content, 'nobody')} claims[1].speaker: unknown id "nobody": no person or organization or virtual presenter has it`,
    ]);
  });
});

describe('loadAnnotation: YAML that is refused before validation', () => {
  it('refuses duplicate keys', async () => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      replaceLine(yaml, 'value: 31', 'value: 31', 'value: 32'),
    );
    expect(await errorOf(file)).toBe(`${at(file, content, 'value: 32')} Map keys must be unique`);
  });

  it.each([
    ['!!js/function "function () {}"', '!!js/function', 'tag:yaml.org,2002:js/function'],
    ['!include other.yaml', '!include', '!include'],
  ])('refuses the unknown tag in "value: %s"', async (value, needle, tag) => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      replaceLine(yaml, 'value: 31', `value: ${value}`),
    );
    expect(await errorOf(file)).toBe(`${at(file, content, needle)} Unresolved tag: ${tag}`);
  });

  it('refuses a "billion laughs" alias bomb without expanding it', async () => {
    const bomb = [
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    const { file } = await fixture(minimalAnnotation(), (yaml) => `${bomb}\n${yaml}`);
    expect(await errorOf(file)).toBe(
      `${file}: the YAML cannot be expanded: Excessive alias count indicates a resource exhaustion attack`,
    );
  });
});

describe('loadAnnotation: files', () => {
  it('names the first line that is not UTF-8', async () => {
    const { file } = await fixture(minimalAnnotation());
    const latin1 = Buffer.concat([
      Buffer.from('# ok\n# still ok\n# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nsource: {}\n'),
    ]);
    await writeFile(file, latin1);
    expect(await errorOf(file)).toBe(`${file}:3: the file is not valid UTF-8`);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\n\t\n'],
  ])('refuses a file that is %s', async (_kind, content) => {
    const { file } = await fixture(minimalAnnotation(), () => content);
    expect(await errorOf(file)).toBe(`${file}: the file is empty`);
  });

  it('accepts a file of exactly MAX_ANNOTATION_BYTES and refuses one byte more', async () => {
    const { file, content } = await fixture(minimalAnnotation());
    const padding = (bytes: number) => `# ${'x'.repeat(bytes - Buffer.byteLength(content) - 3)}\n`;
    await writeFile(file, `${padding(MAX_ANNOTATION_BYTES)}${content}`);
    expect((await loadAnnotation(file)).graph.claims).toHaveLength(2);

    await writeFile(file, `${padding(MAX_ANNOTATION_BYTES + 1)}${content}`);
    expect(await errorOf(file)).toBe(
      `${file}: the file has ${MAX_ANNOTATION_BYTES + 1} bytes; at most ${MAX_ANNOTATION_BYTES} are accepted`,
    );
  });

  it('names a missing text file', async () => {
    const { file } = await fixture(minimalAnnotation());
    await rm(path.join(directory, 'minimal.txt'));
    expect(await errorOf(file)).toBe(`${path.join(directory, 'minimal.txt')}: file not found or not readable`);
  });

  it('names a source text that is not UTF-8', async () => {
    const { file } = await fixture(minimalAnnotation());
    await writeFile(path.join(directory, 'minimal.txt'), Buffer.from('Caf\xe9 au lait\n', 'latin1'));
    expect(await errorOf(file)).toBe(`${path.join(directory, 'minimal.txt')}:1: the file is not valid UTF-8`);
  });

  it('names the meta file, line and field of an invalid meta value', async () => {
    const { file } = await writeFixture(directory, {
      annotation: minimalAnnotation(),
      meta: minimalMeta({ publishedDate: '2024-02-30' }),
    });
    const metaFile = path.join(directory, 'minimal.meta.json');
    const metaContent = JSON.stringify(minimalMeta({ publishedDate: '2024-02-30' }), null, 2);
    expect(await errorOf(file)).toBe(`${at(metaFile, metaContent, '"2024-02-30"')} publishedDate: Invalid ISO date`);
  });

  it('checks the language tag by the rule addSource applies too', async () => {
    const meta = minimalMeta({ language: 'English' });
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation(), meta });
    const metaFile = path.join(directory, 'minimal.meta.json');
    expect(await errorOf(file)).toBe(
      `${at(metaFile, JSON.stringify(meta, null, 2), '"English"')} language: must be a BCP 47 language tag such as "en"`,
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('loadAnnotation: the files an annotation names', () => {
  it.each([
    ['an absolute path', '/etc/hostname'],
    ['a path out of its folder', '../outside.txt'],
  ])('refuses %s as the source text, naming the field', async (_case, textFile) => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) =>
      yaml.replace(/textFile: .*/, `textFile: ${textFile}`),
    );
    expect(await errorOf(file)).toBe(
      `${at(file, content, textFile)} source.textFile: must be a path relative to the annotation file, inside its folder`,
    );
  });
});

describe('loadAnnotation: the words that anchor the body and quotes are never empty', () => {
  // An empty phrase would match everywhere (and an empty needle never ends a search): the schema
  // refuses it, after trimming, before anything is anchored.
  it.each([
    ['body.start', 'start: Widget sales in Testland', 'start: "   "', 'source.body.start'],
    ['body.end', 'end: to 1,200 units.', 'end: ""', 'source.body.end'],
    ['claim quote', 'quote: Widgets are the future', 'quote: ""', 'claims[1].quote'],
    ['figure quote', 'quote: exceeded 31 percent of all sales in 2023', 'quote: " "', 'figures[0].quote'],
  ])('refuses an empty %s with file, line, column and path', async (_what, line, replacement, issuePath) => {
    const { file, content } = await fixture(minimalAnnotation(), (yaml) => replaceLine(yaml, line, replacement));
    const value = replacement.slice(replacement.indexOf('"'));
    expect(await errorOf(file)).toBe(`${at(file, content, value)} ${issuePath}: must not be empty`);
  });
});
