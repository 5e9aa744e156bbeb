import { BadUserInputError } from '../../errors';

/**
 * Global ids in the Relay manner: base64url("<Type>:<key>"), the key being the stored id. Opaque
 * to clients, and they say which type they belong to, so `Query.node(id)` and id arguments can
 * reject a wrong kind.
 */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The type and key (stored id) behind a global id, or undefined when it is not one. */
export function parseGlobalId(globalId: string): { type: string; key: string } | undefined {
  const decoded = /^[A-Za-z0-9_-]{1,2048}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  if (separator <= 0 || separator === decoded.length - 1) return undefined;
  return { type: decoded.slice(0, separator), key: decoded.slice(separator + 1) };
}

export function fromGlobalId(globalId: string, field = 'id'): { type: string; key: string } {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`"${field}" is not a valid id`, field);
  return parsed;
}

/** Decodes a global id that must name one of `types`; returns its key (the stored id). */
export function idOf(globalId: string, types: readonly string[], field = 'id'): string {
  const decoded = fromGlobalId(globalId, field);
  if (!types.includes(decoded.type)) {
    throw new BadUserInputError(
      `"${field}" must be the id of a ${types.join(' or ')}, not of a ${decoded.type}`,
      field,
    );
  }
  return decoded.key;
}
