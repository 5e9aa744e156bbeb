import { isDate, isDateTime } from 'neo4j-driver';

/** Neo4j `date` values as ISO strings ("2023-12-31"); null stays null. */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (isDate(value as object) || isDateTime(value as object)) return (value as { toString(): string }).toString();
  throw new TypeError(`expected a Neo4j date, got ${typeof value}`);
}

export type Properties = Record<string, unknown>;

export const text = (properties: Properties, name: string): string => properties[name] as string;
export const optionalText = (properties: Properties, name: string): string | null =>
  (properties[name] as string | undefined) ?? null;
export const number = (properties: Properties, name: string): number => properties[name] as number;
/** A list property; absent means empty (Neo4j does not store empty lists distinctly from none). */
export const textList = (properties: Properties, name: string): string[] =>
  (properties[name] as string[] | undefined) ?? [];
