import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import type { Context } from '../context';
import { BadUserInputError } from '../../errors';
import { cleanText, MAX_QUERY_TEXT } from '../common/input-validation';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { SearchResult } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description: 'Full-text search over claims (text and quote) and entities (names), by relevance.',
  })
  search(
    @Arg('query', { description: 'Words to look for; matched as plain words (no query syntax).' }) query: string,
    @Arg('first', () => Int, { defaultValue: 10, description: `How many results (1 to ${MAX_PAGE_SIZE}).` })
    first: number,
    @Ctx() context: Context,
  ) {
    if (first < 1 || first > MAX_PAGE_SIZE)
      throw new BadUserInputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
    return context.reads.search(cleanText(query, 'query', MAX_QUERY_TEXT), first);
  }
}
