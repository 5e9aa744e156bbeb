import type { Executor } from '../../db/executor';
import { loader } from '../common/loaders';
import { PersonRepository } from './person.repository';

export function createPersonLoaders(executor: Executor) {
  const people = new PersonRepository(executor);
  return {
    byKey: loader((keys) => people.byKeys(keys)),
    roleByKey: loader((keys) => people.rolesByKeys(keys)),
    roles: loader((keys) => people.rolesOf(keys)),
    roleOrganization: loader((keys) => people.organizationsOfRoles(keys)),
    roleHolder: loader((keys) => people.holdersOfRoles(keys)),
  };
}
