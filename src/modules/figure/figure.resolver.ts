import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { Claim } from '../claim/claim.type';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { idOf } from '../common/global-id';
import { checkRange } from '../common/input-validation';
import { findByGlobalId } from '../common/lookup';
import { Node } from '../common/node.type';
import { Metric } from '../metric/metric.type';
import { Place } from '../place/place.type';
import { Source } from '../source/source.type';
import { mapFigure, type FigureData, type PrefetchedFigure } from './figure.mapper';
import { NotFoundError } from '../../errors';
import { checkAsOf, storedAt } from '../history/history.reads';
import { FigureFilterInput } from './figure.inputs';
import type { FigureFilter } from './figure.repository';
import { Derivation, Figure, FigureChange, FigureConnection, FigureRange } from './figure.type';
import type { ChangeType, DerivationOperation } from './figure.enums';

export function toFigureFilter(input: FigureFilterInput | null | undefined): FigureFilter {
  if (!input) return {};
  checkRange(input.period?.from, input.period?.to, 'filter.period');
  return {
    metric: input.metric == null ? undefined : idOf(input.metric, ['Metric'], 'filter.metric'),
    place: input.place == null ? undefined : idOf(input.place, ['Place'], 'filter.place'),
    periodFrom: input.period?.from ?? undefined,
    periodTo: input.period?.to ?? undefined,
  };
}

/** A time-ordered connection over figures, batched per request. */
export function figureConnection(context: Context, filter: FigureFilter, args: ConnectionArgs) {
  const page = toPageRequest(args, 'date');
  return context.loaders.figures.pages
    .load({ filter, page })
    .then(
      (result) => new FigureConnection(result, page.after !== null, () => context.loaders.figures.counts.load(filter)),
    );
}

@Resolver(() => Figure)
export class FigureResolver {
  @Query(() => FigureConnection, { description: 'Figures in period order, filtered by metric, place and period.' })
  figures(
    @Args() args: ConnectionArgs,
    @Arg('filter', () => FigureFilterInput, { nullable: true, description: 'Which figures to list.' })
    filter: FigureFilterInput | null,
    @Ctx() context: Context,
  ) {
    return figureConnection(context, toFigureFilter(filter), args);
  }

  @Query(() => Figure, { description: 'One figure by id. NOT_FOUND if there is none.' })
  async figure(
    @Arg('id', () => ID, { description: 'Global id of the figure.' }) id: string,
    @Ctx() context: Context,
    @Arg('asOf', () => DateTimeResolver, {
      nullable: true,
      description:
        'The figure as stored at this moment. BAD_USER_INPUT for a future moment or one before it was first written.',
    })
    asOf?: Date | null,
  ): Promise<FigureData> {
    if (asOf) {
      const at = checkAsOf(asOf);
      const key = idOf(id, ['Figure']);
      const found = await context.reads.asOf('Figure', key, at);
      if (!found) throw new NotFoundError('Figure', id);
      const stored = storedAt('Figure', at, found);
      if (stored) return mapFigure(stored);
    }
    return findByGlobalId(id, 'Figure', (key) => context.loaders.figures.byKey.load(key));
  }

  @FieldResolver(() => Metric, { nullable: true, description: 'The metric this figure is an observation of.' })
  metric(@Root() figure: PrefetchedFigure, @Ctx() context: Context) {
    return figure.prefetched ? figure.prefetched.metric : context.loaders.figures.metric.load(figure.key);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where the figure applies.' })
  place(@Root() figure: FigureData, @Ctx() context: Context) {
    return context.loaders.figures.place.load(figure.key);
  }

  @FieldResolver(() => Source, { nullable: true, description: 'The source that reports the figure.' })
  source(@Root() figure: FigureData, @Ctx() context: Context) {
    return context.loaders.sources.byKey.load(figure.sourceKey);
  }

  @FieldResolver(() => [Claim], { description: 'Claims that cite this figure.' })
  citedBy(@Root() figure: FigureData, @Ctx() context: Context) {
    return context.loaders.figures.citedBy.load(figure.key);
  }

  @FieldResolver(() => FigureRange, {
    nullable: true,
    description: 'For a range ("tens of thousands to over 1 million"): its ends; null for a single value or a ranking.',
  })
  range(@Root() figure: FigureData): FigureRange | null {
    if (figure.decimal !== null || (figure.lowDecimal === null && figure.highDecimal === null)) return null;
    return { low: figure.low, high: figure.high, lowDecimal: figure.lowDecimal, highDecimal: figure.highDecimal };
  }

  @FieldResolver(() => FigureChange, {
    nullable: true,
    description: 'For a change ("+35.5% from the previous year"): its type, base period and level; null for a level.',
  })
  change(@Root() figure: FigureData): FigureChange | null {
    if (figure.changeType === null) return null;
    return { type: figure.changeType as ChangeType, basePeriod: figure.basePeriod, figureKey: figure.key };
  }

  @FieldResolver(() => Derivation, {
    nullable: true,
    description: 'For a derived figure: the operation and its inputs; null otherwise.',
  })
  derivation(@Root() figure: FigureData): Derivation | null {
    if (figure.operation === null) return null;
    return { operation: figure.operation as DerivationOperation, figureKey: figure.key };
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'Who produced the data: an Organization, or a Source of kind dataset or report.',
  })
  producedBy(@Root() figure: FigureData, @Ctx() context: Context) {
    return context.loaders.figures.producedBy.load(figure.key);
  }

  @FieldResolver(() => [Node], {
    description:
      'Who passed the figure on (Person, Organization, VirtualPresenter or Source), in order from the origin ' +
      'towards the source that reports it.',
  })
  relayedBy(@Root() figure: FigureData, @Ctx() context: Context) {
    return context.loaders.figures.relayedBy.load(figure.key);
  }
}

@Resolver(() => FigureChange)
export class FigureChangeResolver {
  @FieldResolver(() => Figure, { nullable: true, description: 'The level figure changed, when the text gives it.' })
  of(@Root() change: FigureChange, @Ctx() context: Context) {
    return context.loaders.figures.changeOf.load(change.figureKey);
  }
}

@Resolver(() => Derivation)
export class DerivationResolver {
  @FieldResolver(() => [Figure], { description: 'The input figures, in the order the operation takes them.' })
  inputs(@Root() derivation: Derivation, @Ctx() context: Context) {
    return context.loaders.figures.inputs.load(derivation.figureKey);
  }
}
