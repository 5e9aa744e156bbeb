import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema } from 'graphql';

import { judge, outcomeOf, requiredRoleOf, type Judged } from '../fuzz/judge';

/** What the fuzzer counts as a failure of one response (tests/fuzz/judge.ts). */

const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const mutation = (name: string) => schema.getMutationType()!.getFields()[name]!;

const refused = { errors: [{ message: 'needs a token', extensions: { code: 'UNAUTHENTICATED' } }], data: null };
const accepted = { data: { addSource: { id: 'U291cmNlOng' } } };
const base: Judged = {
  status: 200,
  body: refused,
  violations: [],
  operation: 'mutation',
  responseKey: 'addSource',
  token: 'none',
  requiredRole: 'editor',
};

describe('fuzz judge', () => {
  it('passes a coded refusal and an accepted mutation with the right token', () => {
    expect(judge(base)).toEqual([]);
    expect(judge({ ...base, body: accepted, token: 'editor' })).toEqual([]);
    expect(judge({ ...base, body: accepted, token: 'reviewer' })).toEqual([]);
  });

  it('fails a 5xx, an INTERNAL_SERVER_ERROR and a non-conforming response', () => {
    expect(judge({ ...base, status: 503 })).toEqual(['http-5xx']);
    const internal = { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    expect(judge({ ...base, status: 400, body: internal })).toEqual(['internal-server-error']);
    expect(judge({ ...base, violations: ['data.x: not selected'] })).toEqual(['non-conforming-response']);
  });

  it('fails a mutation accepted without a token, or with a token that lacks the role', () => {
    expect(judge({ ...base, body: accepted })).toEqual(['mutation-accepted-without-token']);
    const review = { data: { reviewClaim: { id: 'UmV2aWV3Ong' } } };
    const reviewCase = { ...base, body: review, responseKey: 'reviewClaim', requiredRole: 'reviewer' as const };
    expect(judge({ ...reviewCase, token: 'editor' })).toEqual(['mutation-accepted-without-role']);
    expect(judge({ ...reviewCase, token: 'reviewer' })).toEqual([]);
    // A query answered without a token is what queries are for.
    expect(judge({ ...base, operation: 'query', body: accepted })).toEqual([]);
  });

  it("reads the role a mutation needs from the schema's description", () => {
    expect(requiredRoleOf(mutation('addSource'))).toBe('editor');
    expect(requiredRoleOf(mutation('addClaim'))).toBe('editor');
    expect(requiredRoleOf(mutation('linkEvidence'))).toBe('editor');
    expect(requiredRoleOf(mutation('reviewClaim'))).toBe('reviewer');
  });

  it('tallies outcomes by first error code', () => {
    expect(outcomeOf(accepted)).toBe('data');
    expect(outcomeOf(refused)).toBe('UNAUTHENTICATED');
    expect(outcomeOf({ errors: [{ message: 'x' }] })).toBe('uncoded');
  });
});
