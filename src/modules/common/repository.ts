import { int, type Node as Neo4jNode } from 'neo4j-driver';

import { alignByKey, groupByKey } from '../../db/batch';
import { cypher, type CypherQuery, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import { mapEntity, type EntityData } from '../entities';
import { toPage, type Keyset, type Page, type PageRequest } from './pagination';

/**
 * Batch reads shared by the repositories. Every query they run takes `$keys` and returns
 * rows of `key` (the key asked for) and `node`, so one statement serves a whole DataLoader batch.
 */
export async function nodesByKeys<T>(
  executor: Executor,
  query: CypherQuery,
  keys: readonly string[],
  map: (properties: Properties) => T,
): Promise<(T | undefined)[]> {
  const records = await executor.read(query, { keys });
  return alignByKey(
    keys,
    records,
    (record) => map((record.get('node') as Neo4jNode).properties as Properties),
    undefined,
  );
}

export async function relatedByKeys<T>(
  executor: Executor,
  query: CypherQuery,
  keys: readonly string[],
  map: (properties: Properties) => T,
): Promise<T[][]> {
  const records = await executor.read(query, { keys });
  return groupByKey(keys, records, (record) => map((record.get('node') as Neo4jNode).properties as Properties));
}

/** Like relatedByKeys for relationships whose far end may carry any label (speakers, evidence). */
export async function relatedEntitiesByKeys(
  executor: Executor,
  query: CypherQuery,
  keys: readonly string[],
): Promise<EntityData[][]> {
  const records = await executor.read(query, { keys });
  return groupByKey(keys, records, (record) => mapEntity(record.get('node') as Neo4jNode));
}

export const firstOf = <T>(lists: T[][]): (T | null)[] => lists.map((list) => list[0] ?? null);

/**
 * One keyset page: `query` receives `$afterSortValue`, `$afterKey` (null on the first page) and
 * `$limit` and returns rows of `node` in (sort value, key) order.
 */
export async function pageOfNodes<T>(
  executor: Executor,
  query: CypherQuery,
  request: PageRequest,
  map: (properties: Properties) => T,
  keysetOf: (item: T) => Keyset,
  params: Record<string, unknown> = {},
): Promise<Page<T>> {
  const records = await executor.read(query, {
    ...params,
    afterSortValue: request.after?.sortValue ?? null,
    afterKey: request.after?.key ?? null,
    // JavaScript numbers travel as floats; LIMIT needs an integer.
    limit: int(request.limit),
  });
  return toPage(
    records.map((record) => map((record.get('node') as Neo4jNode).properties as Properties)),
    request,
    keysetOf,
  );
}

export async function countOf(
  executor: Executor,
  query: CypherQuery,
  params: Record<string, unknown> = {},
): Promise<number> {
  const records = await executor.read(query, params);
  return records[0]?.get('count') as number;
}

/** Outcome of a write that checks its references first: nothing is written when one is missing. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; missing: { what: string; key: string } };

/**
 * Runs a batched page statement (rows of `key`, `node`, with `$requests` and `$limit`) for many
 * lists at once. Cypher's LIMIT takes a parameter, not a per-row value, so requests are grouped
 * by page size: sibling lists share `first`, so this is one statement per batch in practice.
 */
export async function batchedPages<R extends { page: PageRequest }, T>(
  executor: Executor,
  query: CypherQuery,
  requests: readonly R[],
  toParams: (request: R) => Record<string, unknown>,
  map: (properties: Properties) => T,
  keysetOf: (item: T) => Keyset,
): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  const indexesByLimit = new Map<number, number[]>();
  requests.forEach((request, index) => {
    indexesByLimit.set(request.page.limit, [...(indexesByLimit.get(request.page.limit) ?? []), index]);
  });
  for (const [limit, indexes] of indexesByLimit) {
    const keys = indexes.map(String);
    const records = await executor.read(query, {
      limit: int(limit),
      requests: indexes.map((index) => ({ key: String(index), ...toParams(requests[index] as R) })),
    });
    const rows = groupByKey(keys, records, (record) => map((record.get('node') as Neo4jNode).properties as Properties));
    indexes.forEach((index, position) => {
      pages[index] = toPage(rows[position] ?? [], (requests[index] as R).page, keysetOf);
    });
  }
  return pages;
}

/** Runs a batched count statement (rows of `key`, `count`, with `$requests`). */
export async function batchedCounts<F>(
  executor: Executor,
  query: CypherQuery,
  filters: readonly F[],
  toParams: (filter: F) => Record<string, unknown>,
): Promise<number[]> {
  const records = await executor.read(query, {
    requests: filters.map((filter, index) => ({ key: String(index), filter: toParams(filter) })),
  });
  const byKey = new Map(records.map((record) => [record.get('key') as string, record.get('count') as number]));
  return filters.map((_, index) => byKey.get(String(index)) ?? 0);
}

/**
 * The page and count statements of a list in (name, id) order. `label` is one of the
 * repositories' own constants, never input, so building the text from it is safe.
 */
export function nameOrderedList(name: string, label: 'Person' | 'Organization' | 'Metric') {
  return {
    page: cypher(
      `${name}.page`,
      `MATCH (node:${label})
      WHERE $afterSortValue IS NULL OR node.name > $afterSortValue
         OR (node.name = $afterSortValue AND node.id > $afterKey)
      RETURN node ORDER BY node.name, node.id LIMIT $limit`,
    ),
    count: cypher(`${name}.count`, `MATCH (node:${label}) RETURN count(node) AS count`),
  };
}
