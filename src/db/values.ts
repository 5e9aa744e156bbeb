import {
  Date,
  DateTime,
  isDate,
  isDateTime,
  isInt,
  type Node as Neo4jNode,
  type Record as Neo4jRecord,
} from 'neo4j-driver';

/** Neo4j `date` values as ISO strings ("2023-12-31"); null stays null. */
export function isoDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (isDate(value as object) || isDateTime(value as object)) return (value as { toString(): string }).toString();
  throw new TypeError(`expected a Neo4j date, got ${typeof value}`);
}

export type Properties = Record<string, unknown>;

/** The properties of the node a record holds under `field`. */
export function propertiesOf(record: Neo4jRecord, field: string): Properties {
  return (record.get(field) as Neo4jNode).properties as Properties;
}

export const text = (properties: Properties, name: string): string => properties[name] as string;
export const optionalText = (properties: Properties, name: string): string | null =>
  (properties[name] as string | undefined) ?? null;
/**
 * A number property. The service's driver returns plain numbers (disableLosslessIntegers, see
 * driver.ts); a neo4j Integer, from a driver set up otherwise, is converted rather than passed on.
 */
export const number = (properties: Properties, name: string): number => {
  const value = properties[name];
  return isInt(value) ? value.toNumber() : (value as number);
};
export const optionalNumber = (properties: Properties, name: string): number | null =>
  properties[name] === null || properties[name] === undefined ? null : number(properties, name);
/** A list property; absent means empty (Neo4j does not store empty lists distinctly from none). */
export const textList = (properties: Properties, name: string): string[] =>
  (properties[name] as string[] | undefined) ?? [];

/** An ISO date ("2023-12-31") as a Neo4j date, for properties written from JavaScript. */
export function neo4jDate(iso: string): Date<number> {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month, day);
}

/** The current instant as a Neo4j date-time (UTC). */
export const neo4jNow = (): DateTime<number> => DateTime.fromStandardDate(new globalThis.Date());
