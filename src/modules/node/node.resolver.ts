import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { Context, Loaders } from '../context';
import { BadUserInputError } from '../../errors';
import { fromGlobalId } from '../common/global-id';
import { Node } from '../common/node.type';
import type { EntityData } from '../entities';

type KeyLoader = { load(key: string): Promise<EntityData | undefined> };

/** The by-key loader of every type `Query.node` can return. */
function loaderFor(loaders: Loaders, type: string): KeyLoader | undefined {
  const byType: Record<string, KeyLoader> = {
    Claim: loaders.claims.byKey,
    Figure: loaders.figures.byKey,
    Metric: loaders.metrics.byKey,
    Organization: loaders.organizations.byKey,
    Person: loaders.people.byKey,
    Role: loaders.people.roleByKey,
    Place: loaders.places.byKey,
    Projection: loaders.targets.projectionByKey,
    Review: loaders.reviews.byKey,
    Source: loaders.sources.byKey,
    Target: loaders.targets.byKey,
    Topic: loaders.topics.byKey,
    VirtualPresenter: loaders.speakers.presenterByKey,
  };
  return byType[type];
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Refetches any object by its global id; null if it no longer exists. BAD_USER_INPUT for a malformed id.',
  })
  async node(
    @Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string,
    @Ctx() context: Context,
  ) {
    const { type, key } = fromGlobalId(id);
    const loader = loaderFor(context.loaders, type);
    if (!loader) throw new BadUserInputError('"id" is not the id of any type of this API', 'id');
    return (await loader.load(key)) ?? null;
  }
}
