import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { OrganizationRepository } from './organization.repository';

export function createOrganizationLoaders(executor: Executor) {
  const organizations = new OrganizationRepository(executor);
  return {
    byKey: loader((keys) => organizations.byKeys(keys)),
    partOf: loader((keys) => organizations.parentsOf(keys)),
    parts: loader((keys) => organizations.partsOf(keys)),
    country: loader((keys) => organizations.countriesOf(keys)),
  };
}
