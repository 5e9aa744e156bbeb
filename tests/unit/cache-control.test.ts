import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema, type GraphQLObjectType } from 'graphql';

import { MAX_AGE, maxAgeOf, PERSISTED_QUERY_CACHE_BYTES, persistedQueries } from '../../src/http/cache-control';

const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
const ageOf = (typeName: string, fieldName: string) =>
  maxAgeOf((schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!.type);

describe('cache hints per type and field', () => {
  it('gives lists, connections, reviews and evidence the short age', () => {
    expect(ageOf('Query', 'claims')).toBe(MAX_AGE.changing);
    expect(ageOf('Claim', 'reviews')).toBe(MAX_AGE.changing);
    expect(ageOf('Claim', 'claimReview')).toBe(MAX_AGE.changing);
    expect(ageOf('Claim', 'evidence')).toBe(MAX_AGE.changing);
    expect(ageOf('Person', 'claims')).toBe(MAX_AGE.changing);
  });

  it('gives what no mutation changes the long age, a claim the default, scalars none of their own', () => {
    expect(ageOf('Query', 'source')).toBe(MAX_AGE.entity);
    expect(ageOf('Claim', 'speaker')).toBe(MAX_AGE.entity);
    expect(ageOf('Query', 'claim')).toBe(MAX_AGE.default);
    expect(ageOf('Claim', 'quote')).toBe(MAX_AGE.default);
    expect(ageOf('Claim', 'text')).toBeUndefined();
  });
});

describe('the persisted query cache', () => {
  it('stays within its byte bound, dropping the least recently used documents', async () => {
    const { cache } = persistedQueries();
    const document = `{ ${'topics { id } '.repeat(4000)}}`;
    const count = Math.ceil((2 * PERSISTED_QUERY_CACHE_BYTES) / document.length);
    for (let index = 0; index < count; index += 1) await cache.set(`hash-${index}`, document);
    expect(await cache.get('hash-0')).toBeUndefined();
    expect(await cache.get(`hash-${count - 1}`)).toBe(document);
    expect(cache.keys().length * document.length).toBeLessThanOrEqual(PERSISTED_QUERY_CACHE_BYTES);
  });
});
