import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import { Place } from '../place/place.type';
import type { OrganizationData } from './organization.mapper';
import { Organization, OrganizationConnection } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Organizations in name order, paged with keyset cursors.' })
  async organizations(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'text');
    const organizations = context.reads.organizations;
    return new OrganizationConnection(await organizations.page(page), page.after !== null, () => organizations.count());
  }

  @Query(() => Organization, { description: 'One organization by id. NOT_FOUND if there is none.' })
  organization(
    @Arg('id', () => ID, { description: 'Global id of the organization.' }) id: string,
    @Ctx() context: Context,
  ) {
    return findByGlobalId(id, 'Organization', (key) => context.loaders.organizations.byKey.load(key));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization this one is part of.' })
  partOf(@Root() organization: OrganizationData, @Ctx() context: Context) {
    return context.loaders.organizations.partOf.load(organization.key);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that are part of this one.' })
  parts(@Root() organization: OrganizationData, @Ctx() context: Context) {
    return context.loaders.organizations.parts.load(organization.key);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The country the organization is based in.' })
  country(@Root() organization: OrganizationData, @Ctx() context: Context) {
    return context.loaders.organizations.country.load(organization.key);
  }
}
