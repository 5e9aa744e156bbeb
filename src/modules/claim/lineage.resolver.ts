import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import type { PrefetchedFigure } from '../figure/figure.mapper';
import { Metric } from '../metric/metric.type';
import { Organization } from '../organization/organization.type';
import { Role } from '../person/person.type';
import { Review } from '../review/review.type';
import { Source } from '../source/source.type';
import { Speaker } from '../speaker/speaker.type';
import type { PrefetchedClaim } from './lineage.repository';
import { Claim, TextQuote } from './claim.type';
import { EvidenceLink } from './evidence.type';
import { compareFigures, type FigureComparisonData } from './figure-comparison';
import { ClaimLineage, FigureComparison, FigureLineage, ProvenanceHop } from './lineage.type';
import { Stance } from '../common/enums';

/** A figure's siblings as the lineage fetched them with the claim, else through their loader. */
const siblingsOf = (figure: PrefetchedFigure, context: Context) =>
  figure.prefetched?.siblings ?? context.loaders.figures.siblings.load(figure.key);

const evidenceOf = (claim: PrefetchedClaim, context: Context) =>
  claim.prefetched ? claim.prefetched.evidence : context.loaders.claims.evidence.load(claim.key);

/**
 * Every field reads the neighbourhood the claim carries in `prefetched`, which claim(id) or
 * Claim.lineage fetched with it (CLAIM_LINEAGES, one statement); a claim without one (Claim.lineage
 * skips the fetch when only the claim and its quote are asked for) falls back to the loaders.
 */
@Resolver(() => ClaimLineage)
export class ClaimLineageResolver {
  @FieldResolver(() => Claim, { description: 'The claim traced.' })
  claim(@Root() lineage: ClaimLineage) {
    return lineage.claim;
  }

  @FieldResolver(() => TextQuote, { description: 'The exact words in the source, with offsets, prefix and suffix.' })
  quote(@Root() lineage: ClaimLineage) {
    return lineage.claim.quote;
  }

  @FieldResolver(() => Source, { description: 'The source the quote is anchored in.' })
  source(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.source : context.loaders.claims.source.load(claim.key);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who published the source.' })
  async publisher(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    if (claim.prefetched) return claim.prefetched.publisher;
    const source = await context.loaders.claims.source.load(claim.key);
    return source ? context.loaders.sources.publisher.load(source.key) : null;
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'Who made the claim.' })
  speaker(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.speaker : context.loaders.claims.speaker.load(claim.key);
  }

  @FieldResolver(() => Role, {
    nullable: true,
    description: "The role the speaker held at the source's date, as the source presents the speaker.",
  })
  role(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.role : context.loaders.claims.role.load(claim.key);
  }

  @FieldResolver(() => [FigureLineage], {
    description: "Each cited figure, with its metric and the metric's other figures.",
  })
  async figures(@Root() { claim }: ClaimLineage, @Ctx() context: Context): Promise<FigureLineage[]> {
    const figures = claim.prefetched ? claim.prefetched.figures : await context.loaders.claims.figures.load(claim.key);
    return figures.map((figure) => ({ figure }));
  }

  @FieldResolver(() => [EvidenceLink], { description: 'Claims and figures that support the claim.' })
  async supporting(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    const links = await evidenceOf(claim, context);
    return links.filter((link) => link.stance === Stance.SUPPORTS);
  }

  @FieldResolver(() => [EvidenceLink], { description: 'Claims and figures that contradict the claim.' })
  async contradicting(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    const links = await evidenceOf(claim, context);
    return links.filter((link) => link.stance === Stance.CONTRADICTS);
  }

  @FieldResolver(() => [ProvenanceHop], {
    description:
      'The chain from the quote back to the earliest known origin: QUOTED_IN (the source and speaker), then ' +
      "RELAYED_BY (the claim's relays, then each cited figure's, nearest the quote first), REPUBLISHES and " +
      "CITES (earlier sources, nearest first), PRODUCED_BY (who produced the data, a derived figure's inputs " +
      'included). Each hop carries its evidence: a quote, or the locator of a figure in a dataset.',
  })
  async provenance(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    const traced = claim.prefetched ? claim : await context.loaders.claims.withLineage.load(claim.key);
    return traced?.prefetched?.provenance ?? [];
  }

  @FieldResolver(() => [Review], {
    description: 'Reviews (verdicts) of the claim, newest first, each with its evidence.',
  })
  reviews(@Root() { claim }: ClaimLineage, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.reviews : context.loaders.reviews.ofClaim.load(claim.key);
  }
}

@Resolver(() => FigureLineage)
export class FigureLineageResolver {
  @FieldResolver(() => Metric, { nullable: true, description: 'The metric the figure measures.' })
  metric(@Root() { figure }: FigureLineage, @Ctx() context: Context) {
    return figure.prefetched ? figure.prefetched.metric : context.loaders.figures.metric.load(figure.key);
  }

  @FieldResolver(() => [FigureComparison], {
    description:
      'Figures of the same metric, place, measure and period from other sources, each checked for consistency ' +
      'with the cited figure: what a fact-checker reads first.',
  })
  async samePeriod(@Root() { figure }: FigureLineage, @Ctx() context: Context): Promise<FigureComparisonData[]> {
    const siblings = await siblingsOf(figure, context);
    return siblings.filter((sibling) => sibling.relation === 'same-period').map((s) => compareFigures(figure, s));
  }

  @FieldResolver(() => [FigureComparison], {
    description:
      'The same metric, place and measure for other periods, in period order, with the exact difference from the ' +
      'cited value: the series the cited figure belongs to.',
  })
  async series(@Root() { figure }: FigureLineage, @Ctx() context: Context): Promise<FigureComparisonData[]> {
    const siblings = await siblingsOf(figure, context);
    return siblings.filter((sibling) => sibling.relation === 'other-period').map((s) => compareFigures(figure, s));
  }

  @FieldResolver(() => [FigureComparison], {
    deprecationReason: 'Use samePeriod (checked for consistency) and series (other periods) instead.',
    description:
      'Every other figure of the same metric in the graph, in period order, with its difference from the cited value.',
  })
  async comparisons(@Root() { figure }: FigureLineage, @Ctx() context: Context): Promise<FigureComparisonData[]> {
    const siblings = await siblingsOf(figure, context);
    return siblings.map((sibling) => compareFigures(figure, sibling));
  }
}
