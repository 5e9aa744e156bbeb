import { Field, Float, ObjectType } from 'type-graphql';

import { Figure } from '../figure/figure.type';
import type { FigureData, PrefetchedFigure } from '../figure/figure.mapper';
import type { PrefetchedClaim } from './claim.repository';

@ObjectType({ description: 'Another figure of the same metric, compared with the one a claim cites.' })
export class FigureComparison {
  @Field(() => Figure, { description: 'The other figure.' })
  figure!: FigureData;

  @Field({
    description:
      'True when both figures can be right at once: same place, measure and period, another source, and the ' +
      'intervals their values and qualifiers allow intersect (exact 31 is [30.5, 31.5), "about" is ±5%, ' +
      '"exceeding 31" is (31, ∞)). False for a figure of another period or place, which checks nothing.',
  })
  consistent!: boolean;

  @Field({
    description:
      'Why, in words: both intervals and whether they meet, e.g. "\\"about 2.4\\" means [2.28, 2.52] (±5%) and ' +
      '\\"2.37\\" means [2.365, 2.375): they overlap, so both can be right.", or why the figure was not compared.',
  })
  reason!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "Other value minus cited value, in the metric's unit, computed exactly from the values as written; " +
      'null when either figure states no single value (a range, a ranking) or they measure different things.',
  })
  difference!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The difference as an exact decimal string, e.g. "0.7".',
  })
  exactDifference!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Difference relative to the cited value, in percent (null when the cited value is 0 or absent).',
  })
  relativeDifferencePercent!: number | null;
}

@ObjectType({
  description: 'A figure a claim cites, traced to its metric and compared with every other figure of that metric.',
})
export class FigureLineage {
  /** With its metric (and siblings, when asked for) when the claim's lineage was fetched in one statement. */
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
