import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import { provenanceLinks } from '../../domain/provenance';
import { BadUserInputError } from '../../errors';
import type { Context } from '../context';
import { fromGlobalId, idOf } from '../common/global-id';
import { missingReference } from '../common/lookup';
import { LinkProvenanceInput } from './provenance.inputs';
import { ProvenanceLink } from './provenance.type';
import { ProvenanceWriter, type ProvenanceLinkData } from './provenance.writes';

/** A global id that must name one of `types`, as the type and key the writer matches. */
function endOf(id: string, types: readonly string[], field: string) {
  const key = idOf(id, types, field);
  return { label: fromGlobalId(id, field).type, key };
}

@Resolver()
export class ProvenanceMutationResolver {
  @Mutation(() => ProvenanceLink, {
    description:
      'Records where data comes from (editor role): who produced a figure or claim, who relayed it, what a source ' +
      'republishes or cites. One transaction; linking again changes nothing. A second producer, a self-link or a ' +
      'loop of republications is refused with BAD_USER_INPUT; a missing node gives NOT_FOUND.',
  })
  async linkProvenance(
    @Arg('input', () => LinkProvenanceInput) input: LinkProvenanceInput,
    @Ctx() context: Context,
  ): Promise<ProvenanceLinkData> {
    const viewer = requireRole(context.auth, 'editor');
    const allowed = provenanceLinks[input.relation];
    const position = input.position ?? null;
    if (position !== null && (input.relation !== 'RELAYED_BY' || position < 0)) {
      throw new BadUserInputError(
        '"input.position" is a place (0 or more) in a RELAYED_BY chain only',
        'input.position',
      );
    }
    const result = await new ProvenanceWriter(context.executor).link(
      {
        type: input.relation,
        from: endOf(input.from, allowed.from, 'input.from'),
        to: endOf(input.to, allowed.to, 'input.to'),
        position,
      },
      viewer.name,
    );
    if ('refused' in result) throw new BadUserInputError(result.refused, 'input.to');
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
