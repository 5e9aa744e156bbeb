import type { GraphQLResolveInfo } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { NotFoundError } from '../../errors';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { idOf } from '../common/global-id';
import { checkRange, cleanText, MAX_QUERY_TEXT } from '../common/input-validation';
import { selectedFields } from '../common/selection';
import type { EntityData } from '../entities';
import { Figure } from '../figure/figure.type';
import { Metric } from '../metric/metric.type';
import { Role } from '../person/person.type';
import { Source } from '../source/source.type';
import { Speaker } from '../speaker/speaker.type';
import { Projection, Target } from '../target/target.type';
import { Topic } from '../topic/topic.type';
import { ClaimFilterInput } from './claim.inputs';
import { mapClaim, type ClaimData } from './claim.mapper';
import { checkAsOf, storedAt } from '../history/history.reads';
import type { ClaimFilter } from './claim.repository';
import type { PrefetchedClaim } from './lineage.repository';
import { Claim, ClaimConnection } from './claim.type';
import { EvidenceLink } from './evidence.type';
import { ClaimLineage } from './lineage.type';

const SPEAKER_TYPES = ['Person', 'Organization', 'VirtualPresenter'] as const;

/** Fields of ClaimLineage answered from the claim itself, without its neighbourhood. */
const LINEAGE_FIELDS_AT_HAND = new Set(['claim', 'quote', '__typename']);

/** Fields of FigureLineage that read the cited figure's siblings. */
const SIBLING_FIELDS = ['samePeriod', 'series', 'comparisons'];

/**
 * The loader of a lineage neighbourhood: with the cited figures' siblings when the figures of the
 * lineage at `lineagePath` ask for them, so those cost no statement of their own.
 */
function lineageLoader(context: Context, info: GraphQLResolveInfo, lineagePath: string[]) {
  const figureFields = selectedFields(info, [...lineagePath, 'figures']);
  return SIBLING_FIELDS.some((name) => figureFields.has(name))
    ? context.loaders.claims.withLineageAndSiblings
    : context.loaders.claims.withLineage;
}

/** Turns the public filter (global ids, enums) into the repository's (stored ids), checking every field. */
export function toClaimFilter(input: ClaimFilterInput | null | undefined): ClaimFilter {
  if (!input) return {};
  checkRange(input.period?.from, input.period?.to, 'filter.period');
  return {
    speaker: input.speaker == null ? undefined : idOf(input.speaker, SPEAKER_TYPES, 'filter.speaker'),
    source: input.source == null ? undefined : idOf(input.source, ['Source'], 'filter.source'),
    topic: input.topic == null ? undefined : idOf(input.topic, ['Topic'], 'filter.topic'),
    metric: input.metric == null ? undefined : idOf(input.metric, ['Metric'], 'filter.metric'),
    figure: input.figure == null ? undefined : idOf(input.figure, ['Figure'], 'filter.figure'),
    target: input.target == null ? undefined : idOf(input.target, ['Target'], 'filter.target'),
    kinds: input.kinds ?? undefined,
    attributions: input.attributions ?? undefined,
    periodFrom: input.period?.from ?? undefined,
    periodTo: input.period?.to ?? undefined,
    text: input.text == null ? undefined : cleanText(input.text, 'filter.text', MAX_QUERY_TEXT),
    basedOnDataOf:
      input.basedOnDataOf == null
        ? undefined
        : idOf(input.basedOnDataOf, ['Organization', 'Source'], 'filter.basedOnDataOf'),
  };
}

/** A connection over claims matching `filter`, loaded through the per-request batch loaders. */
export function claimConnection(context: Context, listKey: string, filter: ClaimFilter, args: ConnectionArgs) {
  const page = toPageRequest(args, 'key');
  return context.loaders.claims.pages
    .load({ key: listKey, filter, page })
    .then(
      (result) => new ClaimConnection(result, page.after !== null, () => context.loaders.claims.counts.load(filter)),
    );
}

const AS_OF =
  'The claim as stored at this moment (its own values; what it links to is read as it is now). BAD_USER_INPUT ' +
  'for a future moment or one before the claim was first written.';

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, {
    description: 'Claims in a stable order (by id), filtered and paged with keyset cursors.',
  })
  claims(
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Which claims to list.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, 'claims', toClaimFilter(filter), args);
  }

  @Query(() => Claim, { description: 'One claim by id. NOT_FOUND if there is none.' })
  async claim(
    @Arg('id', () => ID, { description: 'Global id of the claim.' }) id: string,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => DateTimeResolver, { nullable: true, description: AS_OF }) asOf?: Date | null,
  ): Promise<PrefetchedClaim> {
    const key = idOf(id, ['Claim']);
    if (asOf) {
      const at = checkAsOf(asOf);
      const found = await context.reads.asOf('Claim', key, at);
      if (!found) throw new NotFoundError('Claim', id);
      const stored = storedAt('Claim', at, found);
      if (stored) return mapClaim(stored);
    }
    // A fact-checker's question, "where does this come from": the claim and its lineage
    // neighbourhood in one statement instead of the claim first, then its neighbourhood. The claim
    // carries the neighbourhood in `prefetched`, for its own fields and its lineage's.
    const claim = selectedFields(info).has('lineage')
      ? await lineageLoader(context, info, ['lineage']).load(key)
      : await context.loaders.claims.byKey.load(key);
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'Who the claim is attributed to.' })
  speaker(@Root() claim: PrefetchedClaim, @Ctx() context: Context): EntityData | null | Promise<EntityData | null> {
    return claim.prefetched ? claim.prefetched.speaker : context.loaders.claims.speaker.load(claim.key);
  }

  @FieldResolver(() => Role, {
    nullable: true,
    description: 'The role the speaker held when making the claim, if recorded.',
  })
  role(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.role : context.loaders.claims.role.load(claim.key);
  }

  @FieldResolver(() => Source, { description: 'The source the claim was made in.' })
  source(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.source : context.loaders.claims.source.load(claim.key);
  }

  @FieldResolver(() => [Figure], { description: 'The figures the claim cites, in period order.' })
  figures(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.figures : context.loaders.claims.figures.load(claim.key);
  }

  @FieldResolver(() => [Metric], { description: 'The metrics the claim is about, directly or through its figures.' })
  metrics(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.metrics.load(claim.key);
  }

  @FieldResolver(() => [Target], { description: 'Targets the claim states.' })
  targets(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.targets.load(claim.key);
  }

  @FieldResolver(() => [Projection], { description: 'Projections the claim states.' })
  projections(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.projections.load(claim.key);
  }

  @FieldResolver(() => [Topic], { description: 'Topics the claim is about.' })
  topics(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.topics.load(claim.key);
  }

  @FieldResolver(() => [Topic], { description: 'For causal claims: what the claim names as causes.' })
  causes(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.causes.load(claim.key);
  }

  @FieldResolver(() => [Topic], { description: 'For causal claims: what the claim names as effects.' })
  effects(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.effects.load(claim.key);
  }

  @FieldResolver(() => [EvidenceLink], { description: 'Claims and figures that support or contradict this claim.' })
  evidence(@Root() claim: PrefetchedClaim, @Ctx() context: Context) {
    return claim.prefetched ? claim.prefetched.evidence : context.loaders.claims.evidence.load(claim.key);
  }

  @FieldResolver(() => [EvidenceLink], { description: 'Claims this claim itself supports or contradicts.' })
  bearsOn(@Root() claim: ClaimData, @Ctx() context: Context) {
    return context.loaders.claims.backs.load(claim.key);
  }

  @FieldResolver(() => ClaimLineage, { description: 'Where the claim comes from and what it rests on, in one object.' })
  async lineage(
    @Root() claim: PrefetchedClaim,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClaimLineage> {
    // claim(id) fetched the neighbourhood with the claim. Elsewhere one batched statement fetches it
    // for every claim of the level, unless the lineage asks only for what the claim itself holds.
    if (claim.prefetched) return { claim };
    const needsNeighbourhood = [...selectedFields(info)].some((name) => !LINEAGE_FIELDS_AT_HAND.has(name));
    const traced = needsNeighbourhood ? await lineageLoader(context, info, []).load(claim.key) : undefined;
    return { claim: traced ?? claim };
  }
}
