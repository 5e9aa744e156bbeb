import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { claimConnection, toClaimFilter } from '../claim/claim.resolver';
import { ClaimFilterInput } from '../claim/claim.inputs';
import { ClaimConnection } from '../claim/claim.type';
import { ConnectionArgs } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import type { TopicData } from './topic.mapper';
import { Topic } from './topic.type';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => [Topic], { description: 'All topics in name order (a small controlled vocabulary).' })
  topics(@Ctx() context: Context) {
    return context.reads.allTopics();
  }

  @Query(() => Topic, { description: 'One topic by id. NOT_FOUND if there is none.' })
  topic(@Arg('id', () => ID, { description: 'Global id of the topic.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Topic', (key) => context.loaders.topics.byKey.load(key));
  }

  @FieldResolver(() => Topic, { nullable: true, description: 'The broader topic this one belongs to.' })
  broader(@Root() topic: TopicData, @Ctx() context: Context) {
    return context.loaders.topics.broader.load(topic.key);
  }

  @FieldResolver(() => [Topic], { description: 'Narrower topics that belong to this one.' })
  narrower(@Root() topic: TopicData, @Ctx() context: Context) {
    return context.loaders.topics.narrower.load(topic.key);
  }

  @FieldResolver(() => [Topic], { description: 'Topics this one groups, e.g. the "new three pillars".' })
  includes(@Root() topic: TopicData, @Ctx() context: Context) {
    return context.loaders.topics.includes.load(topic.key);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims about this topic, filtered and paged.' })
  claims(
    @Root() topic: TopicData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Narrows the claims further.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, `topic:${topic.key}`, { ...toClaimFilter(filter), topic: topic.key }, args);
  }
}
