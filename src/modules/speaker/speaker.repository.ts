import { cypher, type Executor } from '../../db/executor';
import { mapOrganization, type OrganizationData } from '../organization/organization.mapper';
import { firstOf, nodesByKeys, relatedByKeys } from '../common/repository';
import { mapVirtualPresenter, type VirtualPresenterData } from './virtual-presenter.mapper';

export const PRESENTERS_BY_KEYS = cypher(
  'virtualPresenter.byKeys',
  'UNWIND $keys AS key MATCH (node:VirtualPresenter {id: key}) RETURN key, node',
);

export const PRESENTER_OPERATORS = cypher(
  'virtualPresenter.operatedBy',
  'UNWIND $keys AS key MATCH (:VirtualPresenter {id: key})-[:OPERATED_BY]->(node:Organization) RETURN key, node',
);

export class SpeakerRepository {
  constructor(private readonly executor: Executor) {}

  presentersByKeys(keys: readonly string[]): Promise<(VirtualPresenterData | undefined)[]> {
    return nodesByKeys(this.executor, PRESENTERS_BY_KEYS, keys, mapVirtualPresenter);
  }

  async operatorsOf(keys: readonly string[]): Promise<(OrganizationData | null)[]> {
    return firstOf(await relatedByKeys(this.executor, PRESENTER_OPERATORS, keys, mapOrganization));
  }
}
