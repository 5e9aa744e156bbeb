import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ingestFile } from '../../src/ingest/ingest';
import { AnnotationError } from '../../src/ingest/issues';
import { MAX_ANNOTATION_BYTES } from '../../src/ingest/read-annotation';
import {
  createBuilders,
  positionOf,
  replaceLine,
  tempDir,
  writeFixture,
  type AnnotationInput,
  type ClaimInput,
} from '../support/annotation-builders';
import { deleteTestNodes, graphCounts, openTestDatabase, type TestDatabase } from '../support/neo4j';

const PREFIX = 'test-errors';
const { ids, claim, directQuote, figure, minimalAnnotation } = createBuilders(PREFIX);

interface BadCase {
  name: string;
  /** Writes the bad annotation into `directory` and returns it with the error line it must produce. */
  write(directory: string): Promise<{ file: string; expected: string }>;
}

/**
 * A bad annotation whose problem is at `needle` (the first one after the markers `after`):
 * the error must read "file:line:col: path: message".
 */
function badAnnotation(
  name: string,
  annotation: AnnotationInput,
  needle: string,
  problem: string,
  after?: string[] | string,
): BadCase {
  return {
    name,
    async write(directory) {
      const { file, content } = await writeFixture(directory, { annotation });
      const { line, column } = positionOf(content, needle, after);
      return { file, expected: `${file}:${line}:${column}: ${problem}` };
    },
  };
}

/** A valid annotation whose YAML text `edit` spoils; `expected` builds the error from file and content. */
function badYaml(
  name: string,
  edit: (yaml: string) => string,
  expected: (file: string, content: string) => string,
): BadCase {
  return {
    name,
    async write(directory) {
      const { file, content } = await writeFixture(directory, { annotation: minimalAnnotation() });
      const edited = edit(content);
      await writeFile(file, edited, 'utf8');
      return { file, expected: expected(file, edited) };
    },
  };
}

const at = (file: string, content: string, needle: string) => {
  const { line, column } = positionOf(content, needle);
  return `${file}:${line}:${column}:`;
};

const { text: _text, ...claimWithoutText } = claim();

const CASES: BadCase[] = [
  badAnnotation(
    'quote not found',
    minimalAnnotation({ claims: [claim({ quote: 'Widgets are the past' })] }),
    'Widgets are the past',
    'claims[0].quote: quote not found in the source text',
  ),
  badAnnotation(
    'ambiguous quote',
    minimalAnnotation({ claims: [claim({ quote: 'Testland' })] }),
    'Testland',
    'claims[0].quote: quote is ambiguous: it occurs 2 times; add "occurrence" (1 to 2)',
    ['claims:', 'quote:'],
  ),
  badAnnotation(
    'quote outside the body',
    minimalAnnotation({ claims: [claim({ quote: 'Accept all cookies' })] }),
    'Accept all cookies',
    'claims[0].quote: quote lies outside the article body (page boilerplate cannot be quoted)',
  ),
  badAnnotation(
    'unknown id reference',
    minimalAnnotation({ claims: [claim(), directQuote({ speaker: `${PREFIX}-nobody`, role: undefined })] }),
    `${PREFIX}-nobody`,
    `claims[1].speaker: unknown id "${PREFIX}-nobody": no person or organization or virtual presenter has it`,
  ),
  badAnnotation(
    'wrong reference kind',
    minimalAnnotation({ claims: [claim({ metrics: [ids.widgets] })] }),
    ids.widgets,
    `claims[0].metrics[0]: "${ids.widgets}" is a topic, but a metric is required here`,
    'claims:',
  ),
  badAnnotation(
    'duplicate id',
    minimalAnnotation({
      topics: [
        { id: ids.widgets, name: 'Widgets' },
        { id: ids.land, name: 'Testland' },
      ],
    }),
    ids.land,
    `topics[1].id: duplicate id "${ids.land}" (already used by a place)`,
    'topics:',
  ),
  badAnnotation(
    'unit mismatch with the metric',
    minimalAnnotation({ figures: [figure({ unit: 'units' })] }),
    'units',
    `figures[0].unit: unit "units" differs from the unit of metric "${ids.share}" ("percent")`,
    'figures:',
  ),
  badAnnotation(
    'bad number',
    minimalAnnotation({ figures: [figure({ value: 'abc' as unknown as number })] }),
    'abc',
    'figures[0].value: Invalid input: expected number, received string',
  ),
  badAnnotation(
    'bad date',
    minimalAnnotation({ figures: [figure({ period: '2023-02-30' })] }),
    '2023-02-30',
    'figures[0].period: bad period or date "2023-02-30"; write "2023", "2024-03-19", "end of 2023", "last year", "this year", "next year", "end of last year" or "end of this year"',
  ),
  badAnnotation(
    'bad period',
    minimalAnnotation({ figures: [figure({ period: 'sometime' })] }),
    'sometime',
    'figures[0].period: bad period or date "sometime"; write "2023", "2024-03-19", "end of 2023", "last year", "this year", "next year", "end of last year" or "end of this year"',
  ),
  badAnnotation(
    'missing required field',
    minimalAnnotation({ claims: [claimWithoutText as ClaimInput] }),
    'id: share-exceeded-31',
    'claims[0].text: missing required field',
  ),
  badYaml(
    'NaN',
    (yaml) => replaceLine(yaml, 'value: 31', 'value: .nan'),
    (file, content) => `${at(file, content, '.nan')} figures[0].value: Invalid input: expected number, received NaN`,
  ),
  badYaml(
    'duplicate keys',
    (yaml) => replaceLine(yaml, 'value: 31', 'value: 31', 'value: 310'),
    (file, content) => `${at(file, content, 'value: 310')} Map keys must be unique`,
  ),
  badYaml(
    'unknown tag !!js/function',
    (yaml) => replaceLine(yaml, 'value: 31', 'value: !!js/function "function () { return 31 }"'),
    (file, content) => `${at(file, content, '!!js/function')} Unresolved tag: tag:yaml.org,2002:js/function`,
  ),
  badYaml(
    'custom tag',
    (yaml) => replaceLine(yaml, 'value: 31', 'value: !env WIDGET_SHARE'),
    (file, content) => `${at(file, content, '!env')} Unresolved tag: !env`,
  ),
  badYaml(
    'YAML alias bomb',
    (yaml) =>
      [
        'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        yaml,
      ].join('\n'),
    (file) => `${file}: the YAML cannot be expanded: Excessive alias count indicates a resource exhaustion attack`,
  ),
  badYaml(
    'empty file',
    () => '',
    (file) => `${file}: the file is empty`,
  ),
  {
    name: 'not UTF-8',
    async write(directory) {
      const { file, content } = await writeFixture(directory, { annotation: minimalAnnotation() });
      const lines = content.split('\n');
      lines[4] = `${lines[4]} # caf\xe9`;
      await writeFile(file, Buffer.from(lines.join('\n'), 'latin1'));
      return { file, expected: `${file}:5: the file is not valid UTF-8` };
    },
  },
  {
    name: 'oversize file',
    async write(directory) {
      const { file, content } = await writeFixture(directory, { annotation: minimalAnnotation() });
      const padding = `# ${'x'.repeat(MAX_ANNOTATION_BYTES)}\n`;
      await writeFile(file, padding + content, 'utf8');
      const size = Buffer.byteLength(padding + content);
      return { file, expected: `${file}: the file has ${size} bytes; at most ${MAX_ANNOTATION_BYTES} are accepted` };
    },
  },
];

describe('ingesting a bad annotation', () => {
  let db: TestDatabase;
  let directory: string;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  beforeEach(async () => {
    directory = await tempDir();
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  afterAll(async () => {
    await deleteTestNodes(db.driver, PREFIX);
    await db.close();
  });

  async function sourceExists(): Promise<boolean> {
    const { records } = await db.driver.executeQuery('MATCH (s:Source {id: $id}) RETURN s', { id: ids.source });
    return records.length > 0;
  }

  it('is checked against a valid annotation that does change the graph', async () => {
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
    const before = await graphCounts(db.driver);
    await ingestFile(db.executor, file);
    expect(await graphCounts(db.driver)).not.toEqual(before);
    expect(await sourceExists()).toBe(true);
    await deleteTestNodes(db.driver, PREFIX);
    expect(await graphCounts(db.driver)).toEqual(before);
  });

  it.each(CASES.map((badCase) => [badCase.name, badCase] as const))(
    '%s: a clear error naming file, line, path and problem; the graph is unchanged',
    async (_name, badCase) => {
      const { file, expected } = await badCase.write(directory);
      const before = await graphCounts(db.driver);
      const error: unknown = await ingestFile(db.executor, file).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AnnotationError);
      expect((error as AnnotationError).message).toBe(expected);
      expect(await graphCounts(db.driver)).toEqual(before);
      expect(await sourceExists()).toBe(false);
    },
  );

  it('leaves an ingested source as it was when its changed annotation is bad', async () => {
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
    await ingestFile(db.executor, file);
    const before = await graphCounts(db.driver);
    const broken = minimalAnnotation({
      claims: [claim({ text: 'Changed text.' }), directQuote({ quote: 'Widgets are the past' })],
    });
    await writeFixture(directory, { annotation: broken });
    await expect(ingestFile(db.executor, file)).rejects.toThrow(/claims\[1\]\.quote: quote not found/);
    expect(await graphCounts(db.driver)).toEqual(before);
    const { records } = await db.driver.executeQuery('MATCH (c:Claim {id: $id}) RETURN c.text AS text', {
      id: `${ids.source}/share-exceeded-31`,
    });
    expect(records.map((record) => record.get('text'))).toEqual([claim().text]);
    await deleteTestNodes(db.driver, PREFIX);
  });

  it('rejects a source text file that is not UTF-8, naming it', async () => {
    const { file } = await writeFixture(directory, { annotation: minimalAnnotation() });
    const textFile = path.join(directory, 'minimal.txt');
    await writeFile(textFile, Buffer.from('Widget sales in Testland caf\xe9', 'latin1'));
    const before = await graphCounts(db.driver);
    await expect(ingestFile(db.executor, file)).rejects.toThrow(`${textFile}:1: the file is not valid UTF-8`);
    expect(await graphCounts(db.driver)).toEqual(before);
  });
});
