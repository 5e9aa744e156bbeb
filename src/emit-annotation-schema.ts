import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { annotationSchema, entitiesSchema } from './ingest/annotation.schema';

/**
 * `npm run schema:annotation`: writes the JSON Schemas of the two file formats for editors (YAML
 * files point at theirs with a `# yaml-language-server: $schema=` comment):
 * - schema/annotation.schema.json for an annotation (one source);
 * - schema/entities.schema.json for a file of shared entities (seed/entities/*.yaml).
 * Both are generated from the zod schemas, the single definition of the formats;
 * tests/unit/annotation-json-schema.test.ts fails while a committed file differs from it.
 *
 * A JSON Schema checks the shape of a file only: ids that resolve, quotes that occur in the
 * text, periods and units are checked by `npm run ingest -- FILE --dry-run` (compile.ts).
 */

const SCHEMA_DIRECTORY = path.resolve(__dirname, '..', 'schema');
export const ANNOTATION_SCHEMA_FILE = path.join(SCHEMA_DIRECTORY, 'annotation.schema.json');
export const ENTITIES_SCHEMA_FILE = path.join(SCHEMA_DIRECTORY, 'entities.schema.json');

interface EmittedSchema {
  file: string;
  schema: z.ZodType;
  id: string;
  title: string;
  description: string;
}

const EMITTED: EmittedSchema[] = [
  {
    file: ANNOTATION_SCHEMA_FILE,
    schema: annotationSchema,
    id: 'urn:news-claims-graph:schema:annotation',
    title: 'News claims annotation',
    description:
      'One annotation file per source: the entities, figures, targets, projections and claims of one ' +
      'article, with every quote copied from its raw text. Generated from src/ingest/annotation.schema.ts ' +
      'by `npm run schema:annotation`; do not edit. Cross-references, quotes, periods and units are ' +
      'checked by `npm run ingest -- FILE --dry-run`. See docs/annotation-format.md.',
  },
  {
    file: ENTITIES_SCHEMA_FILE,
    schema: entitiesSchema,
    id: 'urn:news-claims-graph:schema:entities',
    title: 'News claims shared entities',
    description:
      'A file of shared entities (places, organisations, people, virtual presenters, topics, metrics), ' +
      'declared once and referred to by id from every annotation. Generated from ' +
      'src/ingest/annotation.schema.ts by `npm run schema:annotation`; do not edit. Conflicting ' +
      'declarations across files are refused by ingestion. See docs/annotation-format.md, "Shared entities".',
  },
];

function jsonSchemaOf({ schema, id, title, description }: EmittedSchema): Record<string, unknown> {
  // draft-07 rather than zod's default 2020-12: the draft editors' YAML and JSON language servers
  // support best. For these schemas the output is otherwise identical. Input mode, so fields with
  // defaults are optional.
  const { $schema, ...generated } = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });
  return { $schema, $id: id, title, description, ...generated };
}

/** The annotation schema as a plain object. */
export const annotationJsonSchema = (): Record<string, unknown> => jsonSchemaOf(EMITTED[0] as EmittedSchema);

/** The shared-entities schema as a plain object. */
export const entitiesJsonSchema = (): Record<string, unknown> => jsonSchemaOf(EMITTED[1] as EmittedSchema);

/** A schema file's text, formatted as `prettier --check` expects (prettier is a dev dependency). */
async function render(emitted: EmittedSchema): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(emitted.file)) ?? {};
  return prettier.format(JSON.stringify(jsonSchemaOf(emitted), null, 2), { ...options, filepath: emitted.file });
}

async function writeAll(): Promise<void> {
  for (const emitted of EMITTED) {
    await writeFile(emitted.file, await render(emitted));
    console.log(`wrote ${path.relative(process.cwd(), emitted.file)}`);
  }
}

if (require.main === module) {
  writeAll().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
