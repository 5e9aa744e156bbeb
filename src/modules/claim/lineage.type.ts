import { Field, Float, ObjectType } from 'type-graphql';

import { Figure } from '../figure/figure.type';
import type { ClaimData } from './claim.mapper';
import type { FigureData } from '../figure/figure.mapper';

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
  @Field(() => Figure, { description: 'The cited figure.' })
  figure!: FigureData;
}

@ObjectType({
  description:
    'Everything a fact-checker follows from a claim, in one query: quote → source → publisher; speaker → role held; ' +
    'figures → metric → other figures; supporting and contradicting evidence; reviews.',
})
export class ClaimLineage {
  claim!: ClaimData;
}
