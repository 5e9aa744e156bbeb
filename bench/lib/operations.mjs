// The benchmark's operations, each written three times: for this service (GraphQL, global ids,
// keyset cursors), for @neo4j/graphql (GraphQL, raw ids, offset cursors) and for the raw-Cypher
// baseline (one hand-written query). `normalize` maps every answer onto one canonical shape, so
// the three can be compared for identical data.

export const PAGE_SIZE = 50;
export const WALK_PAGES = 20; // 20 pages of 50 = 1,000 claims

const fromGlobal = (id) => {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
};
const toGlobal = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (x) => Math.round(x * 1000) / 1000;

/** Our keyset cursor (src/modules/common/pagination.ts). */
export const ourCursor = (id) => Buffer.from(JSON.stringify([null, id]), 'utf8').toString('base64url');

const OUR_LIGHT_PAGE = `query LightPage($first: Int!, $after: String) {
  claims(first: $first, after: $after) {
    edges { node { id text source { id title } speaker { id name } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
// @neo4j/graphql's connection (claimsConnection) collects every claim before sorting and SKIPping:
// at `medium` it fails with "dbms.memory.transaction.total.max threshold reached" even with a 6 GiB
// heap. Its list field with offset/limit (what its cursors compile to, without the collect) is the
// best it offers, so that is what it is measured with.
const N4J_LIGHT_PAGE = `query LightPage($first: Int!, $offset: Int!) {
  claims(limit: $first, offset: $offset, sort: [{ id: ASC }]) {
    id text source { id title }
    speaker { ... on Person { id name } ... on Organization { id name } ... on VirtualPresenter { id name } }
  }
}`;
const RAW_LIGHT_PAGE = `MATCH (c:Claim) WHERE c.id > $after
  WITH c ORDER BY c.id LIMIT $first
  RETURN collect(c { .id, .text,
    source: head(COLLECT { MATCH (c)-[:APPEARS_IN]->(s:Source) RETURN s { .id, .title } }),
    speaker: head(COLLECT { MATCH (c)-[:SAID_BY]->(sp) RETURN sp { .id, .name } })
  }) AS items, last(collect(c.id)) AS endCursor`;

const lightOurs = (data) => ({
  items: data.claims.edges.map(({ node }) => ({
    id: fromGlobal(node.id),
    text: node.text,
    source: { id: fromGlobal(node.source.id), title: node.source.title },
    speaker: node.speaker && { id: fromGlobal(node.speaker.id), name: node.speaker.name },
  })),
  endCursor: data.claims.pageInfo.endCursor,
});
const lightN4j = (data) => ({
  items: data.claims.map((node) => ({
    id: node.id,
    text: node.text,
    source: node.source[0] ?? null,
    speaker: node.speaker[0] ?? null,
  })),
  endCursor: null,
});

/**
 * Each operation: `params(fixtures, i)` gives the i-th request's parameters (rotating over fixtures);
 * `ours`, `n4j` build GraphQL bodies; `raw` the baseline's {query, params}; `normalize.*` map an
 * answer's data onto the canonical shape.
 */
export const OPERATIONS = {
  lineage: {
    title: 'claim lineage by id',
    params: (f, i) => ({ id: f.lineageIds[i % f.lineageIds.length] }),
    ours: ({ id }) => ({
      query: `query Lineage($id: ID!) { claim(id: $id) { lineage {
        claim { id } quote { exact start end } source { id title } publisher { name }
        speaker { id name } role { id title }
        figures { figure { id value } metric { name } }
        supporting { item { ... on Claim { id } ... on Figure { id } } }
        contradicting { item { ... on Claim { id } ... on Figure { id } } }
        reviews { id rating } } } }`,
      variables: { id: toGlobal('Claim', id) },
    }),
    n4j: ({ id }) => ({
      query: `query Lineage($id: ID!) { claims(where: { id: { eq: $id } }) {
        id quote quoteStart quoteEnd source { id title publisher { name } }
        speaker { ... on Person { id name } ... on Organization { id name } ... on VirtualPresenter { id name } }
        role { id title } figures { id value metric { name } }
        supportedBy { id } contradictedBy { id } reviews { id rating } } }`,
      variables: { id },
    }),
    raw: ({ id }) => ({
      query: `MATCH (c:Claim {id: $id})
        RETURN c { .id, quote: { exact: c.quote, start: c.quoteStart, end: c.quoteEnd },
          source: head(COLLECT { MATCH (c)-[:APPEARS_IN]->(s:Source) RETURN s { .id, .title } }),
          publisher: head(COLLECT { MATCH (c)-[:APPEARS_IN]->(:Source)-[:PUBLISHED_BY]->(o) RETURN o.name }),
          speaker: head(COLLECT { MATCH (c)-[:SAID_BY]->(sp) RETURN sp { .id, .name } }),
          role: head(COLLECT { MATCH (c)-[:SPOKEN_AS]->(r:Role) RETURN r { .id, .title } }),
          figures: COLLECT { MATCH (c)-[:CITES]->(f:Figure) OPTIONAL MATCH (f)-[:MEASURES]->(m:Metric)
                             RETURN { id: f.id, value: f.value, metric: m.name } ORDER BY f.id },
          supporting: COLLECT { MATCH (c)<-[:SUPPORTS]-(e) RETURN DISTINCT e.id AS id ORDER BY id },
          contradicting: COLLECT { MATCH (c)<-[:CONTRADICTS]-(e) RETURN DISTINCT e.id AS id ORDER BY id },
          reviews: COLLECT { MATCH (c)<-[:REVIEWS]-(rv:Review) RETURN rv { .id, .rating } ORDER BY rv.id }
        } AS data`,
      params: { id },
    }),
    normalize: {
      ours: (data) => {
        const l = data.claim.lineage;
        const ids = (links) => [...new Set(links.map((link) => fromGlobal(link.item.id)))].sort();
        return {
          id: fromGlobal(l.claim.id),
          quote: l.quote,
          source: { id: fromGlobal(l.source.id), title: l.source.title },
          publisher: l.publisher?.name ?? null,
          speaker: l.speaker && { id: fromGlobal(l.speaker.id), name: l.speaker.name },
          role: l.role && { id: fromGlobal(l.role.id), title: l.role.title },
          figures: l.figures
            .map((x) => ({ id: fromGlobal(x.figure.id), value: x.figure.value, metric: x.metric?.name ?? null }))
            .sort(byId),
          supporting: ids(l.supporting),
          contradicting: ids(l.contradicting),
          reviews: l.reviews.map((r) => ({ id: fromGlobal(r.id), rating: r.rating })).sort(byId),
        };
      },
      n4j: (data) => {
        const c = data.claims[0];
        return {
          id: c.id,
          quote: { exact: c.quote, start: c.quoteStart, end: c.quoteEnd },
          source: { id: c.source[0].id, title: c.source[0].title },
          publisher: c.source[0].publisher[0]?.name ?? null,
          speaker: c.speaker[0] ?? null,
          role: c.role[0] ?? null,
          figures: c.figures.map((f) => ({ id: f.id, value: f.value, metric: f.metric[0]?.name ?? null })).sort(byId),
          supporting: [...new Set(c.supportedBy.map((x) => x.id))].sort(),
          contradicting: [...new Set(c.contradictedBy.map((x) => x.id))].sort(),
          reviews: [...c.reviews].sort(byId),
        };
      },
      raw: (data) => ({
        ...data,
        supporting: data.supporting.map((x) => x.id ?? x),
        contradicting: data.contradicting.map((x) => x.id ?? x),
      }),
    },
  },

  nestedPage: {
    title: 'page of 50 claims, nested',
    params: () => ({}),
    ours: () => ({
      query: `query Nested($first: Int!) { claims(first: $first) { edges { node {
        id text speaker { id name } role { id title organization { name } }
        source { id title publishedDate publisher { id name } }
        figures { id value unit metric { id name } } metrics { id name unit } } }
        pageInfo { endCursor hasNextPage } } }`,
      variables: { first: PAGE_SIZE },
    }),
    n4j: () => ({
      query: `query Nested($first: Int!) { claims(limit: $first, sort: [{ id: ASC }]) {
        id text speaker { ... on Person { id name } ... on Organization { id name } ... on VirtualPresenter { id name } }
        role { id title organization { name } }
        source { id title publishedDate publisher { id name } }
        figures { id value unit metric { id name } } metrics { id name unit } } }`,
      variables: { first: PAGE_SIZE },
    }),
    raw: () => ({
      query: `MATCH (c:Claim) WHERE c.id > ''
        WITH c ORDER BY c.id LIMIT $first
        RETURN collect(c { .id, .text,
          speaker: head(COLLECT { MATCH (c)-[:SAID_BY]->(sp) RETURN sp { .id, .name } }),
          role: head(COLLECT { MATCH (c)-[:SPOKEN_AS]->(r:Role) OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organization)
                               RETURN { id: r.id, title: r.title, organization: o.name } }),
          source: head(COLLECT { MATCH (c)-[:APPEARS_IN]->(s:Source) OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(p:Organization)
                                 RETURN { id: s.id, title: s.title, publishedDate: toString(s.publishedDate),
                                          publisher: CASE WHEN p IS NULL THEN null ELSE p { .id, .name } END } }),
          figures: COLLECT { MATCH (c)-[:CITES]->(f:Figure) OPTIONAL MATCH (f)-[:MEASURES]->(m:Metric)
                             RETURN { id: f.id, value: f.value, unit: f.unit,
                                      metric: CASE WHEN m IS NULL THEN null ELSE m { .id, .name } END } ORDER BY f.id },
          metrics: COLLECT { MATCH (c)-[:ABOUT_METRIC]->(m:Metric) RETURN m { .id, .name, .unit } ORDER BY m.id }
        }) AS data`,
      params: { first: PAGE_SIZE },
    }),
    normalize: {
      ours: (data) =>
        data.claims.edges.map(({ node: c }) => ({
          id: fromGlobal(c.id),
          text: c.text,
          speaker: c.speaker && { id: fromGlobal(c.speaker.id), name: c.speaker.name },
          role: c.role && {
            id: fromGlobal(c.role.id),
            title: c.role.title,
            organization: c.role.organization?.name ?? null,
          },
          source: {
            id: fromGlobal(c.source.id),
            title: c.source.title,
            publishedDate: c.source.publishedDate,
            publisher: c.source.publisher && { id: fromGlobal(c.source.publisher.id), name: c.source.publisher.name },
          },
          figures: c.figures
            .map((f) => ({
              id: fromGlobal(f.id),
              value: f.value,
              unit: f.unit,
              metric: f.metric && { id: fromGlobal(f.metric.id), name: f.metric.name },
            }))
            .sort(byId),
          metrics: c.metrics.map((m) => ({ id: fromGlobal(m.id), name: m.name, unit: m.unit })).sort(byId),
        })),
      n4j: (data) =>
        data.claims.map((c) => ({
          id: c.id,
          text: c.text,
          speaker: c.speaker[0] ?? null,
          role: c.role[0]
            ? { id: c.role[0].id, title: c.role[0].title, organization: c.role[0].organization[0]?.name ?? null }
            : null,
          source: { ...c.source[0], publisher: c.source[0].publisher[0] ?? null },
          figures: c.figures.map((f) => ({ ...f, metric: f.metric[0] ?? null })).sort(byId),
          metrics: [...c.metrics].sort(byId),
        })),
      raw: (data) => data,
    },
  },

  figureSeries: {
    title: "metric's figure series",
    params: (f, i) => ({ id: f.metricIds[i % f.metricIds.length] }),
    ours: ({ id }) => ({
      query: `query Series($id: ID!) { metric(id: $id) { figures(first: 100) { edges { node {
        id value unit period { start end } } } } } }`,
      variables: { id: toGlobal('Metric', id) },
    }),
    n4j: ({ id }) => ({
      query: `query Series($id: ID!) { metrics(where: { id: { eq: $id } }) {
        figures(limit: 100, sort: [{ periodStart: ASC }, { id: ASC }]) { id value unit periodStart periodEnd } } }`,
      variables: { id },
    }),
    raw: ({ id }) => ({
      query: `MATCH (:Metric {id: $id})<-[:MEASURES]-(f:Figure)
        WITH f ORDER BY f.periodStart, f.id LIMIT 100
        RETURN collect({ id: f.id, value: f.value, unit: f.unit,
                         start: toString(f.periodStart), end: toString(f.periodEnd) }) AS data`,
      params: { id },
    }),
    normalize: {
      ours: (data) =>
        data.metric.figures.edges.map(({ node: f }) => ({
          id: fromGlobal(f.id),
          value: f.value,
          unit: f.unit,
          start: f.period.start,
          end: f.period.end,
        })),
      n4j: (data) =>
        data.metrics[0].figures.map((f) => ({
          id: f.id,
          value: f.value,
          unit: f.unit,
          start: f.periodStart,
          end: f.periodEnd,
        })),
      raw: (data) => data,
    },
  },

  search: {
    title: 'full-text search',
    params: (f, i) => ({ term: f.searchTerms[i % f.searchTerms.length] }),
    ours: ({ term }) => ({
      query: `query Search($q: String!) { search(query: $q, first: 10) { score node { id } } }`,
      variables: { q: term },
    }),
    n4j: ({ term }) => ({
      query: `query Search($q: String!) { claimSearch(phrase: $q, first: 10) { edges { score node { id } } } }`,
      variables: { q: term },
    }),
    raw: ({ term }) => ({
      query: `CALL () {
          CALL db.index.fulltext.queryNodes('claim_search', $q, {limit: 10}) YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 10}) YIELD node, score RETURN node, score
        }
        WITH node, score ORDER BY score DESC, node.id LIMIT 10
        RETURN collect({ id: node.id, score: score }) AS data`,
      params: { q: term },
    }),
    // Scores tie often; compared as a set of (id, score), ordered by id.
    normalize: {
      ours: (data) => data.search.map((h) => ({ id: fromGlobal(h.node.id), score: round(h.score) })).sort(byId),
      n4j: (data) => data.claimSearch.edges.map((e) => ({ id: e.node.id, score: round(e.score) })).sort(byId),
      raw: (data) => data.map((h) => ({ id: h.id, score: round(h.score) })).sort(byId),
    },
  },

  deepPage: {
    title: 'deep page (claims 50,000..50,050 by cursor)',
    params: (f) => ({ afterId: f.deepAfterId, offset: f.deepOffset }),
    ours: ({ afterId }) => ({ query: OUR_LIGHT_PAGE, variables: { first: PAGE_SIZE, after: ourCursor(afterId) } }),
    n4j: ({ offset }) => ({ query: N4J_LIGHT_PAGE, variables: { first: PAGE_SIZE, offset } }),
    raw: ({ afterId }) => ({ query: RAW_LIGHT_PAGE, params: { first: PAGE_SIZE, after: afterId } }),
    normalize: {
      ours: (data) => lightOurs(data).items,
      n4j: (data) => lightN4j(data).items,
      raw: (data) => data.items,
    },
  },

  walk: {
    title: 'paged walk through 1,000 claims (20 x 50)',
    // A walk is stateful: the driver passes the previous page's endCursor (null to start over) and
    // the page number (@neo4j/graphql pages by offset).
    params: () => ({ cursor: null, page: 0 }),
    ours: ({ cursor }) => ({ query: OUR_LIGHT_PAGE, variables: { first: PAGE_SIZE, after: cursor } }),
    n4j: ({ page }) => ({ query: N4J_LIGHT_PAGE, variables: { first: PAGE_SIZE, offset: page * PAGE_SIZE } }),
    raw: ({ cursor }) => ({ query: RAW_LIGHT_PAGE, params: { first: PAGE_SIZE, after: cursor ?? '' } }),
    cursorOf: {
      ours: (data) => lightOurs(data).endCursor,
      n4j: (data) => lightN4j(data).endCursor,
      raw: (data) => data.endCursor,
    },
    normalize: {
      ours: (data) => lightOurs(data).items,
      n4j: (data) => lightN4j(data).items,
      raw: (data) => data.items,
    },
  },
};

export const SERVERS = ['ours', 'n4j', 'raw'];
export const SERVER_NAMES = { ours: 'this service', n4j: '@neo4j/graphql', raw: 'raw Cypher' };

/** The HTTP body a server expects for an operation. */
export function requestBody(server, name, params) {
  if (server === 'raw') return JSON.stringify({ op: name, params });
  return JSON.stringify(OPERATIONS[name][server](params));
}

/** The data of a response (throws on GraphQL errors), and its DB round trips. */
export function readResponse(server, text) {
  const body = JSON.parse(text);
  if (body.errors?.length) throw new Error(`${server}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return { data: body.data, roundTrips: body.extensions?.cypherQueries ?? null };
}
