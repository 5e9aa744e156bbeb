import { createAuthenticator, requireRole } from '../../src/auth';
import { ErrorCode } from '../../src/errors';
import { codeThrownBy } from '../support/errors';

const authenticate = createAuthenticator([
  { role: 'editor', name: 'ed', token: 'editor-token-0001' },
  { role: 'reviewer', name: 'rev', token: 'reviewer-token-01' },
]);

describe('bearer authentication', () => {
  it('knows a valid token and nobody without a header', () => {
    expect(authenticate('Bearer editor-token-0001')).toEqual({ viewer: { name: 'ed', role: 'editor' }, failure: null });
    expect(authenticate(undefined)).toEqual({ viewer: null, failure: null });
  });

  it('reports a wrong token and a header that is not a bearer token', () => {
    expect(authenticate('Bearer editor-token-0002')).toEqual({
      viewer: null,
      failure: 'The bearer token is not valid',
    });
    expect(authenticate('Basic dXNlcjpwYXNz').failure).toMatch(/Bearer <token>/);
  });

  it('requires a token for writes and the reviewer role for reviews', () => {
    expect(codeThrownBy(() => requireRole(authenticate(undefined), 'editor'))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(codeThrownBy(() => requireRole(authenticate('Bearer nope-nope-nope'), 'editor'))).toBe(
      ErrorCode.UNAUTHENTICATED,
    );
    expect(codeThrownBy(() => requireRole(authenticate('Bearer editor-token-0001'), 'reviewer'))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(requireRole(authenticate('Bearer reviewer-token-01'), 'editor')).toEqual({ name: 'rev', role: 'reviewer' });
  });
});
