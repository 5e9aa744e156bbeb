import { randomUUID } from 'node:crypto';

import { ownedKey } from './source';

/** A node's caption: the claim text cut to 60 code points, with "…" when cut. */
export function claimName(text: string, max = 60): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Claims added through the API belong to no annotation file: their local key is "api-<uuid>". */
export const apiClaimKey = (sourceKey: string): string => ownedKey(sourceKey, `api-${randomUUID()}`);
