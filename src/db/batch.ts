import type { Record as Neo4jRecord } from 'neo4j-driver';

/**
 * Puts batch results back in the order DataLoader asked for them: one entry per key,
 * `missing` where the database had nothing for that key.
 */
export function alignByKey<T>(
  keys: readonly string[],
  records: Neo4jRecord[],
  map: (record: Neo4jRecord) => T,
  missing: T,
): T[] {
  const byKey = new Map<string, T>();
  for (const record of records) byKey.set(record.get('key') as string, map(record));
  return keys.map((key) => (byKey.has(key) ? (byKey.get(key) as T) : missing));
}

/** For to-many batches: records of (key, item) grouped into one list per key, in record order. */
export function groupByKey<T>(keys: readonly string[], records: Neo4jRecord[], map: (record: Neo4jRecord) => T): T[][] {
  const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const record of records) byKey.get(record.get('key') as string)?.push(map(record));
  return keys.map((key) => byKey.get(key) ?? []);
}
