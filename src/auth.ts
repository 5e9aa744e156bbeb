import { createHash, timingSafeEqual } from 'node:crypto';

import { ForbiddenError, UnauthenticatedError } from './errors';

export type Role = 'editor' | 'reviewer';

/** Editors add sources, claims and evidence; reviewers may also publish reviews (verdicts). */
const GRANTS: Record<Role, readonly Role[]> = { editor: ['editor'], reviewer: ['editor', 'reviewer'] };

export interface ApiToken {
  name: string;
  role: Role;
  token: string;
}

export interface Viewer {
  name: string;
  role: Role;
}

/** Who a request says it is: a viewer, nobody (no header), or a credential that failed. */
export type Authentication = { viewer: Viewer | null; failure: string | null };

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares digests in constant time, so response timing does not reveal how much of a token matched. */
export function createAuthenticator(tokens: readonly ApiToken[]) {
  const known = tokens.map((token) => ({ ...token, digest: digest(token.token) }));
  return (authorization: string | undefined): Authentication => {
    if (authorization === undefined || authorization.trim() === '') return { viewer: null, failure: null };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return { viewer: null, failure: 'The Authorization header must be "Bearer <token>"' };
    const presented = digest(match[1] as string);
    const found = known.find((token) => timingSafeEqual(token.digest, presented));
    return found
      ? { viewer: { name: found.name, role: found.role }, failure: null }
      : { viewer: null, failure: 'The bearer token is not valid' };
  };
}

/** Throws UNAUTHENTICATED without a valid token and FORBIDDEN when the token's role lacks `role`. */
export function requireRole(authentication: Authentication, role: Role): Viewer {
  const { viewer, failure } = authentication;
  if (!viewer) throw new UnauthenticatedError(failure ?? 'This operation needs a bearer token');
  if (!GRANTS[viewer.role].includes(role)) {
    throw new ForbiddenError(`This operation needs the ${role} role; the token has the ${viewer.role} role`);
  }
  return viewer;
}
