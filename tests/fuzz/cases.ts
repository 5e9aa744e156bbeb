import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';

import {
  operationFor,
  printOperation,
  rootFields,
  type FieldPlan,
  type GeneratedOperation,
  type RootField,
} from './operations';
import { DEGENERATE_STRINGS, type Dictionary } from './values';
import type { TokenName } from './judge';

/**
 * The sequence of fuzz cases for a seed: case i exercises root field i mod N (so every query and
 * mutation is covered from the first N cases on) with the tokens none, editor and reviewer in
 * turn; its arguments and selection come from fast-check, sampled in chunks whose seeds derive
 * from the run's seed, so the same seed and the same starting graph give the same requests.
 */

export interface FuzzCase {
  index: number;
  root: RootField;
  token: TokenName;
  operation: GeneratedOperation;
}

export const TOKENS: readonly TokenName[] = ['none', 'editor', 'reviewer'];
const CHUNK = 25;

/** A 32-bit seed for one chunk of one root field (FNV-1a over the three numbers). */
export function chunkSeed(seed: number, root: number, chunk: number): number {
  let hash = 0x811c9dc5;
  for (const part of [seed, root, chunk]) {
    hash = Math.imul(hash ^ (part | 0), 0x01000193) >>> 0;
  }
  return hash | 0;
}

export function caseGenerator(schema: GraphQLSchema, dictionary: Dictionary, seed: number, maxDepth: number) {
  const roots = rootFields(schema);
  const fragment = fc.oneof(
    { weight: 4, arbitrary: dictionary.quotes.length > 0 ? fc.constantFrom(...dictionary.quotes) : fc.string() },
    { weight: 1, arbitrary: fc.constantFrom(...DEGENERATE_STRINGS) },
  );
  const arbitraries = roots.map((root) =>
    fc
      .array(fragment, { minLength: 1, maxLength: 3 })
      .chain((pool) => operationFor(root, { schema, dictionary, pool }, maxDepth)),
  );
  // Only the current chunk of each root field is kept: case indexes only go up.
  const current = new Map<number, { chunk: number; plans: FieldPlan[] }>();
  return {
    roots,
    caseAt(index: number): FuzzCase {
      const rootIndex = index % roots.length;
      const round = Math.floor(index / roots.length);
      const chunk = Math.floor(round / CHUNK);
      let sampled = current.get(rootIndex);
      if (sampled?.chunk !== chunk) {
        const values = fc.sample(arbitraries[rootIndex] as (typeof arbitraries)[number], {
          seed: chunkSeed(seed, rootIndex, chunk),
          numRuns: CHUNK,
        });
        sampled = { chunk, plans: values.map((value) => value.plan) };
        current.set(rootIndex, sampled);
      }
      const root = roots[rootIndex] as RootField;
      const plan = sampled.plans[round % CHUNK] as FieldPlan;
      return {
        index,
        root,
        token: TOKENS[round % TOKENS.length] as TokenName,
        operation: printOperation(root, plan, `Fuzz${index}`),
      };
    },
  };
}
