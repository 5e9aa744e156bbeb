import { GraphQLError } from 'graphql';

import { createErrorFormatter, ErrorCode, HttpError, NotFoundError, ServiceUnavailableError } from '../../src/errors';

describe('the error formatter', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter((error) => logged.push(error));

  beforeEach(() => {
    logged.length = 0;
  });

  it('passes our errors through with their code and details', () => {
    const error = new GraphQLError('x', { originalError: new NotFoundError('Claim', 'abc') });
    expect(format({ message: 'x' }, error)).toEqual({
      message: 'Claim "abc" was not found',
      extensions: { code: 'NOT_FOUND', id: 'abc' },
    });
    expect(format({ message: 'x' }, new ServiceUnavailableError()).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(logged).toEqual([]);
  });

  it("keeps an HttpError's status for Apollo but out of the client's extensions", () => {
    const error = new HttpError('bad header', ErrorCode.BAD_USER_INPUT, 400, { field: 'Neo4j-Bookmarks' });
    expect(error.extensions.http).toEqual({ status: 400 });
    expect(format({ message: 'bad header' }, error)).toEqual({
      message: 'bad header',
      extensions: { code: 'BAD_USER_INPUT', field: 'Neo4j-Bookmarks' },
    });
  });

  it('masks unexpected errors, Cypher and driver messages included, and logs them', () => {
    const driverError = new Error('Invalid input: MATCH (c:Claim) WHERE ... at line 3');
    const formatted = format(
      {
        message: driverError.message,
        path: ['claims'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      new GraphQLError(driverError.message, { originalError: driverError }),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['claims'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/MATCH|stack/);
    expect(logged).toEqual([driverError]);
  });

  it('keeps the framework codes of client mistakes, without anything else', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      format({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', extra: 1 } }, error),
    ).toEqual({
      message: error.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
