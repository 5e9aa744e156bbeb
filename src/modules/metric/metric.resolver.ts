import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { claimConnection, toClaimFilter } from '../claim/claim.resolver';
import { ClaimFilterInput } from '../claim/claim.inputs';
import { ClaimConnection } from '../claim/claim.type';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { findByGlobalId } from '../common/lookup';
import { figureConnection, toFigureFilter } from '../figure/figure.resolver';
import { FigureFilterInput } from '../figure/figure.inputs';
import { FigureConnection } from '../figure/figure.type';
import { Place } from '../place/place.type';
import { Target } from '../target/target.type';
import type { MetricData } from './metric.mapper';
import { Metric, MetricConnection } from './metric.type';

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => MetricConnection, { description: 'Metrics in name order, paged with keyset cursors.' })
  async metrics(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'text');
    const metrics = context.reads.metrics;
    return new MetricConnection(await metrics.page(page), page.after !== null, () => metrics.count());
  }

  @Query(() => Metric, { description: 'One metric by id. NOT_FOUND if there is none.' })
  metric(@Arg('id', () => ID, { description: 'Global id of the metric.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Metric', (key) => context.loaders.metrics.byKey.load(key));
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The place the metric is scoped to.' })
  place(@Root() metric: MetricData, @Ctx() context: Context) {
    return context.loaders.metrics.place.load(metric.key);
  }

  @FieldResolver(() => FigureConnection, {
    description: "The metric's figures ordered by period: a time series to chart.",
  })
  figures(
    @Root() metric: MetricData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => FigureFilterInput, { nullable: true, description: 'Narrows the series (place, period).' })
    filter: FigureFilterInput | null,
    @Ctx() context: Context,
  ) {
    return figureConnection(context, { ...toFigureFilter(filter), metric: metric.key }, args);
  }

  @FieldResolver(() => [Target], { description: 'Targets set for this metric, by deadline.' })
  targets(@Root() metric: MetricData, @Ctx() context: Context) {
    return context.loaders.metrics.targets.load(metric.key);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims about this metric, filtered and paged.' })
  claims(
    @Root() metric: MetricData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Narrows the claims further.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, `metric:${metric.key}`, { ...toClaimFilter(filter), metric: metric.key }, args);
  }
}
