import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { BadUserInputError } from '../../errors';
import { draftAnnotation } from '../../extract/draft';
import { DraftInputError } from '../../extract/text-input';
import { checkUnicode } from '../common/input-validation';
import { DraftAnnotationInput } from './draft.inputs';
import { KnownEntityRepository } from './draft.repository';
import { DraftAnnotation } from './draft.type';

/**
 * Below the HTTP body limit (100 KiB) so that the refusal is this one, naming the field; a long
 * news article has about 20,000 characters.
 */
export const MAX_API_DRAFT_CHARS = 50_000;

@Resolver()
export class DraftMutationResolver {
  @Mutation(() => DraftAnnotation, {
    description:
      'Drafts an annotation from a raw text (editor role): body, claims with speakers, figures and entities, ' +
      'linked to the entities already in the graph. Writes nothing; review the YAML, then ingest it.',
  })
  async draftAnnotation(
    @Arg('input', () => DraftAnnotationInput) input: DraftAnnotationInput,
    @Ctx() context: Context,
  ): Promise<DraftAnnotation> {
    requireRole(context.auth, 'editor');
    // Before any work: a text this long is refused, not truncated.
    if (input.text.length > MAX_API_DRAFT_CHARS) {
      throw new BadUserInputError(
        `"input.text" has ${input.text.length} characters; at most ${MAX_API_DRAFT_CHARS} are accepted`,
        'input.text',
      );
    }
    const text = checkUnicode(input.text, 'input.text');
    const textFile = input.textFile ?? 'article.txt';
    // The YAML names the file beside it: a plain file name, never a path.
    if (!/^[\w.-]{1,100}\.txt$/.test(textFile) || textFile.startsWith('.')) {
      throw new BadUserInputError('"input.textFile" must be a plain file name ending in .txt', 'input.textFile');
    }
    const repository = new KnownEntityRepository(context.executor);
    const [known, takenIds] = await Promise.all([repository.all(), repository.takenIds()]);
    try {
      const result = draftAnnotation({
        name: 'input.text',
        text,
        meta: {
          title: input.title ?? undefined,
          publisher: input.publisher ?? undefined,
          publishedDate: input.publishedDate ?? undefined,
        },
        textFile,
        metaFile: textFile.replace(/\.txt$/, '') + '.meta.json',
        known,
        takenIds,
      });
      return { yaml: result.yaml, warnings: result.draft.warnings, items: result.items };
    } catch (error) {
      if (error instanceof DraftInputError) throw new BadUserInputError(error.problem, 'input.text');
      throw error;
    }
  }
}
