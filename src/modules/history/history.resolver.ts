import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import type { ClaimData } from '../claim/claim.mapper';
import { Claim } from '../claim/claim.type';
import type { FigureData } from '../figure/figure.mapper';
import { Figure } from '../figure/figure.type';
import { historyOf } from './history.reads';
import { Revision } from './history.type';

const HISTORY =
  'The versions, newest first, each with when it was recorded, by whom, why and what it changed. Reading the ' +
  'current state never reads them.';

@Resolver(() => Claim)
export class ClaimHistoryResolver {
  @FieldResolver(() => [Revision], { description: HISTORY })
  async history(@Root() claim: ClaimData, @Ctx() context: Context) {
    return historyOf(await context.loaders.history.revisions.load(claim.key));
  }
}

@Resolver(() => Figure)
export class FigureHistoryResolver {
  @FieldResolver(() => [Revision], { description: HISTORY })
  async history(@Root() figure: FigureData, @Ctx() context: Context) {
    return historyOf(await context.loaders.history.revisions.load(figure.key));
  }
}
