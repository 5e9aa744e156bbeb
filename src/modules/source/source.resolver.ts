import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { requireRole } from '../../auth';

import type { Context } from '../context';
import { BadUserInputError } from '../../errors';
import { anchorQuote, codePointLength, describeAnchorFailure } from '../../ingest/anchor';
import { sha256 } from '../../ingest/compile';
import { claimConnection, toClaimFilter } from '../claim/claim.resolver';
import { ClaimFilterInput } from '../claim/claim.inputs';
import { ClaimConnection } from '../claim/claim.type';
import { ConnectionArgs, toPageRequest } from '../common/connection.args';
import { idOf } from '../common/global-id';
import { checkHttpUrl, checkUnicode, cleanText } from '../common/input-validation';
import { findByGlobalId, missingReference } from '../common/lookup';
import { Node } from '../common/node.type';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';
import { Speaker } from '../speaker/speaker.type';
import { AddSourceInput } from './source.inputs';
import type { PrefetchedSource, SourceData } from './source.mapper';
import { Source, SourceConnection } from './source.type';
import { SourceWriter } from './source.writes';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources, newest first, paged with keyset cursors.' })
  async sources(@Args() args: ConnectionArgs, @Ctx() context: Context) {
    const page = toPageRequest(args, 'date');
    const sources = context.reads.sources;
    return new SourceConnection(await sources.page(page), page.after !== null, () => sources.count());
  }

  @Query(() => Source, { description: 'One source by id. NOT_FOUND if there is none.' })
  source(@Arg('id', () => ID, { description: 'Global id of the source.' }) id: string, @Ctx() context: Context) {
    return findByGlobalId(id, 'Source', (key) => context.loaders.sources.byKey.load(key));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who published the source.' })
  publisher(@Root() source: PrefetchedSource, @Ctx() context: Context) {
    return source.prefetched ? source.prefetched.publisher : context.loaders.sources.publisher.load(source.key);
  }

  @FieldResolver(() => Speaker, { nullable: true, description: 'For interviews: who conducted the interview.' })
  interviewer(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.interviewer.load(source.key);
  }

  @FieldResolver(() => [Person], { description: 'For interviews: who was interviewed.' })
  interviewees(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.interviewees.load(source.key);
  }

  @FieldResolver(() => [Node], {
    description: 'Entities the text mentions outside any claim (e.g. a related-video caption).',
  })
  mentions(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.mentions.load(source.key);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims made in this source, filtered and paged.' })
  claims(
    @Root() source: SourceData,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ClaimFilterInput, { nullable: true, description: 'Narrows the claims further.' })
    filter: ClaimFilterInput | null,
    @Ctx() context: Context,
  ) {
    return claimConnection(context, `source:${source.key}`, { ...toClaimFilter(filter), source: source.key }, args);
  }
}

const SOURCE_KINDS = ['article', 'interview', 'report', 'speech'];

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
    const text = checkUnicode(input.text, 'input.text');
    if (text.trim() === '') throw new BadUserInputError('"input.text" must not be empty', 'input.text');
    if (!SOURCE_KINDS.includes(input.kind)) {
      throw new BadUserInputError(`"input.kind" must be one of ${SOURCE_KINDS.join(', ')}`, 'input.kind');
    }
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(input.language)) {
      throw new BadUserInputError('"input.language" must be a BCP 47 language tag such as "en"', 'input.language');
    }
    const bodyAnchor = (phrase: string | null | undefined, field: string) => {
      if (phrase == null) return undefined;
      if (phrase.trim() === '') throw new BadUserInputError(`"${field}" must not be empty`, field);
      const anchored = anchorQuote(text, phrase);
      if (!anchored.ok) throw new BadUserInputError(describeAnchorFailure(anchored.failure), field);
      return anchored.anchor;
    };
    const length = codePointLength(text);
    const bodyStart = bodyAnchor(input.bodyStartsWith, 'input.bodyStartsWith')?.start ?? 0;
    const bodyEnd = bodyAnchor(input.bodyEndsWith, 'input.bodyEndsWith')?.end ?? length;
    if (bodyEnd <= bodyStart) throw new BadUserInputError('the body must end after it starts', 'input.bodyEndsWith');
    const contentHash = sha256(text);
    const result = await new SourceWriter(context.executor).create(
      {
        key: `source-${contentHash.slice(0, 16)}`,
        title: cleanText(input.title, 'input.title', 500),
        kind: input.kind,
        referenceOnly: false,
        url: checkHttpUrl(input.url, 'input.url'),
        publishedDate: input.publishedDate,
        language: input.language,
        text,
        contentHash,
        length,
        bodyStart,
        bodyEnd,
      },
      idOf(input.publisher, ['Organization'], 'input.publisher'),
      viewer.name,
    );
    if ('exists' in result) throw new BadUserInputError('a source with the same text already exists', 'input.text');
    if (!result.ok) throw missingReference(result.missing);
    return result.value;
  }
}
