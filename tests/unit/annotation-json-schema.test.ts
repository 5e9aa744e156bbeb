import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// ajv is not a dependency of this project: it is the JSON Schema validator eslint installs (ajv 6,
// draft-07). If it ever disappears from node_modules, add it to devDependencies.
import Ajv from 'ajv';
import { parse } from 'yaml';

import {
  ANNOTATION_SCHEMA_FILE,
  ENTITIES_SCHEMA_FILE,
  annotationJsonSchema,
  entitiesJsonSchema,
} from '../../src/emit-annotation-schema';
import { SEED_DIRECTORY } from '../../src/ingest/ingest';

/**
 * schema/annotation.schema.json is what editors validate annotation files with. It is generated
 * from the zod schema by `npm run schema:annotation`; this test regenerates it in memory and
 * compares it with the committed file (as data: formatting is prettier's business).
 */

const SEED_FILE = path.join(SEED_DIRECTORY, 'cgtn-tech-talk-nev-software-charging.yaml');

const ENTITIES_DIRECTORY = path.join(SEED_DIRECTORY, 'entities');

async function committedSchema(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

/** The schema file a YAML file names on its first line for editors, resolved. */
async function schemaNamedBy(file: string): Promise<string | undefined> {
  const [firstLine] = (await readFile(file, 'utf8')).split('\n');
  const named = /^# yaml-language-server: \$schema=(.+)$/.exec(firstLine ?? '')?.[1];
  return named === undefined ? undefined : path.resolve(path.dirname(file), named);
}

async function entityFiles(): Promise<string[]> {
  return (await readdir(ENTITIES_DIRECTORY))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(ENTITIES_DIRECTORY, name));
}

function expectCommittedToBeGenerated(file: string, committed: unknown, generated: unknown): void {
  const diff = differences(committed, generated);
  if (diff.length > 0) {
    throw new Error(
      `${path.relative(process.cwd(), file)} is stale: run \`npm run schema:annotation\` and commit the result.\n` +
        diff
          .slice(0, 10)
          .map((line) => `  ${line}`)
          .join('\n'),
    );
  }
  expect(committed).toEqual(generated);
}

/** Paths (a.b[0].c) where two JSON values differ, for a readable failure. */
function differences(committed: unknown, generated: unknown, at = ''): string[] {
  if (JSON.stringify(committed) === JSON.stringify(generated)) return [];
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject(committed) && isObject(generated)) {
    const keys = [...new Set([...Object.keys(committed), ...Object.keys(generated)])];
    return keys.flatMap((key) => differences(committed[key], generated[key], at ? `${at}.${key}` : key));
  }
  return [`${at || '(root)'}: committed ${JSON.stringify(committed)}, generated ${JSON.stringify(generated)}`];
}

describe('the committed annotation JSON Schema', () => {
  it('is what the zod schema generates (run `npm run schema:annotation` when this fails)', async () => {
    expectCommittedToBeGenerated(
      ANNOTATION_SCHEMA_FILE,
      await committedSchema(ANNOTATION_SCHEMA_FILE),
      annotationJsonSchema(),
    );
  });

  it('is the one the seed annotation names for editors', async () => {
    expect(await schemaNamedBy(SEED_FILE)).toBe(ANNOTATION_SCHEMA_FILE);
  });

  describe('validating with a JSON Schema validator', () => {
    const validate = new Ajv({ allErrors: true }).compile(annotationJsonSchema());

    it('accepts the seed annotation', async () => {
      const seed: unknown = parse(await readFile(SEED_FILE, 'utf8'));
      const valid = validate(seed);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it('rejects what the zod schema rejects: unknown fields, bad enum values, missing fields, bad slugs', async () => {
      const seed = parse(await readFile(SEED_FILE, 'utf8')) as { claims: Record<string, unknown>[] };
      const [first] = seed.claims;
      seed.claims[0] = { ...first, kind: 'rumour', confidence: 'high', id: 'Not A Slug', speaker: undefined };
      delete seed.claims[0].speaker;

      expect(validate(seed)).toBe(false);
      const problems = (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message}`);
      expect(problems).toEqual(
        expect.arrayContaining([
          ".claims[0] should have required property 'speaker'",
          '.claims[0] should NOT have additional properties',
          '.claims[0].id should match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"',
          '.claims[0].kind should be equal to one of the allowed values',
        ]),
      );
    });
  });
});

describe('the committed shared-entities JSON Schema', () => {
  it('is what the zod schema generates (run `npm run schema:annotation` when this fails)', async () => {
    expectCommittedToBeGenerated(
      ENTITIES_SCHEMA_FILE,
      await committedSchema(ENTITIES_SCHEMA_FILE),
      entitiesJsonSchema(),
    );
  });

  it('is named by, and accepts, every file of seed/entities/', async () => {
    const validate = new Ajv({ allErrors: true }).compile(entitiesJsonSchema());
    const files = await entityFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(await schemaNamedBy(file)).toBe(ENTITIES_SCHEMA_FILE);
      const valid = validate(parse(await readFile(file, 'utf8')));
      expect({ file, errors: validate.errors ?? [] }).toEqual({ file, errors: [] });
      expect(valid).toBe(true);
    }
  });

  it('rejects an annotation section in an entities file, and an entity without its fields', () => {
    const validate = new Ajv({ allErrors: true }).compile(entitiesJsonSchema());
    expect(validate({ claims: [], organizations: [{ id: 'caam' }] })).toBe(false);
    const problems = (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        ' should NOT have additional properties',
        ".organizations[0] should have required property 'name'",
      ]),
    );
  });
});
