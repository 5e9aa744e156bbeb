import { Field, Float, ObjectType } from 'type-graphql';

import { Figure } from '../figure/figure.type';
import type { FigureData, PrefetchedFigure } from '../figure/figure.mapper';
import type { PrefetchedClaim } from './claim.repository';

@ObjectType({ description: 'Another figure of the same metric, compared with the one a claim cites.' })
export class FigureComparison {
  @Field(() => Figure, { description: 'The other figure.' })
  figure!: FigureData;

  @Field(() => Float, { description: "Other value minus cited value, in the metric's unit." })
  difference!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Difference relative to the cited value, in percent (null when the cited value is 0).',
  })
  relativeDifferencePercent!: number | null;
}

@ObjectType({
  description: 'A figure a claim cites, traced to its metric and compared with every other figure of that metric.',
})
export class FigureLineage {
  /** With its metric when the claim's lineage was fetched in one statement. */
  @Field(() => Figure, { description: 'The cited figure.' })
  figure!: PrefetchedFigure;
}

@ObjectType({
  description:
    'Everything a fact-checker follows from a claim, in one query: quote → source → publisher; speaker → role held; ' +
    'figures → metric → other figures; supporting and contradicting evidence; reviews.',
})
export class ClaimLineage {
  /** The claim traced; its `prefetched` neighbourhood, when fetched, answers the lineage's fields. */
  claim!: PrefetchedClaim;
}
