import { cypher, type Executor } from '../../db/executor';
import { mapOrganization, type OrganizationData } from '../organization/organization.mapper';
import type { Page, PageRequest } from '../common/pagination';
import { countOf, firstOf, nodesByKeys, nameOrderedList, pageOfNodes, relatedByKeys } from '../common/repository';
import { mapPerson, mapRole, type PersonData, type RoleData } from './person.mapper';

export const PEOPLE_BY_KEYS = cypher(
  'person.byKeys',
  'UNWIND $keys AS key MATCH (node:Person {id: key}) RETURN key, node',
);

export const ROLES_BY_KEYS = cypher('role.byKeys', 'UNWIND $keys AS key MATCH (node:Role {id: key}) RETURN key, node');

/** Current roles first, then former ones; within each, the most recent start first. */
export const ROLES_OF_PEOPLE = cypher(
  'person.roles',
  `UNWIND $keys AS key MATCH (:Person {id: key})-[:HOLDS_ROLE]->(node:Role)
  RETURN key, node ORDER BY key, CASE node.status WHEN 'current' THEN 0 ELSE 1 END, node.from DESC, node.id`,
);

export const ROLE_ORGANIZATIONS = cypher(
  'role.organization',
  'UNWIND $keys AS key MATCH (:Role {id: key})-[:ROLE_AT]->(node:Organization) RETURN key, node',
);

export const ROLE_HOLDERS = cypher(
  'role.holder',
  'UNWIND $keys AS key MATCH (:Role {id: key})<-[:HOLDS_ROLE]-(node:Person) RETURN key, node',
);

export const PEOPLE_LIST = nameOrderedList('person', 'Person');

export class PersonRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(PersonData | undefined)[]> {
    return nodesByKeys(this.executor, PEOPLE_BY_KEYS, keys, mapPerson);
  }

  rolesByKeys(keys: readonly string[]): Promise<(RoleData | undefined)[]> {
    return nodesByKeys(this.executor, ROLES_BY_KEYS, keys, mapRole);
  }

  rolesOf(keys: readonly string[]): Promise<RoleData[][]> {
    return relatedByKeys(this.executor, ROLES_OF_PEOPLE, keys, mapRole);
  }

  async organizationsOfRoles(keys: readonly string[]): Promise<(OrganizationData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, ROLE_ORGANIZATIONS, keys, mapOrganization));
  }

  async holdersOfRoles(keys: readonly string[]): Promise<(PersonData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, ROLE_HOLDERS, keys, mapPerson));
  }

  page(request: PageRequest): Promise<Page<PersonData>> {
    return pageOfNodes(this.executor, PEOPLE_LIST.page, request, mapPerson, (person) => ({
      sortValue: person.name,
      key: person.key,
    }));
  }

  count(): Promise<number> {
    return countOf(this.executor, PEOPLE_LIST.count);
  }
}
