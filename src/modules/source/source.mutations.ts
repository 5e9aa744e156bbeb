import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { requireRole } from '../../auth';
import type { Context } from '../context';
import { newSource } from '../../domain/source';
import { BadUserInputError } from '../../errors';
import { idOf } from '../common/global-id';
import { checked, checkHttpUrl, checkUnicode, cleanText } from '../common/input-validation';
import { missingReference } from '../common/lookup';
import { AddSourceInput } from './source.inputs';
import type { SourceData } from './source.mapper';
import { Source } from './source.type';
import { SourceWriter } from './source.writes';

@Resolver()
export class SourceMutationResolver {
  @Mutation(() => Source, {
    description: 'Adds a source document (editor role). The text is stored unchanged; its id derives from its content.',
  })
  async addSource(
    @Arg('input', () => AddSourceInput) input: AddSourceInput,
    @Ctx() context: Context,
  ): Promise<SourceData> {
    const viewer = requireRole(context.auth, 'editor');
    const source = checked(
      newSource({
        title: cleanText(input.title, 'input.title', 500),
        kind: input.kind,
        url: checkHttpUrl(input.url, 'input.url'),
        publishedDate: input.publishedDate,
        language: input.language,
        text: checkUnicode(input.text, 'input.text'),
        bodyStartsWith: input.bodyStartsWith ?? undefined,
        bodyEndsWith: input.bodyEndsWith ?? undefined,
      }),
      'input',
    );
    const publisherKey = idOf(input.publisher, ['Organization'], 'input.publisher');
    const result = await new SourceWriter(context.executor).create(source, publisherKey, viewer.name);
    if ('exists' in result) throw new BadUserInputError('a source with the same text already exists', 'input.text');
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
