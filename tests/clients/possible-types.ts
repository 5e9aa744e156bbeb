import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema, isAbstractType } from 'graphql';

/**
 * Interface and union members from schema/schema.graphql, as a client app generates them (GraphQL
 * Code Generator's fragment-matcher): normalised caches need them to match fragments on
 * `Speaker`, `Node` and the unions.
 */
export function possibleTypes(): Record<string, string[]> {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) result[type.name] = schema.getPossibleTypes(type).map((member) => member.name);
  }
  return result;
}
