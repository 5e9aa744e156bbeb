import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole, type Viewer } from '../../auth';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { Context } from '../context';
import { mapClaim, type ClaimData } from '../claim/claim.mapper';
import { Claim } from '../claim/claim.type';
import { idOf } from '../common/global-id';
import { checkHttpUrl, cleanText } from '../common/input-validation';
import { mapFigure, type FigureData } from '../figure/figure.mapper';
import { Figure } from '../figure/figure.type';
import { mapSource, type SourceData } from '../source/source.mapper';
import { Source } from '../source/source.type';
import { CorrectClaimInput, CorrectFigureInput, RetractClaimInput, RetractSourceInput } from './corrections.inputs';
import { claimChanges, figureChanges, retractionChanges, retractionMark, type RetractionInput } from './corrections';
import { retractSource, writeVersion, type ChangeAuthor } from './history.writes';

const author = (viewer: Viewer, reason: string): ChangeAuthor => ({
  agent: viewer.name,
  agentRole: viewer.role,
  reason: cleanText(reason, 'input.reason', 2000),
});

const optional = <T>(value: T | null | undefined): T | undefined => (value == null ? undefined : value);

function retraction(
  viewer: Viewer,
  input: { reason: string; date?: string | null; evidence?: string | null },
): RetractionInput {
  const today = new Date().toISOString().slice(0, 10);
  if (input.date != null && input.date > today) {
    throw new BadUserInputError('a retraction cannot be dated in the future', 'input.date');
  }
  return {
    reason: cleanText(input.reason, 'input.reason', 2000),
    date: input.date ?? today,
    agent: viewer.name,
    evidence: input.evidence == null ? null : checkHttpUrl(input.evidence, 'input.evidence'),
  };
}

@Resolver()
export class CorrectionMutationResolver {
  @Mutation(() => Claim, {
    description:
      'Corrects a claim (editor role): a new version, with the reason, time and agent recorded; the old version ' +
      'stays in `history`. CONFLICT when `expectedVersion` is not the current version. One transaction.',
  })
  async correctClaim(
    @Arg('input', () => CorrectClaimInput) input: CorrectClaimInput,
    @Ctx() context: Context,
  ): Promise<ClaimData> {
    const viewer = requireRole(context.auth, 'editor');
    const key = idOf(input.claim, ['Claim'], 'input.claim');
    const by = author(viewer, input.reason);
    const correction = {
      text: input.text == null ? undefined : cleanText(input.text, 'input.text', 2000),
      kind: optional(input.kind),
      attribution: optional(input.attribution),
    };
    const written = await writeVersion(context.executor, {
      ...by,
      label: 'Claim',
      key,
      expectedVersion: input.expectedVersion,
      compute: claimChanges(correction),
      event: 'CLAIM_CORRECTED',
    });
    if (!written) throw new NotFoundError('Claim', input.claim);
    return mapClaim(written);
  }

  @Mutation(() => Figure, {
    description:
      'Corrects a figure (editor role) under the rules ingestion applies (value as written, unit, derivation, ' +
      'period grammar): a new version with reason, time and agent. CONFLICT when `expectedVersion` is not current.',
  })
  async correctFigure(
    @Arg('input', () => CorrectFigureInput) input: CorrectFigureInput,
    @Ctx() context: Context,
  ): Promise<FigureData> {
    const viewer = requireRole(context.auth, 'editor');
    const key = idOf(input.figure, ['Figure'], 'input.figure');
    const by = author(viewer, input.reason);
    const correction = {
      value: optional(input.value),
      qualifier: optional(input.qualifier),
      period: input.period == null ? undefined : cleanText(input.period, 'input.period', 64),
    };
    const written = await writeVersion(context.executor, {
      ...by,
      label: 'Figure',
      key,
      expectedVersion: input.expectedVersion,
      compute: figureChanges(correction),
      event: 'FIGURE_CORRECTED',
    });
    if (!written) throw new NotFoundError('Figure', input.figure);
    return mapFigure(written);
  }

  @Mutation(() => Claim, {
    description:
      'Marks a claim retracted by its speaker (editor role): it stays in the graph with the mark, as a new ' +
      'version; reviews and evidence of it stay readable. A reason is required.',
  })
  async retractClaim(
    @Arg('input', () => RetractClaimInput) input: RetractClaimInput,
    @Ctx() context: Context,
  ): Promise<ClaimData> {
    const viewer = requireRole(context.auth, 'editor');
    const key = idOf(input.claim, ['Claim'], 'input.claim');
    const mark = retraction(viewer, input);
    const written = await writeVersion(context.executor, {
      agent: viewer.name,
      agentRole: viewer.role,
      reason: mark.reason,
      label: 'Claim',
      key,
      expectedVersion: null,
      compute: retractionChanges(mark),
      event: 'CLAIM_RETRACTED',
    });
    if (!written) throw new NotFoundError('Claim', input.claim);
    return mapClaim(written);
  }

  @Mutation(() => Source, {
    description:
      'Marks a source retracted by its publisher (editor role): it and its claims stay in the graph, the source ' +
      'with the mark. A reason is required.',
  })
  async retractSource(
    @Arg('input', () => RetractSourceInput) input: RetractSourceInput,
    @Ctx() context: Context,
  ): Promise<SourceData> {
    const viewer = requireRole(context.auth, 'editor');
    const key = idOf(input.source, ['Source'], 'input.source');
    const written = await retractSource(context.executor, key, retractionMark(retraction(viewer, input)));
    if (!written) throw new NotFoundError('Source', input.source);
    return mapSource(written);
  }
}
