import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Context } from '../context';
import { toGlobalId } from '../common/global-id';
import type { SourceData } from './source.mapper';
import { Source } from './source.type';

/** The JSON-LD export of a source (src/export/routes.ts), which accepts the global id. */
export const exportPathOf = (source: SourceData): string => `/sources/${toGlobalId('Source', source.key)}.jsonld`;

/** How a source stands to other sources: what it republishes and cites, who republishes it. */
@Resolver(() => Source)
export class SourceProvenanceResolver {
  @FieldResolver(() => [Source], { description: 'Sources this one republishes, in whole or in part; oldest first.' })
  republishes(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.republishes.load(source.key);
  }

  @FieldResolver(() => [Source], { description: 'Sources this one cites (datasets, reports, articles); oldest first.' })
  cites(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.cites.load(source.key);
  }

  @FieldResolver(() => [Source], { description: 'Sources that republish this one; oldest first.' })
  republishedBy(@Root() source: SourceData, @Ctx() context: Context) {
    return context.loaders.sources.republishedBy.load(source.key);
  }

  @FieldResolver(() => String, {
    description:
      "The source's graph as JSON-LD (schema.org, W3C Web Annotation, PROV-O): a path on this service, e.g. " +
      '"/sources/U291cmNlOi4uLg.jsonld", to resolve against the URL the API is served from.',
  })
  exportUrl(@Root() source: SourceData): string {
    return exportPathOf(source);
  }
}
