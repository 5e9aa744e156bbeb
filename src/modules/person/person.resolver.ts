import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import { Organization } from '../organization/organization.type';
import type { PersonData, PrefetchedRole, RoleData } from './person.mapper';
import { Person, PersonConnection, Role } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People in name order, paged with keyset cursors.' })
  async people(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'text');
    const people = context.reads.people;
    return new PersonConnection(await people.page(page), page.after !== null, () => people.count());
  }

  @Query(() => Person, { description: 'One person by id. NOT_FOUND if there is none.' })
  person(@Arg('id', () => ID, { description: 'Global id of the person.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Person', (key) => context.loaders.people.byKey.load(key));
  }

  @FieldResolver(() => [Role], { description: 'Roles the person holds or held: current first.' })
  roles(@Root() person: PersonData, @Ctx() context: Context) {
    return context.loaders.people.roles.load(person.key);
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'Where the role is held.' })
  organization(@Root() role: PrefetchedRole, @Ctx() context: Context) {
    return role.prefetched ? role.prefetched.organization : context.loaders.people.roleOrganization.load(role.key);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who holds or held the role.' })
  holder(@Root() role: RoleData, @Ctx() context: Context) {
    return context.loaders.people.roleHolder.load(role.key);
  }
}
