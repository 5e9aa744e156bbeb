import { ArgsType, Field, Int } from 'type-graphql';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageRequest, type PageRequest, type SortValueKind } from './pagination';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return (0 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (`pageInfo.endCursor` of the previous page).',
  })
  after?: string | null;
}

export const toPageRequest = (args: ConnectionArgs, sortedBy: SortValueKind): PageRequest =>
  pageRequest(args.first, args.after, sortedBy);
