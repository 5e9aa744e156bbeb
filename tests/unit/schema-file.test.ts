import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { emitSchemaDefinitionFile } from 'type-graphql';

import { createSchema, SCHEMA_FILE } from '../../src/schema';

/**
 * schema/schema.graphql is what clients and reviewers read. It is written by `npm run schema`
 * (createSchema with emitSchemaFile), so this test prints the schema the code builds through the
 * very same type-graphql function, into a temporary file, and compares it byte for byte.
 */
describe('the committed schema file', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'schema-file-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('is what the code generates (run `npm run schema` when this fails)', async () => {
    const generatedFile = path.join(directory, 'schema.graphql');
    // The options createSchema passes when it emits the file: declaration order, not sorted.
    await emitSchemaDefinitionFile(generatedFile, await createSchema(), { sortedSchema: false });
    const [generated, committed] = await Promise.all([readFile(generatedFile, 'utf8'), readFile(SCHEMA_FILE, 'utf8')]);

    if (generated !== committed) {
      const generatedLines = generated.split('\n');
      const committedLines = committed.split('\n');
      const line = generatedLines.findIndex((text, index) => text !== committedLines[index]);
      const at = line === -1 ? Math.min(generatedLines.length, committedLines.length) : line;
      throw new Error(
        `schema/schema.graphql is stale: run \`npm run schema\` and commit the result.\n` +
          `First difference at line ${at + 1}:\n` +
          `  committed: ${JSON.stringify(committedLines[at] ?? '<end of file>')}\n` +
          `  generated: ${JSON.stringify(generatedLines[at] ?? '<end of file>')}`,
      );
    }
    expect(generated).toBe(committed);
  });

  it('declares the operations clients rely on', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    for (const field of ['claims(', 'claim(', 'node(', 'search(', 'sources(', 'people(', 'metrics(', 'topics:']) {
      expect(committed).toContain(`  ${field}`);
    }
    expect(committed).toMatch(/^type Query \{$/m);
  });
});
