import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

import { encodeCursor, type Page } from './pagination';

@ObjectType({ description: 'Where a page of a connection stands in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when another page follows; fetch it with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was fetched with `after` (a page precedes it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass it as `after` for the next page.',
  })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: Promise<number>;
}

/**
 * A Relay connection type for `nodeType`, named `<Name>Connection` with `<Name>Edge` edges.
 * `totalCount` is a getter over a count query, so the count runs only when a client asks for it.
 * `T` is the domain data the repository returns for `nodeType` (e.g. ClaimData for Claim).
 */
export function ConnectionType<T>(nodeType: ClassType, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with the cursor that points at it.` })
  class EdgeClass {
    @Field({ description: 'Opaque keyset cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items in a stable order.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeClass], { description: 'The items of this page, each with its cursor.' })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    constructor(
      page: Page<T>,
      hadCursor: boolean,
      private readonly count: () => Promise<number>,
    ) {
      this.edges = page.items.map((node) => ({ cursor: encodeCursor(page.keysetOf(node)), node }));
      this.pageInfo = {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: hadCursor,
        startCursor: this.edges[0]?.cursor ?? null,
        endCursor: this.edges[this.edges.length - 1]?.cursor ?? null,
      };
    }

    @Field(() => Int, { description: 'How many items match in all pages together (computed only when asked).' })
    get totalCount(): Promise<number> {
      return this.count();
    }
  }

  return ConnectionClass;
}
