import type { Record as Neo4jRecord } from 'neo4j-driver';

import { isoDate, optionalText, propertiesOf, text, textList } from '../../db/values';
import type { KnownEntity } from '../../extract/types';

/** Drops absent fields: the annotation format refuses null where a field is optional. */
function declared(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null && value !== undefined));
}

export function mapKnownPlace(record: Neo4jRecord): KnownEntity {
  const p = propertiesOf(record, 'node');
  const declaration = declared({
    id: text(p, 'id'),
    name: text(p, 'name'),
    kind: text(p, 'kind'),
    isoCode: optionalText(p, 'isoCode'),
    sameAs: textList(p, 'sameAs'),
  });
  return { kind: 'place', id: text(p, 'id'), name: text(p, 'name'), aliases: [], declaration };
}

export function mapKnownOrganization(record: Neo4jRecord): KnownEntity {
  const p = propertiesOf(record, 'node');
  const fullName = optionalText(p, 'fullName');
  const declaration = declared({
    id: text(p, 'id'),
    name: text(p, 'name'),
    fullName,
    kind: text(p, 'kind'),
    partOf: record.get('partOf') as string | null,
    country: record.get('country') as string | null,
    sameAs: textList(p, 'sameAs'),
  });
  return {
    kind: 'organization',
    id: text(p, 'id'),
    name: text(p, 'name'),
    aliases: fullName ? [fullName] : [],
    declaration,
  };
}

export function mapKnownPerson(record: Neo4jRecord): KnownEntity {
  const p = propertiesOf(record, 'node');
  const roles = (record.get('roles') as Record<string, unknown>[]).map((role) =>
    declared({ ...role, from: isoDate(role.from), to: isoDate(role.to) }),
  );
  const declaration = declared({
    id: text(p, 'id'),
    name: text(p, 'name'),
    description: optionalText(p, 'description'),
    roles,
    sameAs: textList(p, 'sameAs'),
  });
  return { kind: 'person', id: text(p, 'id'), name: text(p, 'name'), aliases: [], declaration };
}

export function mapKnownMetric(record: Neo4jRecord): KnownEntity {
  const p = propertiesOf(record, 'node');
  const place = record.get('place') as string | null;
  const declaration = declared({
    id: text(p, 'id'),
    name: text(p, 'name'),
    description: text(p, 'description'),
    unit: text(p, 'unit'),
    place,
  });
  return {
    kind: 'metric',
    id: text(p, 'id'),
    name: text(p, 'name'),
    aliases: [text(p, 'description')],
    unit: text(p, 'unit'),
    placeId: place ?? undefined,
    declaration,
  };
}
