import { int } from 'neo4j-driver';

import { cypher, type Executor } from '../../db/executor';
import type { KnownEntity } from '../../extract/types';
import { mapKnownMetric, mapKnownOrganization, mapKnownPerson, mapKnownPlace } from './draft.mapper';

/**
 * The existing entities a draft links to, as the annotation format declares them. Each list is
 * capped: linking compares names in memory, and a graph with more entities of a kind than the
 * cap links only to the first ones by id (the draft then proposes new entities the reviewer merges).
 */
export const KNOWN_ENTITY_LIMIT = 5000;

export const KNOWN_PLACES = cypher('draft.knownPlaces', 'MATCH (node:Place) RETURN node ORDER BY node.id LIMIT $limit');

export const KNOWN_ORGANIZATIONS = cypher(
  'draft.knownOrganizations',
  `MATCH (node:Organization)
   OPTIONAL MATCH (node)-[:PART_OF]->(parent:Organization)
   OPTIONAL MATCH (node)-[:BASED_IN]->(country:Place)
   RETURN node, parent.id AS partOf, country.id AS country ORDER BY node.id LIMIT $limit`,
);

export const KNOWN_PEOPLE = cypher(
  'draft.knownPeople',
  `MATCH (node:Person)
   CALL (node) {
     OPTIONAL MATCH (node)-[:HOLDS_ROLE]->(role:Role)-[:ROLE_AT]->(organization:Organization)
     WITH role, organization ORDER BY role.id
     RETURN collect(CASE WHEN role IS NULL THEN null ELSE role {.id, .title, .status, .from, .to, organization: organization.id} END) AS roles
   }
   RETURN node, roles ORDER BY node.id LIMIT $limit`,
);

export const KNOWN_METRICS = cypher(
  'draft.knownMetrics',
  `MATCH (node:Metric)
   OPTIONAL MATCH (node)-[:SCOPED_TO]->(place:Place)
   RETURN node, place.id AS place ORDER BY node.id LIMIT $limit`,
);

/** Ids of the other shared nodes a drafted topic or target must not take by accident. */
export const TAKEN_IDS = cypher(
  'draft.takenIds',
  'MATCH (node) WHERE node:Topic OR node:Target OR node:Role OR node:VirtualPresenter RETURN node.id AS id LIMIT $limit',
);

export class KnownEntityRepository {
  constructor(private readonly executor: Executor) {}

  async takenIds(): Promise<string[]> {
    const records = await this.executor.read(TAKEN_IDS, { limit: int(10 * KNOWN_ENTITY_LIMIT) });
    return records.map((record) => record.get('id') as string);
  }

  async all(): Promise<KnownEntity[]> {
    const params = { limit: int(KNOWN_ENTITY_LIMIT) };
    const [places, organizations, people, metrics] = await Promise.all([
      this.executor.read(KNOWN_PLACES, params),
      this.executor.read(KNOWN_ORGANIZATIONS, params),
      this.executor.read(KNOWN_PEOPLE, params),
      this.executor.read(KNOWN_METRICS, params),
    ]);
    return [
      ...places.map(mapKnownPlace),
      ...organizations.map(mapKnownOrganization),
      ...people.map(mapKnownPerson),
      ...metrics.map(mapKnownMetric),
    ];
  }
}
