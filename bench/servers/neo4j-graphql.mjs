// The comparison: @neo4j/graphql (one Cypher query per operation) with type definitions equivalent to
// this service's model, over the same database. `node bench/servers/neo4j-graphql.mjs` serves PORT.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';

import { openDriver } from '../lib/db.mjs';

export const typeDefs = /* GraphQL */ `
  union Speaker = Person | Organization | VirtualPresenter

  type Claim
    @node
    @fulltext(indexes: [{ indexName: "claim_search", fields: ["text", "quote"], queryName: "claimSearch" }]) {
    id: ID!
    name: String!
    text: String!
    kind: String!
    attribution: String!
    sourceId: String
    quote: String!
    quoteStart: Int!
    quoteEnd: Int!
    quotePrefix: String!
    quoteSuffix: String!
    source: [Source!]! @relationship(type: "APPEARS_IN", direction: OUT)
    speaker: [Speaker!]! @relationship(type: "SAID_BY", direction: OUT)
    role: [Role!]! @relationship(type: "SPOKEN_AS", direction: OUT)
    figures: [Figure!]! @relationship(type: "CITES", direction: OUT)
    metrics: [Metric!]! @relationship(type: "ABOUT_METRIC", direction: OUT)
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
    targets: [Target!]! @relationship(type: "STATES", direction: OUT)
    supportedBy: [Claim!]! @relationship(type: "SUPPORTS", direction: IN)
    contradictedBy: [Claim!]! @relationship(type: "CONTRADICTS", direction: IN)
    reviews: [Review!]! @relationship(type: "REVIEWS", direction: IN)
  }

  type Source @node {
    id: ID!
    title: String!
    kind: String!
    url: String!
    publishedDate: Date!
    language: String!
    text: String!
    publisher: [Organization!]! @relationship(type: "PUBLISHED_BY", direction: OUT)
    claims: [Claim!]! @relationship(type: "APPEARS_IN", direction: IN)
  }

  type Figure @node {
    id: ID!
    name: String!
    value: Float!
    unit: String!
    qualifier: String!
    periodLabel: String!
    periodStart: Date!
    periodEnd: Date!
    metric: [Metric!]! @relationship(type: "MEASURES", direction: OUT)
    source: [Source!]! @relationship(type: "REPORTED_IN", direction: OUT)
  }

  type Metric @node {
    id: ID!
    name: String!
    description: String!
    unit: String!
    figures: [Figure!]! @relationship(type: "MEASURES", direction: IN)
  }

  type Person @node {
    id: ID!
    name: String!
    description: String
    roles: [Role!]! @relationship(type: "HOLDS_ROLE", direction: OUT)
  }

  type Organization @node {
    id: ID!
    name: String!
    fullName: String
    kind: String!
  }

  type VirtualPresenter @node {
    id: ID!
    name: String!
    description: String!
  }

  type Role @node {
    id: ID!
    name: String!
    title: String!
    status: String!
    organization: [Organization!]! @relationship(type: "ROLE_AT", direction: OUT)
  }

  type Topic @node {
    id: ID!
    name: String!
  }

  type Target @node {
    id: ID!
    name: String!
  }

  type Review @node {
    id: ID!
    rating: Int!
    ratingLabel: String!
    reviewer: String!
    datePublished: Date!
  }
`;

/** Served the way @neo4j/graphql documents it: Apollo Server (standalone), like this service. */
export async function createNeo4jGraphqlServer(port) {
  const driver = openDriver({ disableLosslessIntegers: false });
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema, plugins: [oneQueryPerOperation] });
  const { url } = await startStandaloneServer(apollo, { listen: { port, host: '127.0.0.1' } });
  return { url, apollo, driver, schema };
}

/** @neo4j/graphql compiles every operation into one Cypher query: report it like our service does. */
const oneQueryPerOperation = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cypherQueries: 1 };
        }
      },
    };
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4101);
  await createNeo4jGraphqlServer(port);
  console.log(`@neo4j/graphql on http://127.0.0.1:${port}/graphql`);
}
