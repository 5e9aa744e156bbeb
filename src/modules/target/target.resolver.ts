import { Arg, Args, createUnionType, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { Claim } from '../claim/claim.type';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import { Metric } from '../metric/metric.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { Place } from '../place/place.type';
import { Source } from '../source/source.type';
import { Speaker } from '../speaker/speaker.type';
import type { ProjectionData, TargetData } from './target.mapper';
import { Projection, Target, TargetConnection } from './target.type';

export const TargetSetter = createUnionType({
  name: 'TargetSetter',
  description: 'Who set a target: a country or region, an organization, or a person.',
  types: () => [Place, Organization, Person] as const,
  resolveType: (value: { label: string }) => value.label,
});

@Resolver(() => Target)
export class TargetResolver {
  @Query(() => TargetConnection, { description: 'Targets by deadline, paged with keyset cursors.' })
  async targets(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'date');
    const targets = context.reads.targets;
    return new TargetConnection(await targets.page(page), page.after !== null, () => targets.count());
  }

  @Query(() => Target, { description: 'One target by id. NOT_FOUND if there is none.' })
  target(@Arg('id', () => ID, { description: 'Global id of the target.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Target', (key) => context.loaders.targets.byKey.load(key));
  }

  @FieldResolver(() => Metric, { nullable: true, description: 'The metric the target sets a threshold for.' })
  metric(@Root() target: TargetData, @Ctx() context: Context) {
    return context.loaders.targets.metric.load(target.key);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where the target applies.' })
  place(@Root() target: TargetData, @Ctx() context: Context) {
    return context.loaders.targets.place.load(target.key);
  }

  @FieldResolver(() => TargetSetter, { nullable: true, description: 'Who set the target.' })
  setBy(@Root() target: TargetData, @Ctx() context: Context) {
    return context.loaders.targets.setBy.load(target.key);
  }

  @FieldResolver(() => [Projection], { description: 'Projections of when the target will be met, earliest first.' })
  projections(@Root() target: TargetData, @Ctx() context: Context) {
    return context.loaders.targets.projections.load(target.key);
  }

  @FieldResolver(() => [Claim], { description: 'Claims that state the target.' })
  statedIn(@Root() target: TargetData, @Ctx() context: Context) {
    return context.loaders.targets.statedIn.load(target.key);
  }
}

@Resolver(() => Projection)
export class ProjectionResolver {
  @FieldResolver(() => Target, { nullable: true, description: 'The target the projection is about.' })
  target(@Root() projection: ProjectionData, @Ctx() context: Context) {
    return context.loaders.targets.projectionTarget.load(projection.key);
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'Who made the projection.' })
  projectedBy(@Root() projection: ProjectionData, @Ctx() context: Context) {
    return context.loaders.targets.projectedBy.load(projection.key);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source that reports the projection.' })
  source(@Root() projection: ProjectionData, @Ctx() context: Context) {
    return context.loaders.sources.byKey.load(projection.sourceKey);
  }

  @FieldResolver(() => [Claim], { description: 'Claims that state the projection.' })
  statedIn(@Root() projection: ProjectionData, @Ctx() context: Context) {
    return context.loaders.targets.projectionStatedIn.load(projection.key);
  }
}
