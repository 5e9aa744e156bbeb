import type { Dictionary } from './values';

/**
 * The dictionary of real values (tests/fuzz/values.ts), read through the API at fuzz start, so the
 * fuzzer knows only what any client could know: global ids by type, source texts, quotes, dates,
 * cursors and words.
 */

export type Post = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown }>;

const MAX_PAGES = 50;
const PAGE_SIZE = 20;

type Row = Record<string, unknown>;

const CONNECTIONS: Record<string, string> = {
  sources: `id title kind url language publishedDate text
    publisher { __typename id } interviewer { __typename id } interviewees { __typename id }
    mentions { __typename id }`,
  claims: `id text quote { exact } speaker { __typename id } role { __typename id from to }
    figures { __typename id quote { exact } period { start end } place { __typename id } }
    topics { __typename id } metrics { __typename id } targets { __typename id deadline }
    projections { __typename id expectedBy } reviews { __typename id datePublished }`,
  people: `id roles { __typename id from to organization { __typename id } }`,
  organizations: 'id',
  metrics: 'id place { __typename id }',
  figures: 'id quote { exact } period { start end }',
  targets: 'id deadline projections { __typename id expectedBy }',
};

const TYPE_OF_CONNECTION: Record<string, string> = {
  sources: 'Source',
  claims: 'Claim',
  people: 'Person',
  organizations: 'Organization',
  metrics: 'Metric',
  figures: 'Figure',
  targets: 'Target',
};

/** Every node of a connection, page after page (at most MAX_PAGES), and the cursors seen. */
async function readConnection(post: Post, field: string, cursors: Set<string>): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await post(
      `query ($after: String) { ${field}(first: ${PAGE_SIZE}, after: $after) {
         edges { cursor node { ${CONNECTIONS[field]} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const connection = (response.data as Record<string, Row> | undefined)?.[field] as
      | { edges: { cursor: string; node: Row }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
      | undefined;
    if (!connection) throw new Error(`the dictionary query for ${field} failed: ${JSON.stringify(response)}`);
    for (const edge of connection.edges) {
      cursors.add(edge.cursor);
      rows.push(edge.node);
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return rows;
}

/** Walks a JSON value and calls `visit` on every object in it. */
function eachObject(value: unknown, visit: (object: Row) => void): void {
  if (Array.isArray(value)) value.forEach((item) => eachObject(item, visit));
  else if (value !== null && typeof value === 'object') {
    visit(value as Row);
    Object.values(value).forEach((item) => eachObject(item, visit));
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function readDictionary(post: Post): Promise<Dictionary> {
  const cursors = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const dates = new Set<string>();
  const quotes = new Set<string>();
  const strings: Record<string, Set<string>> = {
    kind: new Set(),
    language: new Set(),
    url: new Set(),
    title: new Set(),
  };
  const addId = (type: string, id: string) => ids.set(type, (ids.get(type) ?? new Set()).add(id));
  const rowsByField: Record<string, Row[]> = {};
  for (const field of Object.keys(CONNECTIONS)) {
    const rows = await readConnection(post, field, cursors);
    rowsByField[field] = rows;
    for (const row of rows) addId(TYPE_OF_CONNECTION[field] as string, row.id as string);
    eachObject(rows, (object) => {
      if (typeof object.__typename === 'string' && typeof object.id === 'string') addId(object.__typename, object.id);
      if (typeof object.exact === 'string') quotes.add(object.exact);
      for (const value of Object.values(object)) if (typeof value === 'string' && DATE.test(value)) dates.add(value);
    });
  }
  const topics = await post('{ topics { id narrower { id } includes { id } } }');
  eachObject(topics.data, (object) => typeof object.id === 'string' && addId('Topic', object.id));
  const sources = rowsByField.sources ?? [];
  for (const source of sources) {
    for (const [key, values] of Object.entries(strings)) if (typeof source[key] === 'string') values.add(source[key]);
  }
  const claimTexts = (rowsByField.claims ?? []).map((claim) => String(claim.text));
  const words = new Set(
    claimTexts.flatMap((text) => text.split(/[\s,.;:()"“”'’]+/u).filter((word) => word.length >= 3)),
  );
  return {
    ids: Object.fromEntries([...ids].map(([type, set]) => [type, [...set].sort()])),
    texts: sources.map((source) => String(source.text)),
    quotes: [...quotes].sort(),
    dates: [...dates].sort(),
    cursors: [...cursors].sort(),
    words: [...words].sort().slice(0, 300),
    strings: Object.fromEntries(Object.entries(strings).map(([key, set]) => [key, [...set].sort()])),
  };
}

/** How many values of each kind the dictionary holds, for the report. */
export function dictionarySize(dictionary: Dictionary): Record<string, number> {
  return {
    ...Object.fromEntries(Object.entries(dictionary.ids).map(([type, list]) => [`${type} ids`, list.length])),
    texts: dictionary.texts.length,
    quotes: dictionary.quotes.length,
    dates: dictionary.dates.length,
    cursors: dictionary.cursors.length,
    words: dictionary.words.length,
  };
}
