import { cypher, type Executor } from '../../db/executor';
import type { Page, PageRequest } from '../common/pagination';
import { countOf, firstOf, nodesByKeys, nameOrderedList, pageOfNodes, relatedByKeys } from '../common/repository';
import { mapPlace, type PlaceData } from '../place/place.mapper';
import { mapOrganization, type OrganizationData } from './organization.mapper';

export const ORGANIZATIONS_BY_KEYS = cypher(
  'organization.byKeys',
  'UNWIND $keys AS key MATCH (node:Organization {id: key}) RETURN key, node',
);

export const PARENT_ORGANIZATIONS = cypher(
  'organization.partOf',
  'UNWIND $keys AS key MATCH (:Organization {id: key})-[:PART_OF]->(node:Organization) RETURN key, node',
);

export const CHILD_ORGANIZATIONS = cypher(
  'organization.parts',
  `UNWIND $keys AS key MATCH (:Organization {id: key})<-[:PART_OF]-(node:Organization)
  RETURN key, node ORDER BY node.name, node.id`,
);

export const ORGANIZATION_COUNTRIES = cypher(
  'organization.country',
  'UNWIND $keys AS key MATCH (:Organization {id: key})-[:BASED_IN]->(node:Place) RETURN key, node',
);

export const ORGANIZATIONS_LIST = nameOrderedList('organization', 'Organization');

export class OrganizationRepository {
  constructor(private readonly executor: Executor) {}

  byKeys(keys: readonly string[]): Promise<(OrganizationData | undefined)[]> {
    return nodesByKeys(this.executor, ORGANIZATIONS_BY_KEYS, keys, mapOrganization);
  }

  async parentsOf(keys: readonly string[]): Promise<(OrganizationData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, PARENT_ORGANIZATIONS, keys, mapOrganization));
  }

  partsOf(keys: readonly string[]): Promise<OrganizationData[][]> {
    return relatedByKeys(this.executor, CHILD_ORGANIZATIONS, keys, mapOrganization);
  }

  async countriesOf(keys: readonly string[]): Promise<(PlaceData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, ORGANIZATION_COUNTRIES, keys, mapPlace));
  }

  page(request: PageRequest): Promise<Page<OrganizationData>> {
    return pageOfNodes(this.executor, ORGANIZATIONS_LIST.page, request, mapOrganization, (org) => ({
      sortValue: org.name,
      key: org.key,
    }));
  }

  count(): Promise<number> {
    return countOf(this.executor, ORGANIZATIONS_LIST.count);
  }
}
