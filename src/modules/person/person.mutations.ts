import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import { newPerson } from '../../domain/person';
import { BadUserInputError } from '../../errors';
import type { Context } from '../context';
import { idOf } from '../common/global-id';
import { checked, checkHttpUrl, cleanText, idList } from '../common/input-validation';
import { missingReference } from '../common/lookup';
import { AddPersonInput, RoleInput } from './person.inputs';
import type { PersonData } from './person.mapper';
import { Person } from './person.type';
import { PersonWriter } from './person.writes';

const roleDraft = (role: RoleInput, index: number) => ({
  title: cleanText(role.title, `input.roles[${index}].title`, 200),
  organizationKey:
    role.organization == null ? null : idOf(role.organization, ['Organization'], `input.roles[${index}].organization`),
  status: role.status,
  from: role.from ?? null,
  to: role.to ?? null,
});

@Resolver()
export class PersonMutationResolver {
  @Mutation(() => Person, {
    description:
      'Adds a person with their roles (editor role); a role may have no organization. One transaction: an ' +
      'existing id or a missing organization writes nothing.',
  })
  async addPerson(
    @Arg('input', () => AddPersonInput) input: AddPersonInput,
    @Ctx() context: Context,
  ): Promise<PersonData> {
    const viewer = requireRole(context.auth, 'editor');
    const roles = input.roles ?? [];
    if (roles.length > 20) throw new BadUserInputError('"input.roles" may list at most 20 roles', 'input.roles');
    const person = checked(
      newPerson({
        name: cleanText(input.name, 'input.name', 200),
        description: input.description == null ? null : cleanText(input.description, 'input.description', 1000),
        sameAs: idList(input.sameAs, 'input.sameAs', 20, (url, field) => checkHttpUrl(url, field)),
        roles: roles.map(roleDraft),
      }),
      'input',
    );
    const result = await new PersonWriter(context.executor).create(person, viewer.name);
    if ('exists' in result) {
      throw new BadUserInputError(
        `a person with the id "${result.exists}" already exists; use it instead`,
        'input.name',
      );
    }
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
