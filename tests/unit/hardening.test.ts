import { graphql, type GraphQLSchema } from 'graphql';

import { createContext } from '../../src/context';
import type { Executor } from '../../src/db/executor';
import { createSchema } from '../../src/schema';

/**
 * Issue #12's request, executed against the real schema with no database: the input is refused
 * before any statement could run. The executor fails the test if anything reaches it.
 */
const CRASHING_REQUEST = `mutation {
  addSource(input: {
    kind: "interview", language: "en", publishedDate: "9999-12-31",
    publisher: "T3JnYW5pemF0aW9uOmNndG4",
    text: "新能源汽车 sales passed 31 percent in 2023. 👍🏽 End of article.",
    title: "t", url: "https://example.org/fuzz",
    bodyStartsWith: ""
  }) { kind }
}`;

function unreachableExecutor(): Executor {
  const refuse = () => {
    throw new Error('no statement may run for refused input');
  };
  const executor = { read: refuse, write: refuse, withObserver: () => executor, withBookmarks: () => executor };
  return executor as unknown as Executor;
}

describe("issue #12's request without a database", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it.each([
    ['bodyStartsWith', CRASHING_REQUEST],
    ['bodyEndsWith', CRASHING_REQUEST.replace('bodyStartsWith', 'bodyEndsWith')],
  ])('refuses an empty %s with BAD_USER_INPUT naming the field', async (field, source) => {
    const contextValue = createContext(unreachableExecutor(), {
      viewer: { name: 'unit', role: 'editor' },
      failure: null,
    });
    const result = await graphql({ schema, source, contextValue });
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: `input.${field}` },
    ]);
    expect(contextValue.queries).toEqual([]);
  });
});
