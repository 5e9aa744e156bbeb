import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema, parse } from 'graphql';

import { checkResponse, scalarConforms } from '../fuzz/conformance';

/** The response checker of the fuzzer (tests/fuzz/conformance.ts) must accept what conforms and catch what does not. */

const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

const CLAIM_QUERY = parse(`query {
  claim(id: "x") {
    __typename id kind
    quote { start end exact }
    speaker { __typename name ... on Person { roles { title status } } ... on Organization { kind } }
    figures { value period { start } }
    claimReview
  }
}`);

const conforming = () => ({
  data: {
    claim: {
      __typename: 'Claim',
      id: 'Q2xhaW06eA',
      kind: 'STATISTIC',
      quote: { start: 0, end: 5, exact: 'Sales' },
      speaker: { __typename: 'Person', name: 'Miao Wei', roles: [{ title: 'Vice chairman', status: 'CURRENT' }] },
      figures: [{ value: 31.5, period: { start: '2023-01-01' } }],
      claimReview: [{ '@type': 'ClaimReview' }],
    },
  },
});

describe('fuzz response checker', () => {
  it('accepts a conforming response, an abstract type resolved by __typename, and a coded error with null data', () => {
    expect(checkResponse(schema, CLAIM_QUERY, conforming())).toEqual([]);
    const organization = conforming();
    organization.data.claim.speaker = { __typename: 'Organization', name: 'CGTN', kind: 'broadcaster' } as never;
    expect(checkResponse(schema, CLAIM_QUERY, organization)).toEqual([]);
    const notFound = {
      data: null,
      errors: [{ message: 'not found', path: ['claim'], extensions: { code: 'NOT_FOUND' } }],
    };
    expect(checkResponse(schema, CLAIM_QUERY, notFound)).toEqual([]);
  });

  it('accepts a null in a nullable field with an error on its path', () => {
    const response = {
      ...conforming(),
      errors: [{ message: 'unavailable', path: ['claim', 'speaker'], extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    };
    response.data.claim.speaker = null as never;
    expect(checkResponse(schema, CLAIM_QUERY, response)).toEqual([]);
  });

  it.each([
    [
      'a null in a non-null field',
      (r: ReturnType<typeof conforming>) => ((r.data.claim as never as Record<string, unknown>).kind = null),
      'null in a non-null position',
    ],
    [
      'an enum value the enum lacks',
      (r: ReturnType<typeof conforming>) => (r.data.claim.kind = 'RUMOUR'),
      'is not a value of ClaimKind',
    ],
    ['a float in an Int field', (r: ReturnType<typeof conforming>) => (r.data.claim.quote.start = 1.5), 'is not a Int'],
    [
      'a number in a String field',
      (r: ReturnType<typeof conforming>) => ((r.data.claim.quote as Record<string, unknown>).exact = 5),
      'is not a String',
    ],
    [
      'an object where a list belongs',
      (r: ReturnType<typeof conforming>) => ((r.data.claim as Record<string, unknown>).figures = {}),
      'expected a list',
    ],
    [
      'a malformed LocalDate',
      (r: ReturnType<typeof conforming>) =>
        ((r.data.claim.figures[0] as { period: { start: string } }).period.start = '2023-02-30T00:00'),
      'is not a LocalDate',
    ],
    [
      'a JSONObject that is a list',
      (r: ReturnType<typeof conforming>) => ((r.data.claim as Record<string, unknown>).claimReview = [[]]),
      'is not a JSONObject',
    ],
    [
      'a field that was not selected',
      (r: ReturnType<typeof conforming>) => ((r.data.claim as Record<string, unknown>).text = 'x'),
      'not selected',
    ],
    [
      'a selected field that is missing',
      (r: ReturnType<typeof conforming>) => delete (r.data.claim as Partial<Record<string, unknown>>).id,
      'selected but missing',
    ],
    [
      'a __typename that is not a possible type',
      (r: ReturnType<typeof conforming>) => (r.data.claim.speaker.__typename = 'Topic'),
      'is not a possible type of Speaker',
    ],
    [
      'a wrong __typename on an object type',
      (r: ReturnType<typeof conforming>) => (r.data.claim.__typename = 'Figure'),
      'is not Claim',
    ],
    [
      'an error without a code',
      (r: ReturnType<typeof conforming>) => Object.assign(r, { errors: [{ message: 'boom' }] }),
      'has no extensions.code',
    ],
    [
      'an error whose path leads to data',
      (r: ReturnType<typeof conforming>) =>
        Object.assign(r, { errors: [{ message: 'x', path: ['claim', 'id'], extensions: { code: 'X' } }] }),
      'does not lead to a null',
    ],
    [
      'an unexpected top-level key',
      (r: ReturnType<typeof conforming>) => Object.assign(r, { stack: 'at resolver' }),
      'unexpected top-level key',
    ],
  ])('finds %s', (_name, breakIt, expected) => {
    const response = conforming();
    breakIt(response);
    const violations = checkResponse(schema, CLAIM_QUERY, response);
    expect(violations).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('finds a response with neither data nor errors, and a body that is not an object', () => {
    expect(checkResponse(schema, CLAIM_QUERY, {})).toEqual(['response: neither data nor errors']);
    expect(checkResponse(schema, CLAIM_QUERY, undefined)).toEqual(['response: the body is not a JSON object']);
  });

  it('follows aliases and inline fragments on the root type', () => {
    const document = parse('query { first: topics { name } ... on Query { again: topics { __typename } } }');
    expect(
      checkResponse(schema, document, { data: { first: [{ name: 'batteries' }], again: [{ __typename: 'Topic' }] } }),
    ).toEqual([]);
    expect(checkResponse(schema, document, { data: { first: [{ name: 'batteries' }] } })).toEqual([
      'data.again: selected but missing',
    ]);
  });

  it('knows the kinds of the built-in and custom scalars', () => {
    const scalar = (name: string) => schema.getType(name) as Parameters<typeof scalarConforms>[0];
    expect(scalarConforms(scalar('Int'), 2 ** 31)).toBe(false);
    expect(scalarConforms(scalar('Int'), -(2 ** 31))).toBe(true);
    expect(scalarConforms(scalar('Float'), Number.NaN)).toBe(false);
    expect(scalarConforms(scalar('ID'), 5)).toBe(false);
    expect(scalarConforms(scalar('Boolean'), 'true')).toBe(false);
    expect(scalarConforms(scalar('DateTime'), '2024-03-19T10:15:30.123Z')).toBe(true);
    expect(scalarConforms(scalar('DateTime'), '2024-03-19')).toBe(false);
    expect(scalarConforms(scalar('LocalDate'), '2024-03-19')).toBe(true);
    expect(scalarConforms(scalar('LocalDate'), '2023-02-30')).toBe(false);
    expect(scalarConforms(scalar('LocalDate'), '2023-13-01')).toBe(false);
  });
});
