import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { claimConnection, toClaimFilter } from '../claim/claim.resolver';
import { ClaimFilterInput } from '../claim/claim.inputs';
import { ClaimConnection } from '../claim/claim.type';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import { Node } from '../common/node.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { Speaker } from '../speaker/speaker.type';
import type { PrefetchedSource, SourceData } from './source.mapper';
import { Source, SourceConnection, SourceCounts } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources, newest first, paged with keyset cursors.' })
  async sources(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'date');
    const sources = context.reads.sources;
    return new SourceConnection(await sources.page(page), page.after !== null, () => sources.count());
  }

  @Query(() => Source, { description: 'One source by id. NOT_FOUND if there is none.' })
  source(@Arg('id', () => ID, { description: 'Global id of the source.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Source', (key) => context.loaders.sources.byKey.load(key));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who published the source.' })
  publisher(@Root() source: PrefetchedSource, @Ctx() context: Context) {
    return source.prefetched ? source.prefetched.publisher : context.loaders.sources.publisher.load(source.key);
  }

  @FieldResolver(() => SourceCounts, { description: 'How many claims, figures and reviews the source holds.' })
  counts(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.counts.load(source.key);
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'For interviews: who conducted the interview.' })
  interviewer(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.interviewer.load(source.key);
  }

  @FieldResolver(() => [Person], { description: 'For interviews: who was interviewed.' })
  interviewees(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.interviewees.load(source.key);
  }

  @FieldResolver(() => [Node], {
    description: 'Entities the text mentions outside any claim (e.g. a related-video caption).',
  })
  mentions(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.mentions.load(source.key);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims made in this source, filtered and paged.' })
  claims(
    @Root() source: SourceData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Narrows the claims further.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, `source:${source.key}`, { ...toClaimFilter(filter), source: source.key }, args);
  }
}
