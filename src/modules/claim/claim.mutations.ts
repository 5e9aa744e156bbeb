import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { BadUserInputError } from '../../errors';
import { anchorInBody } from '../../domain/anchor';
import { fromGlobalId, idOf } from '../common/global-id';
import { checked, checkUnicode, cleanText, idList } from '../common/input-validation';
import { findByGlobalId, missingReference } from '../common/lookup';
import type { ClaimData } from './claim.mapper';
import { AddClaimInput, LinkEvidenceInput } from './claim.inputs';
import { Claim } from './claim.type';
import { ClaimWriter } from './claim.writes';

const SPEAKER_TYPES = ['Person', 'Organization', 'VirtualPresenter'];

@Resolver()
export class ClaimMutationResolver {
  @Mutation(() => Claim, {
    description:
      'Adds a claim to a source (editor role). The quote must occur in the source body; its offsets are computed ' +
      'in Unicode code points. One transaction: nothing is written on any error.',
  })
  async addClaim(@Arg('input', () => AddClaimInput) input: AddClaimInput, @Ctx() context: Context): Promise<ClaimData> {
    const viewer = requireRole(context.auth, 'editor');
    const source = await findByGlobalId(input.source, 'Source', (key) => context.loaders.sources.byKey.load(key));
    // The quote is matched character for character: no trimming or normalization.
    const quote = checkUnicode(input.quote, 'input.quote');
    if (source.text === null || source.bodyStart === null || source.bodyEnd === null) {
      throw new BadUserInputError('the source is recorded by its facts only: it has no text to quote', 'input.source');
    }
    const body = { start: source.bodyStart, end: source.bodyEnd };
    const anchor = checked(anchorInBody(source.text, body, quote, input.occurrence ?? undefined), 'input');
    const result = await new ClaimWriter(context.executor).create({
      sourceKey: source.key,
      text: cleanText(input.text, 'input.text', 2000),
      kind: input.kind,
      attribution: input.attribution,
      speakerKey: idOf(input.speaker, SPEAKER_TYPES, 'input.speaker'),
      roleKey: input.role == null ? null : idOf(input.role, ['Role'], 'input.role'),
      quote: anchor,
      figureKeys: idList(input.figures, 'input.figures', 50, (id, field) => idOf(id, ['Figure'], field)),
      topicKeys: idList(input.topics, 'input.topics', 50, (id, field) => idOf(id, ['Topic'], field)),
      metricKeys: idList(input.metrics, 'input.metrics', 50, (id, field) => idOf(id, ['Metric'], field)),
      addedBy: viewer.name,
    });
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }

  @Mutation(() => Claim, {
    description:
      'Links a claim or figure as evidence that supports or contradicts a claim (editor role); returns the claim. ' +
      'Linking again updates the note of your link.',
  })
  async linkEvidence(
    @Arg('input', () => LinkEvidenceInput) input: LinkEvidenceInput,
    @Ctx() context: Context,
  ): Promise<ClaimData> {
    const viewer = requireRole(context.auth, 'editor');
    const claimKey = idOf(input.claim, ['Claim'], 'input.claim');
    const evidence = fromGlobalId(input.evidence, 'input.evidence');
    if (evidence.type !== 'Claim' && evidence.type !== 'Figure') {
      throw new BadUserInputError('"input.evidence" must be the id of a Claim or Figure', 'input.evidence');
    }
    if (evidence.type === 'Claim' && evidence.key === claimKey) {
      throw new BadUserInputError('a claim cannot be evidence for itself', 'input.evidence');
    }
    const result = await new ClaimWriter(context.executor).linkEvidence({
      claimKey,
      evidenceKey: evidence.key,
      evidenceLabel: evidence.type,
      stance: input.stance,
      note: input.note == null ? null : cleanText(input.note, 'input.note', 2000),
      addedBy: viewer.name,
    });
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
