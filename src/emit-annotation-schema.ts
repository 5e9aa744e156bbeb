import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { annotationSchema } from './ingest/annotation.schema';

/**
 * `npm run schema:annotation`: writes schema/annotation.schema.json, a JSON Schema of the
 * annotation format for editors (YAML files point at it with a `# yaml-language-server: $schema=`
 * comment). It is generated from the zod schema, the single definition of the format;
 * tests/unit/annotation-json-schema.test.ts fails while the committed file differs from it.
 *
 * The JSON Schema checks the shape of a file only: ids that resolve, quotes that occur in the
 * text, periods and units are checked by `npm run ingest -- FILE --dry-run` (compile.ts).
 */

export const ANNOTATION_SCHEMA_FILE = path.resolve(__dirname, '..', 'schema', 'annotation.schema.json');

/** The schema as a plain object: input mode, so fields with defaults are optional. */
export function annotationJsonSchema(): Record<string, unknown> {
  // draft-07 rather than zod's default 2020-12: the draft editors' YAML and JSON language servers
  // support best. For this schema the output is otherwise identical.
  const { $schema, ...generated } = z.toJSONSchema(annotationSchema, { io: 'input', target: 'draft-7' });
  return {
    $schema,
    $id: 'urn:news-claims-graph:schema:annotation',
    title: 'News claims annotation',
    description:
      'One annotation file per source: the entities, figures, targets, projections and claims of one ' +
      'article, with every quote copied from its raw text. Generated from src/ingest/annotation.schema.ts ' +
      'by `npm run schema:annotation`; do not edit. Cross-references, quotes, periods and units are ' +
      'checked by `npm run ingest -- FILE --dry-run`. See docs/annotation-format.md.',
    ...generated,
  };
}

/** The file's text, formatted as `prettier --check` expects (prettier is a dev dependency). */
export async function renderAnnotationJsonSchema(): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(ANNOTATION_SCHEMA_FILE)) ?? {};
  return prettier.format(JSON.stringify(annotationJsonSchema(), null, 2), {
    ...options,
    filepath: ANNOTATION_SCHEMA_FILE,
  });
}

if (require.main === module) {
  renderAnnotationJsonSchema()
    .then((text) => writeFile(ANNOTATION_SCHEMA_FILE, text))
    .then(() => console.log(`wrote ${path.relative(process.cwd(), ANNOTATION_SCHEMA_FILE)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
