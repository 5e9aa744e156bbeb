import 'reflect-metadata';

import path from 'node:path';

import { createSchema, SCHEMA_FILE } from './schema';

/**
 * `npm run schema`: writes schema/schema.graphql from the decorated classes. Run it after changing
 * the API; tests/unit/schema-file.test.ts fails while the committed file differs from the code.
 */
createSchema({ emitSchemaFile: true })
  .then(() => console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
