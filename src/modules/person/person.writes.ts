import type { Node as Neo4jNode } from 'neo4j-driver';

import type { NewPerson } from '../../domain/person';
import { cypher, type Executor } from '../../db/executor';
import type { Properties } from '../../db/values';
import type { WriteResult } from '../common/repository';
import { mapPerson, type PersonData } from './person.mapper';

export const FIND_PERSON_CONFLICTS = cypher(
  'person.findConflicts',
  `RETURN EXISTS { (:Person {id: $key}) } AS exists,
          [key IN $organizationKeys WHERE NOT EXISTS { (:Organization {id: key}) }] AS missingOrganizations`,
);

/** The person and their roles; a role's name is its title, with its organisation's name when it has one. */
export const CREATE_PERSON = cypher(
  'person.create',
  `CREATE (p:Person {id: $person.key, name: $person.name, description: $person.description, sameAs: $person.sameAs,
                    origin: 'api', addedBy: $addedBy, addedAt: datetime()})
  WITH p
  CALL (p) {
    UNWIND $person.roles AS role
    OPTIONAL MATCH (organization:Organization {id: role.organizationKey})
    CREATE (p)-[:HOLDS_ROLE]->(r:Role {id: role.key, title: role.title, status: role.status,
                                       name: role.title + coalesce(', ' + organization.name, ''),
                                       from: date(role.from), to: date(role.to)})
    FOREACH (_ IN CASE WHEN organization IS NULL THEN [] ELSE [1] END | CREATE (r)-[:ROLE_AT]->(organization))
  }
  RETURN p AS node`,
);

export type PersonWriteResult = WriteResult<PersonData> | { ok: false; exists: string };

export class PersonWriter {
  constructor(private readonly executor: Executor) {}

  /** One transaction: refuses an existing id or a missing organisation before writing anything. */
  create(person: NewPerson, addedBy: string): Promise<PersonWriteResult> {
    const organizationKeys = [...new Set(person.roles.flatMap((role) => role.organizationKey ?? []))];
    return this.executor.writeTransaction(async (tx) => {
      const [check] = await tx.run(FIND_PERSON_CONFLICTS, { key: person.key, organizationKeys });
      if (check?.get('exists')) return { ok: false, exists: person.key };
      const [missing] = (check?.get('missingOrganizations') as string[] | undefined) ?? [];
      if (missing !== undefined) return { ok: false, missing: { what: 'Organization', key: missing } };
      const [created] = await tx.run(CREATE_PERSON, { person, addedBy });
      return { ok: true, value: mapPerson((created?.get('node') as Neo4jNode).properties as Properties) };
    });
  }
}
