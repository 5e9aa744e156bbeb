import fc from 'fast-check';
import { getNamedType, isInputObjectType, type GraphQLField, type GraphQLInputType, type GraphQLSchema } from 'graphql';

import {
  operationFor,
  printOperation,
  rootFields,
  type FieldPlan,
  type GeneratedOperation,
  type RootField,
} from './operations';
import { DEGENERATE_STRINGS, type Dictionary, type Noise } from './values';
import type { TokenName } from './judge';

/**
 * The sequence of fuzz cases for a seed: rounds in which every query comes once and every mutation
 * three times (so all are covered from the first round on), each root field's cases taking the
 * tokens none, editor and reviewer in turn; its arguments and selection come from fast-check, sampled in chunks whose seeds derive
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
const MUTATION_WEIGHT = 3;

/** Many cases are clean, so that mutations get past validation; most others have one bad value. */
const NOISE = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Noise>('clean') },
  { weight: 9, arbitrary: fc.constant<Noise>('single') },
  { weight: 3, arbitrary: fc.constant<Noise>('hostile') },
);

/** The names of a field's arguments and of the input fields below them: the places a single fault can go. */
export function inputNames(field: GraphQLField<unknown, unknown>): string[] {
  const names = new Set<string>();
  const visit = (type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named)) return;
    for (const inputField of Object.values(named.getFields())) {
      if (names.has(inputField.name)) continue;
      names.add(inputField.name);
      visit(inputField.type);
    }
  };
  for (const argument of field.args) {
    names.add(argument.name);
    visit(argument.type);
  }
  return [...names];
}

/** A 32-bit seed for one chunk of one root field (FNV-1a over the three numbers). */
export function chunkSeed(seed: number, root: number, chunk: number): number {
  let hash = 0x811c9dc5;
  for (const part of [seed, root, chunk]) {
    hash = Math.imul(hash ^ (part | 0), 0x01000193) >>> 0;
  }
  return hash | 0;
}

const targetOf = (field: GraphQLField<unknown, unknown>) => {
  const names = inputNames(field);
  return names.length > 0 ? fc.constantFrom(...names) : fc.constant(undefined);
};

export function caseGenerator(schema: GraphQLSchema, dictionary: Dictionary, seed: number, maxDepth: number) {
  const roots = rootFields(schema);
  const fragment = fc.oneof(
    { weight: 4, arbitrary: dictionary.quotes.length > 0 ? fc.constantFrom(...dictionary.quotes) : fc.string() },
    { weight: 1, arbitrary: fc.constantFrom(...DEGENERATE_STRINGS) },
  );
  const arbitraries = roots.map((root) =>
    fc
      .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), NOISE, targetOf(root.field))
      .chain(([pool, noise, target]) => operationFor(root, { schema, dictionary, pool, noise, target }, maxDepth)),
  );
  // One round: every query once, every mutation MUTATION_WEIGHT times (they are where writes can go wrong).
  const schedule = roots.flatMap((root, rootIndex) =>
    Array.from({ length: root.operation === 'mutation' ? MUTATION_WEIGHT : 1 }, (_, repeat) => ({ rootIndex, repeat })),
  );
  // Only the current chunk of each root field is kept: case indexes only go up.
  const current = new Map<number, { chunk: number; plans: FieldPlan[] }>();
  return {
    roots,
    caseAt(index: number): FuzzCase {
      const { rootIndex, repeat } = schedule[index % schedule.length] as { rootIndex: number; repeat: number };
      const repeats = (roots[rootIndex] as RootField).operation === 'mutation' ? MUTATION_WEIGHT : 1;
      // The how-manieth case of this root field this is: its position in the root's own sequence.
      const round = Math.floor(index / schedule.length) * repeats + repeat;
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
