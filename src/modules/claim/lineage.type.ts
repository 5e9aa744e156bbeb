import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

import { Figure } from '../figure/figure.type';
import type { FigureData, PrefetchedFigure } from '../figure/figure.mapper';
import { Node } from '../common/node.type';
import type { EntityData } from '../entities';
import { Source } from '../source/source.type';
import type { SourceData } from '../source/source.mapper';
import { TextQuote } from './claim.type';
import type { TextQuoteData } from './claim.mapper';
import type { PrefetchedClaim } from './lineage.repository';

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

export enum ProvenanceRelation {
  QUOTED_IN = 'QUOTED_IN',
  RELAYED_BY = 'RELAYED_BY',
  REPUBLISHES = 'REPUBLISHES',
  CITES = 'CITES',
  PRODUCED_BY = 'PRODUCED_BY',
}

registerEnumType(ProvenanceRelation, {
  name: 'ProvenanceRelation',
  description: 'How one step of a provenance chain leads further back towards the origin.',
  valuesConfig: {
    QUOTED_IN: { description: 'The claim is quoted in `source`, said by `agent`.' },
    RELAYED_BY: { description: '`agent` passed the claim or `figure` on (a speaker, an outlet, a report).' },
    REPUBLISHES: { description: "The claim's source republishes `source`, published by `agent`." },
    CITES: { description: "The claim's source (or one it republishes) cites `source`, published by `agent`." },
    PRODUCED_BY: { description: '`agent` produced the data: an organisation, or a dataset or report source.' },
  },
});

@ObjectType({ description: "One step from a claim's quote back towards where its data comes from, with its evidence." })
export class ProvenanceHop {
  @Field(() => ProvenanceRelation, { description: 'What the step is.' })
  relation!: ProvenanceRelation;

  @Field(() => Node, {
    nullable: true,
    description: 'Who: the speaker, a relay, the publisher of an earlier source, or the producer of the data.',
  })
  agent!: EntityData | null;

  @Field(() => Source, {
    nullable: true,
    description: 'The source the step is evidenced in, or leads to (an earlier source, a dataset).',
  })
  source!: SourceData | null;

  @Field(() => TextQuote, { nullable: true, description: 'The evidence: the words that state the step.' })
  quote!: TextQuoteData | null;

  @Field(() => String, {
    nullable: true,
    description: 'The evidence for a figure located in a dataset or report: where it is ("table 1").',
  })
  locator!: string | null;

  @Field(() => Figure, {
    nullable: true,
    description: "The figure the step traces (a cited figure or a derived figure's input); null for the claim's own.",
  })
  figure!: FigureData | null;
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
