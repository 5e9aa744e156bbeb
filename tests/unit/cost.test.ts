import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema, getOperationAST, parse } from 'graphql';

import type { CostWeights } from '../../src/http/cost';
import { costOf, QueryTooCostlyError } from '../../src/http/cost-limit';

/** The service's schema as committed, so the estimator is tested on the types clients see. */
const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));

/** Round numbers, so every expected cost below can be worked out by hand. */
const WEIGHTS: CostWeights = {
  default: { statement: 1000, perParent: 1000, perItem: 1000, fanout: 7 },
  types: { ClaimLineage: { statement: 50, perParent: 200 } },
  fields: {
    'Query.claims': { statement: 10, perItem: 2 },
    'Query.claims.totalCount': { statement: 100_000 },
    'Query.search': { statement: 5, perItem: 3 },
    'Query.claim': { statement: 10 },
    'Claim.speaker': { statement: 3, perParent: 10 },
    'Claim.figures': { statement: 10, perParent: 20, fanout: 0.5 },
    'Claim.topics': { statement: 3, perParent: 14, fanout: 1.2 },
    'Figure.metric': { statement: 1, perParent: 14 },
    'Topic.claims': { statement: 5000, perItem: 100 },
    'Topic.claims.totalCount': { statement: 700_000, perParent: 100_000 },
    'Metric.figures': { statement: 30, perParent: 200, perItem: 20 },
    'Claim.lineage': {},
    'SearchResult.node': {},
    'ClaimLineage.figures': { fanout: 0.5 },
    'ClaimLineage.source': {},
  },
};

/** Through costOf, which coerces the variables (defaults included) as execution would. */
function estimate(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const estimated = costOf({ schema, document, operation, variables, weights: WEIGHTS });
  if (!estimated) throw new Error('variables did not coerce');
  return estimated;
}

describe('the cost estimator', () => {
  it('charges a page its statement and each item, and a field below it once per item', () => {
    // claims: 10 + 100 × 2; speaker: 3 + 100 × 10; scalars are free.
    const { cost, costliest } = estimate('{ claims(first: 100) { edges { node { id text speaker { name } } } } }');
    expect(cost).toBe(210 + 1003);
    expect(costliest).toEqual({
      field: 'Claim.speaker',
      path: 'claims.edges.node.speaker',
      cost: 1003,
      lower: ['Query.claims(first:)'],
    });
  });

  it('reads `first` from variables and their defaults, and the service default without either', () => {
    const query = 'query ($n: Int = 50) { claims(first: $n) { edges { node { id } } } }';
    expect(estimate(query).cost).toBe(10 + 50 * 2);
    expect(estimate(query, { n: 100 }).cost).toBe(10 + 100 * 2);
    expect(estimate('{ claims { edges { node { id } } } }').cost).toBe(10 + 20 * 2);
  });

  it('multiplies a nested page by the pages above it and names both arguments, nearest first', () => {
    const { cost, costliest } = estimate(
      '{ claims(first: 100) { edges { node { topics { claims(first: 100) { edges { node { text } } } } } } } }',
    );
    // 100 claims × ceil(1.2) = 2 topics each = 200 topics, each a page of 100 claims.
    const topicClaims = 5000 + 200 * 100 * 100;
    expect(cost).toBe(210 + (3 + 100 * 14) + topicClaims);
    expect(costliest?.field).toBe('Topic.claims');
    expect(costliest?.cost).toBe(topicClaims);
    expect(costliest?.lower).toEqual(['Topic.claims(first:)', 'Query.claims(first:)']);
  });

  it('counts a list by its measured fanout, rounded up', () => {
    // 100 claims × ceil(0.5) = 1 figure each: metric costs 1 + 100 × 14.
    const { cost } = estimate('{ claims(first: 100) { edges { node { figures { metric { name } } } } } }');
    expect(cost).toBe(210 + (10 + 100 * 20) + (1 + 100 * 14));
  });

  it('charges totalCount by the connection that owns it', () => {
    const count = estimate('{ claims(first: 0) { totalCount } }');
    expect(count.cost).toBe(10 + 100_000);
    // Its own page's `first` does not shrink a count: nothing to lower at the root.
    expect(count.costliest).toEqual({
      field: 'Query.claims.totalCount',
      path: 'claims.totalCount',
      cost: 100_000,
      lower: [],
    });
    const nested = estimate('{ claims(first: 10) { edges { node { topics { claims(first: 5) { totalCount } } } } } }');
    expect(nested.costliest?.lower).toEqual(['Query.claims(first:)']);
  });

  it('charges work shared by a type once per object, however many of its fields are asked for', () => {
    const one = estimate('query ($id: ID!) { claim(id: $id) { lineage { source { id } } } }', { id: 'x' });
    const two = estimate(
      'query ($id: ID!) { claim(id: $id) { lineage { source { id } figures { samePeriod { consistent } } } } }',
      {
        id: 'x',
      },
    );
    expect(one.cost).toBe(10 + 50 + 200);
    expect(one.costliest?.field).toBe('ClaimLineage');
    // FigureLineage.samePeriod is not measured: the default applies, once per lineage figure.
    expect(two.cost).toBe(10 + 50 + 200 + (1000 + 1 * 1000));
  });

  it('gives an unmeasured relationship the default weight but scalars and page structure nothing', () => {
    const { cost } = estimate('{ claims(first: 10) { pageInfo { endCursor } edges { cursor node { id kind } } } }');
    expect(cost).toBe(10 + 10 * 2);
    const unmeasured = estimate('{ claims(first: 10) { edges { node { source { title } } } } }');
    expect(unmeasured.cost).toBe(10 + 10 * 2 + 1000 + 10 * 1000);
  });

  it('costs an abstract type as its costliest possible type', () => {
    const query = `{ search(query: "x", first: 10) { node { ... on Claim { speaker { name } }
      ... on Metric { figures(first: 20) { edges { node { id } } } } } } }`;
    const { cost, costliest } = estimate(query);
    // Metric: 30 + 10 × (200 + 20 × 20) = 6,030 beats Claim's 3 + 10 × 10.
    expect(cost).toBe(5 + 10 * 3 + 6030);
    expect(costliest).toMatchObject({
      field: 'Metric.figures',
      lower: ['Metric.figures(first:)', 'Query.search(first:)'],
    });
  });

  it('follows fragment spreads and merges fields by response key, as execution does', () => {
    const spread = estimate(`{ claims(first: 100) { edges { node { ...A ...A speaker { id } } } } }
      fragment A on Claim { speaker { name } }`);
    expect(spread.cost).toBe(210 + 1003);
    const aliased = estimate('{ claims(first: 100) { edges { node { a: speaker { id } b: speaker { id } } } } }');
    expect(aliased.cost).toBe(210 + 2 * 1003);
  });

  it('skips what @skip and @include leave out', () => {
    const query = 'query ($s: Boolean!) { claims(first: 100) { edges { node { speaker @include(if: $s) { id } } } } }';
    expect(estimate(query, { s: false }).cost).toBe(210);
    expect(estimate(query, { s: true }).cost).toBe(1213);
  });
});

describe('the cost refusal', () => {
  it('names the estimate, the limit, the costliest field and what to lower, in the message and extensions', () => {
    const document = parse(
      '{ claims(first: 100) { edges { node { topics { claims(first: 100) { edges { node { id } } } } } } } }',
    );
    const operation = getOperationAST(document)!;
    const estimate = costOf({ schema, document, operation, variables: {}, weights: WEIGHTS })!;
    const error = new QueryTooCostlyError(estimate, { maxCost: 20_000, maxObjects: 1_000_000 });
    expect(error.message).toMatch(
      /^The query costs too much: about 2,006,613 database hits, over the limit of 20,000\./,
    );
    expect(error.message).toContain('The field that costs most is Topic.claims at claims.edges.node.topics.claims');
    expect(error.message).toContain('lower Topic.claims(first:) or Query.claims(first:)');
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      cost: 2_006_613,
      maxCost: 20_000,
      field: 'Topic.claims',
      path: 'claims.edges.node.topics.claims',
      lower: ['Topic.claims(first:)', 'Query.claims(first:)'],
    });
  });

  it('names the field returning most objects when the answer is over the object budget', () => {
    const document = parse(
      '{ claims(first: 100) { edges { node { topics { claims(first: 100) { edges { node { id } } } } } } } }',
    );
    const operation = getOperationAST(document)!;
    const estimate = costOf({ schema, document, operation, variables: {}, weights: WEIGHTS })!;
    // 100 claims, 200 topics, 20,000 claims of those topics.
    expect(estimate.objects).toBe(100 + 200 + 20_000);
    const error = new QueryTooCostlyError(estimate, { maxCost: 10_000_000, maxObjects: 5_000 });
    expect(error.message).toMatch(
      /^The query costs too much: it could return about 20,300 objects, over the limit of 5,000\./,
    );
    expect(error.message).toContain('lower Topic.claims(first:) or Query.claims(first:)');
    expect(error.extensions).toMatchObject({ limit: 'objects', objects: 20_300, field: 'Topic.claims' });
  });

  it('gives up, leaving the error to execution, when the variables do not coerce', () => {
    const document = parse('query ($n: Int) { claims(first: $n) { totalCount } }');
    const operation = getOperationAST(document)!;
    expect(costOf({ schema, document, operation, variables: { n: 'many' }, weights: WEIGHTS })).toBeUndefined();
  });
});
