// npm run bench:cost-weights [-- --size medium] [--out src/http/cost-weights.json]
//
// Derives the cost limit's weights (src/http/cost.ts) from measured database work: every field of
// the schema is asked for through the service's own resolvers, loaders and repositories, every
// statement they send runs under PROFILE, and the db hits a field adds to a probe query, over the
// same query without it, are fitted to `statement + parents × perParent + items × perItem`.
// The method and its limits: docs/cost-model.md.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { build, openDriver, root } from './lib/db.mjs';
import { benchState } from './lib/load.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'medium' },
    out: { type: 'string', default: path.join(root, 'src', 'http', 'cost-weights.json') },
  },
});

build();
const require = (await import('node:module')).createRequire(import.meta.url);
require('reflect-metadata');
// The CommonJS graphql the service's schema was built with (the ESM entry would be another realm).
const { graphql, getNamedType, getNullableType, isCompositeType, isListType, isNonNullType } = require('graphql');
const { createSchema } = require('../dist/schema.js');
const { createContext } = require('../dist/context.js');
const { Executor } = require('../dist/db/executor.js');

const driver = openDriver();
const state = await benchState(driver);
if (state.size !== values.size) {
  throw new Error(
    `bench data "${values.size}" is not loaded (found ${state.size ?? 'none'}): npm run bench:load -- --size ${values.size}`,
  );
}

/** Sums the db hits of a profiled plan. */
const dbHits = (plan) => (plan?.dbHits ?? 0) + (plan?.children ?? []).reduce((sum, child) => sum + dbHits(child), 0);

// A driver whose executeQuery profiles every statement and adds its db hits to `profiled.hits`.
const profiled = { hits: 0, statements: 0 };
const profilingDriver = new Proxy(driver, {
  get(target, property) {
    if (property !== 'executeQuery') return Reflect.get(target, property);
    return async (text, params, config) => {
      const result = await target.executeQuery(`PROFILE ${text}`, params, config);
      profiled.hits += dbHits(result.summary.profile);
      profiled.statements += 1;
      return result;
    };
  },
});
// PROFILE slows statements down; a probe may take longer than the service's 15 s.
const executor = new Executor(profilingDriver, process.env.NEO4J_DATABASE || 'neo4j', { timeoutMs: 120_000 });
const schema = await createSchema();

/** Runs `query` through the service's resolvers; its data and the db hits of its statements. */
async function measure(query) {
  profiled.hits = 0;
  profiled.statements = 0;
  const contextValue = createContext(executor, { viewer: null, failure: null });
  const result = await graphql({ schema, source: query, contextValue });
  if (result.errors) throw new Error(`${result.errors[0].message} in ${query}`);
  return { data: result.data, hits: profiled.hits };
}

/** The objects of the answer that carry the alias `probe`, and how many items their probes hold. */
function countProbes(data) {
  let parents = 0;
  let items = 0;
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    if ('probe' in value) {
      parents += 1;
      const probe = value.probe;
      if (Array.isArray(probe)) items += probe.length;
      else if (probe?.edges) items += probe.edges.length;
      else if (probe !== null) items += 1;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'probe') visit(child);
  };
  visit(data);
  return { parents, items };
}

// Where `n` parent objects of each type come from: a path of the API with `%` for the selection.
const page = (field) => (n) => `{ ${field}(first: ${n}) { edges { node { __typename % } } } }`;
const under = (field, nested) => (n) => `{ ${field}(first: ${n}) { edges { node { ${nested} { __typename % } } } } }`;
const PARENTS = {
  Claim: page('claims'),
  Source: page('sources'),
  Person: page('people'),
  Organization: page('organizations'),
  Metric: page('metrics'),
  Target: page('targets'),
  Figure: page('figures'),
  Topic: under('claims', 'topics'),
  Role: under('people', 'roles'),
  Place: under('figures', 'place'),
  // Every 20th claim has a review.
  Review: (n) => `{ claims(first: ${Math.min(100, n * 20)}) { edges { node { reviews { __typename % } } } } }`,
  Projection: under('targets', 'projections'),
  ClaimLineage: under('claims', 'lineage'),
  EvidenceLink: under('claims', 'evidence'),
  TextQuote: under('claims', 'quote'),
  Period: under('figures', 'period'),
  SearchResult: (n) => `{ search(query: "said", first: ${n}) { __typename % } }`,
};
// A claim's lineage figures sit two levels down.
PARENTS.FigureLineage = (n) => `{ claims(first: ${n}) { edges { node { lineage { figures { __typename % } } } } } }`;
PARENTS.ProvenanceHop = (n) => `{ claims(first: ${n}) { edges { node { lineage { provenance { __typename % } } } } } }`;
PARENTS.FigureComparison = (n) =>
  `{ claims(first: ${n}) { edges { node { lineage { figures { samePeriod { __typename % } } } } } } }`;

const isConnection = (type) => isCompositeType(type) && /Connection$/.test(type.name);
const hasRequiredArgs = (field) => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/** The selection that asks for `field` once per parent, aliased `probe`. */
function probeSelection(field, first) {
  const type = getNamedType(field.type);
  if (isConnection(type)) return `probe: ${field.name}(first: ${first}) { edges { node { __typename } } }`;
  if (isCompositeType(type)) return `probe: ${field.name} { __typename }`;
  return `probe: ${field.name}`;
}

/** db hits the selection adds over the bare parent query, with the parents and items it reached. */
async function delta(parentsOf, n, selection) {
  const base = await measure(parentsOf(n).replace('%', ''));
  const probe = await measure(parentsOf(n).replace('%', selection));
  return { hits: probe.hits - base.hits, ...countProbes(probe.data) };
}

const round = (x) => Math.round(x * 100) / 100;

/** Fits statement + parents × perParent (+ items × perItem for a connection) to two or three probes. */
// db hits each field added at the larger probe, by type, to find work its fields share.
const largeHits = {};
// Nested pages are probed on fewer parents: 100 people × 50 claims each outlasts a transaction under PROFILE.
const NESTED_PAGE_PARENTS = 20;

async function fieldWeight(parentsOf, field) {
  const connection = isConnection(getNamedType(field.type));
  const many = connection ? NESTED_PAGE_PARENTS : 100;
  const small = await delta(parentsOf, 1, probeSelection(field, 1));
  const large = await delta(parentsOf, many, probeSelection(field, 1));
  // No parent object reached (no projections in the data): nothing measured, the default applies.
  if (large.parents === 0) throw new Error('no parent objects in the data');
  largeHits[field.name] = { hits: large.hits, n: many };
  if (large.hits <= 0 && small.hits <= 0) return { statement: 0, perParent: 0 };
  let perParent = large.parents > small.parents ? (large.hits - small.hits) / (large.parents - small.parents) : 0;
  let statement = Math.max(0, small.hits - small.parents * perParent);
  if (perParent < 0 || statement > large.hits) [statement, perParent] = [0, large.hits / Math.max(1, large.parents)];
  const weight = { statement: round(statement), perParent: round(perParent) };
  if (connection) {
    const wide = await delta(parentsOf, many, probeSelection(field, 50));
    const perItem = wide.items > large.items ? Math.max(0, (wide.hits - large.hits) / (wide.items - large.items)) : 0;
    weight.perItem = round(perItem);
    weight.perParent = round(Math.max(0, perParent - (perItem * large.items) / Math.max(1, large.parents)));
  } else if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type))) {
    weight.fanout = round(large.items / Math.max(1, large.parents));
  }
  return weight;
}

/** A connection's totalCount, by its owner (`Type.field.totalCount`). */
async function totalCountWeight(parentsOf, field) {
  const count = `probe: ${field.name}(first: 0) { totalCount }`;
  const bare = `probe: ${field.name}(first: 0) { __typename }`;
  const [small, large] = [
    await measure(parentsOf(1).replace('%', count)),
    await measure(parentsOf(100).replace('%', count)),
  ];
  const [smallBase, largeBase] = [
    await measure(parentsOf(1).replace('%', bare)),
    await measure(parentsOf(100).replace('%', bare)),
  ];
  const parents = [countProbes(small.data).parents, countProbes(large.data).parents];
  const hits = [small.hits - smallBase.hits, large.hits - largeBase.hits];
  const perParent = parents[1] > parents[0] ? Math.max(0, (hits[1] - hits[0]) / (parents[1] - parents[0])) : 0;
  return { statement: round(Math.max(0, hits[0] - parents[0] * perParent)), perParent: round(perParent) };
}

/**
 * Work a type's fields share (a look-ahead that fetches the whole lineage for the first of them):
 * when asking for all of them together costs much less than the sum of asking for each alone, the
 * least any one of them costs is the type's own (charged once per object) and each field keeps only
 * what it adds.
 */
async function sharedWork(typeName, parentsOf) {
  const costly = Object.keys(weights).filter((key) => key.startsWith(`${typeName}.`) && !key.endsWith('.totalCount'));
  const fields = costly.filter(
    (key) => largeHits[key.slice(typeName.length + 1)]?.n === 100 && (weights[key].perParent ?? 0) > 0,
  );
  if (fields.length < 2) return;
  const type = schema.getType(typeName).getFields();
  const selection = fields
    .map((key, i) => probeSelection(type[key.slice(typeName.length + 1)], 1).replace(/^probe:/, `p${i}:`))
    .join(' ');
  const together = (await delta(parentsOf, 100, selection)).hits;
  const alone = fields.reduce((sum, key) => sum + largeHits[key.slice(typeName.length + 1)].hits, 0);
  if (together > 0.67 * alone) return;
  const shared = {
    statement: Math.min(...fields.map((key) => weights[key].statement ?? 0)),
    perParent: Math.min(...fields.map((key) => weights[key].perParent ?? 0)),
  };
  types[typeName] = shared;
  for (const key of fields) {
    weights[key].statement = round(Math.max(0, weights[key].statement - shared.statement));
    weights[key].perParent = round(Math.max(0, weights[key].perParent - shared.perParent));
  }
  console.log(`${typeName}: shared ${JSON.stringify(shared)} (together ${together}, alone ${alone})`);
}

const weights = {};
const types = {};
for (const [typeName, parentsOf] of Object.entries(PARENTS)) {
  const type = schema.getType(typeName);
  for (const key of Object.keys(largeHits)) delete largeHits[key];
  for (const field of Object.values(type.getFields())) {
    if (hasRequiredArgs(field)) continue;
    const key = `${typeName}.${field.name}`;
    try {
      weights[key] = await fieldWeight(parentsOf, field);
      if (isConnection(getNamedType(field.type)))
        weights[`${key}.totalCount`] = await totalCountWeight(parentsOf, field);
    } catch (error) {
      console.warn(`skipped ${key}: ${error.message.slice(0, 160)}`);
    }
    console.log(key, JSON.stringify(weights[key] ?? null));
  }
  await sharedWork(typeName, parentsOf);
}

// Root fields: one parent (the query), so a statement and a cost per item.
const { data: ids } = await measure(
  '{ claims(first: 1) { edges { node { id } } } sources(first: 1) { edges { node { id } } } ' +
    'people(first: 1) { edges { node { id } } } organizations(first: 1) { edges { node { id } } } ' +
    'metrics(first: 1) { edges { node { id } } } targets(first: 1) { edges { node { id } } } ' +
    'figures(first: 1) { edges { node { id } } } topics { id } }',
);
const idOf = (root) => (root === 'topics' ? ids.topics[0].id : ids[root].edges[0].node.id);
const ROOT_PAGES = ['claims', 'sources', 'people', 'organizations', 'metrics', 'targets', 'figures'];
const single = {
  claims: 'claim',
  sources: 'source',
  people: 'person',
  organizations: 'organization',
  metrics: 'metric',
  targets: 'target',
  figures: 'figure',
  topics: 'topic',
};

async function rootPage(name, args, items1, items2) {
  const q = (first) => `{ probe: ${name}(${args}first: ${first}) { edges { node { __typename } } } }`;
  const one = await measure(q(items1));
  const many = await measure(q(items2));
  const [n1, n2] = [
    one.data.probe.edges?.length ?? one.data.probe.length,
    many.data.probe.edges?.length ?? many.data.probe.length,
  ];
  const perItem = n2 > n1 ? Math.max(0, (many.hits - one.hits) / (n2 - n1)) : 0;
  return { statement: round(Math.max(0, one.hits - n1 * perItem)), perParent: 0, perItem: round(perItem) };
}

for (const name of ROOT_PAGES) {
  weights[`Query.${name}`] = await rootPage(name, '', 1, 100);
  const count = await measure(`{ probe: ${name}(first: 0) { totalCount } }`);
  const bare = await measure(`{ probe: ${name}(first: 0) { __typename } }`);
  weights[`Query.${name}.totalCount`] = { statement: count.hits - bare.hits, perParent: 0 };
}
const SEARCH = (first) => `{ probe: search(query: "said", first: ${first}) { node { __typename } } }`;
{
  const one = await measure(SEARCH(1));
  const many = await measure(SEARCH(100));
  const perItem = Math.max(0, (many.hits - one.hits) / Math.max(1, many.data.probe.length - one.data.probe.length));
  weights['Query.search'] = {
    statement: round(Math.max(0, one.hits - perItem)),
    perParent: 0,
    perItem: round(perItem),
  };
}
for (const [root, field] of Object.entries(single)) {
  const { hits } = await measure(`{ probe: ${field}(id: "${idOf(root)}") { __typename } }`);
  weights[`Query.${field}`] = { statement: hits, perParent: 0 };
}
weights['Query.node'] = {
  statement: (await measure(`{ probe: node(id: "${idOf('claims')}") { __typename } }`)).hits,
  perParent: 0,
};
{
  const { data, hits } = await measure('{ probe: topics { __typename } }');
  weights['Query.topics'] = { statement: hits, perParent: 0, fanout: data.probe.length };
}

// Unmeasured relationship fields (types the probes do not reach) get the median of the measured
// non-zero weights (the 90th percentile for fanout): not free, and not priced like the few
// fields that scan every claim.
const quantile = (q) => (xs) => {
  const sorted = xs.filter((x) => x > 0).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length * q)] : 1;
};
const median = quantile(0.5);
const p90 = quantile(0.9);
const measured = Object.values(weights);
// A relationship measured at zero stays (else it would get the default); a free scalar goes.
const isRelationship = (key) => {
  const [typeName, fieldName] = key.split('.');
  const field = schema.getType(typeName)?.getFields()[fieldName];
  return key.split('.').length === 2 && field !== undefined && isCompositeType(getNamedType(field.type));
};
const fields = Object.fromEntries(
  Object.entries(weights).filter(([key, w]) => isRelationship(key) || Object.values(w).some((x) => x > 0)),
);
const output = {
  $comment: 'Generated by bench/cost-weights.mjs (npm run bench:cost-weights); see docs/cost-model.md. db hits.',
  measuredOn: {
    size: values.size,
    claims: state.claims,
    neo4j: '5.26 community',
    date: new Date().toISOString().slice(0, 10),
  },
  default: {
    statement: median(measured.map((w) => w.statement ?? 0)),
    perParent: median(measured.map((w) => w.perParent ?? 0)),
    perItem: median(measured.map((w) => w.perItem ?? 0)),
    fanout: Math.ceil(p90(measured.map((w) => w.fanout ?? 0))),
  },
  types,
  fields: Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(values.out, `${JSON.stringify(output, null, 2)}\n`);
console.log(`wrote ${Object.keys(output.fields).length} weights to ${path.relative(root, values.out)}`);
await driver.close();
