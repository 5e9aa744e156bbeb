import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { claimConnection, toClaimFilter } from '../claim/claim.resolver';
import { ClaimFilterInput } from '../claim/claim.inputs';
import { ClaimConnection } from '../claim/claim.type';
import { ConnectionArgs } from '../common/connection.args';
import type { NodeData } from '../common/node.type';
import { Organization } from '../organization/organization.type';
import type { VirtualPresenterData } from './virtual-presenter.mapper';
import { Speaker } from './speaker.type';
import { VirtualPresenter } from './virtual-presenter.type';

@Resolver(() => Speaker)
export class SpeakerResolver {
  @FieldResolver(() => ClaimConnection, { description: 'Claims attributed to this speaker, filtered and paged.' })
  claims(
    @Root() speaker: NodeData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Narrows the claims further.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, `speaker:${speaker.key}`, { ...toClaimFilter(filter), speaker: speaker.key }, args);
  }
}

@Resolver(() => VirtualPresenter)
export class VirtualPresenterResolver {
  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that runs the presenter.' })
  operatedBy(@Root() presenter: VirtualPresenterData, @Ctx() context: Context) {
    return context.loaders.speakers.operatedBy.load(presenter.key);
  }
}
