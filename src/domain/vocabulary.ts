/**
 * The closed vocabularies of the graph, each written once. The values are what Neo4j stores and
 * annotation files spell; the annotation schema (zod), the GraphQL enums (CONSTANT_CASE names
 * over these values) and the mappers' types all derive from these arrays. Order matters: it is
 * the order of the GraphQL enum values in schema/schema.graphql.
 */

export const claimKinds = [
  'statistic',
  'forecast',
  'opinion',
  'recommendation',
  'causal',
  'assessment',
  'biographical',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

export const attributions = ['direct-quote', 'paraphrase', 'narration'] as const;
export type Attribution = (typeof attributions)[number];

export const qualifiers = ['exact', 'about', 'over', 'exceeding', 'under', 'at-least', 'at-most'] as const;
export type Qualifier = (typeof qualifiers)[number];

export const comparators = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
export type Comparator = (typeof comparators)[number];

export const roleStatuses = ['current', 'former'] as const;
export type RoleStatus = (typeof roleStatuses)[number];

/** Stances are stored as relationship types, hence upper case. */
export const stances = ['SUPPORTS', 'CONTRADICTS'] as const;
export type Stance = (typeof stances)[number];

export const sourceKinds = ['article', 'interview', 'report', 'speech'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const placeKinds = ['country', 'region', 'city', 'world'] as const;
export type PlaceKind = (typeof placeKinds)[number];

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

type ConstantCase<T extends string> = T extends `${infer Head}-${infer Tail}`
  ? `${Uppercase<Head>}_${ConstantCase<Tail>}`
  : Uppercase<T>;

/** "direct-quote" → "DIRECT_QUOTE": the name a GraphQL enum gives a stored value. */
export const constantCase = <T extends string>(value: T): ConstantCase<T> =>
  value.toUpperCase().replace(/-/g, '_') as ConstantCase<T>;

/** An enum-like object { DIRECT_QUOTE: 'direct-quote', ... } over a vocabulary, in its order. */
export function enumOf<T extends string>(values: readonly T[]): { readonly [V in T as ConstantCase<V>]: V } {
  return Object.fromEntries(values.map((value) => [constantCase(value), value])) as {
    readonly [V in T as ConstantCase<V>]: V;
  };
}
