import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { buildSchema, getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';

import { caseGenerator, inputNames, TOKENS } from '../fuzz/cases';
import { operationFor, printOperation, rootFields } from '../fuzz/operations';
import { DEGENERATE_STRINGS, toGlobalId, type Dictionary, type Noise } from '../fuzz/values';

/** The fuzzer's generators (tests/fuzz/): valid where they mean to be, bad where they mean to be, deterministic. */

const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

const dictionary: Dictionary = {
  ids: {
    Claim: [toGlobalId('Claim', 'test-source/claim-1')],
    Source: [toGlobalId('Source', 'test-source')],
    Person: [toGlobalId('Person', 'test-person')],
    Organization: [toGlobalId('Organization', 'test-org')],
    Topic: [toGlobalId('Topic', 'test-topic')],
  },
  texts: ['Test text: 新能源汽车 sales passed 31 percent in 2023, said the café owner 👍🏽.'],
  quotes: ['sales passed 31 percent'],
  dates: ['2024-03-19'],
  cursors: ['WyJ0ZXN0Il0'],
  words: ['sales', 'percent'],
  strings: { kind: ['article'], language: ['en'] },
};

/** Validation and variable-coercion errors of a generated operation: what the server's first steps would say. */
function requestErrors(operation: ReturnType<typeof printOperation>): string[] {
  let document;
  try {
    document = parse(operation.query);
  } catch (error) {
    return [(error as Error).message];
  }
  const validation = validate(schema, document).map((error) => error.message);
  if (validation.length > 0) return validation;
  const definition = document.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], operation.variables);
  return (coerced.errors ?? []).map((error) => error.message);
}

const operations = (noise: Noise, target?: string) =>
  fc
    .constantFrom(...rootFields(schema))
    .chain((root) =>
      operationFor(root, { schema, dictionary, pool: ['sales passed'], noise, target }, 4).map(({ plan }) =>
        printOperation(root, plan, 'Generated'),
      ),
    );

describe('fuzz generators', () => {
  it('lists every query and mutation of the schema', () => {
    const names = rootFields(schema).map((root) => `${root.operation} ${root.field.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'query claims',
        'query node',
        'query search',
        'mutation addSource',
        'mutation reviewClaim',
      ]),
    );
    const total =
      Object.keys(schema.getQueryType()!.getFields()).length +
      Object.keys(schema.getMutationType()!.getFields()).length;
    expect(names).toHaveLength(total);
  });

  it('generates clean operations that validate against the schema and whose variables coerce', () => {
    fc.assert(
      fc.property(operations('clean'), (operation) => {
        expect({ query: operation.query, errors: requestErrors(operation) }).toEqual({
          query: operation.query,
          errors: [],
        });
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('generates bad values in single-fault and hostile cases', () => {
    const refused = (noise: Noise, target?: string) =>
      fc.sample(operations(noise, target), { numRuns: 200, seed: 3 }).filter((op) => requestErrors(op).length > 0)
        .length;
    expect(refused('hostile')).toBeGreaterThan(50);
    // A wrong-kind value for `first` is refused by coercion; other bad values only by the resolvers.
    expect(refused('single', 'first')).toBeGreaterThan(0);
  });

  it('puts the single fault only at the target field', () => {
    const addSource = rootFields(schema).find((root) => root.field.name === 'addSource')!;
    const inputs = fc
      .sample(operationFor(addSource, { schema, dictionary, pool: ['sales'], noise: 'single', target: 'url' }, 1), {
        numRuns: 100,
        seed: 5,
      })
      .map(({ plan }) => plan.args[0]?.value as Record<string, unknown>);
    for (const input of inputs) {
      expect(['article', 'interview', 'report', 'speech']).toContain(input.kind);
      expect(['en', 'zh', 'zh-Hans']).toContain(input.language);
      expect(dictionary.ids.Organization).toContain(input.publisher);
    }
    expect(inputs.some((input) => typeof input.url !== 'string' || !/^https:\/\//.test(input.url))).toBe(true);
  });

  it('knows the input fields a fault can go to', () => {
    const addClaim = rootFields(schema).find((root) => root.field.name === 'addClaim')!;
    expect(inputNames(addClaim.field)).toEqual(expect.arrayContaining(['input', 'source', 'quote', 'occurrence']));
    const claims = rootFields(schema).find((root) => root.field.name === 'claims')!;
    expect(inputNames(claims.field)).toEqual(expect.arrayContaining(['filter', 'first', 'after', 'period', 'from']));
  });

  it('has the degenerate strings of the issue: empty, one char, sizes, marks, emoji, surrogates, CJK', () => {
    const has = (test: (value: string) => boolean) => DEGENERATE_STRINGS.some(test);
    expect(has((value) => value === '')).toBe(true);
    expect(has((value) => Array.from(value).length === 1)).toBe(true);
    expect(has((value) => Array.from(value).length === 201)).toBe(true);
    expect(has((value) => value.length > 0 && /^\p{M}+$/u.test(value))).toBe(true);
    expect(has((value) => /^\p{Extended_Pictographic}/u.test(value))).toBe(true);
    expect(has((value) => /^[\uD800-\uDBFF]$/.test(value))).toBe(true);
    expect(has((value) => /^\p{Script=Han}+$/u.test(value))).toBe(true);
  });

  it('is deterministic by seed, covers every root field in the first round, and rotates the tokens', () => {
    const run = (seed: number) => {
      const generator = caseGenerator(schema, dictionary, seed, 3);
      return Array.from({ length: 90 }, (_, index) => generator.caseAt(index));
    };
    const first = run(42);
    const again = run(42);
    expect(again.map((c) => [c.operation.query, c.operation.variables, c.token])).toEqual(
      first.map((c) => [c.operation.query, c.operation.variables, c.token]),
    );
    expect(run(43).map((c) => c.operation.query)).not.toEqual(first.map((c) => c.operation.query));
    // A round: every query once, every mutation three times.
    const roots = rootFields(schema);
    const roundLength = roots.length + 2 * roots.filter((root) => root.operation === 'mutation').length;
    expect(new Set(first.slice(0, roundLength).map((c) => c.root.field.name)).size).toBe(rootFields(schema).length);
    const addSourceTokens = first.filter((c) => c.root.field.name === 'addSource').map((c) => c.token);
    expect(addSourceTokens.slice(0, 3)).toEqual([...TOKENS]);
  });

  it('prints enum literals unquoted and builds a document of one operation', () => {
    const claims = rootFields(schema).find((root) => root.field.name === 'claims')!;
    const filter = claims.field.args.find((argument) => argument.name === 'filter')!;
    const operation = printOperation(
      claims,
      {
        name: 'claims',
        args: [{ name: 'filter', type: filter.type, value: { kinds: ['STATISTIC'], text: 'new' }, literal: true }],
        selection: { typename: true, fields: [], fragments: [] },
      },
      'Literal',
    );
    expect(operation.query).toContain('kinds: [STATISTIC]');
    expect(operation.query).toContain('text: "new"');
    expect(operation.document.definitions.map((definition) => definition.kind)).toEqual([Kind.OPERATION_DEFINITION]);
  });
});
