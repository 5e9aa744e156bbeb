import { Neo4jError } from 'neo4j-driver';

import { isUnavailable } from '../../src/db/executor';

const driverError = (code: string) => new Neo4jError('message', code, 'gql-status', 'description');

describe('which driver errors mean the database is unavailable', () => {
  it.each([
    'ServiceUnavailable',
    'SessionExpired',
    'N/A',
    'Neo.TransientError.General.DatabaseUnavailable',
    'Neo.TransientError.Transaction.Outdated',
    'Neo.DatabaseError.General.UnknownError',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    'Neo.ClientError.Transaction.TransactionTimedOut',
    'Neo.ClientError.Transaction.LockClientStopped',
    'Neo.ClientError.Transaction.Terminated',
  ])('%s is unavailability', (code) => {
    expect(isUnavailable(driverError(code))).toBe(true);
  });

  it.each([
    'Neo.ClientError.Statement.SyntaxError',
    'Neo.ClientError.Schema.ConstraintValidationFailed',
    'Neo.ClientError.Security.Unauthorized',
  ])('%s is a bug or misconfiguration, not unavailability', (code) => {
    expect(isUnavailable(driverError(code))).toBe(false);
  });

  it('ignores errors that do not come from the driver', () => {
    expect(isUnavailable(new Error('ServiceUnavailable'))).toBe(false);
  });
});
