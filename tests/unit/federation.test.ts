import { composeServices } from '@apollo/composition';
import {
  execute,
  isObjectType,
  isUnionType,
  parse,
  printType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

import { ConfigError, loadConfig } from '../../src/config';
import { createServiceSchema, createSubgraphSchema } from '../../src/federation';
import { createSchema } from '../../src/schema';

const ENTITIES = ['Claim', 'Source', 'Person', 'Organization', 'Metric'];

/** A second team's subgraph: it knows people only by the key this service gives them. */
const AUDIENCE_SUBGRAPH = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Person @key(fields: "id") {
    id: ID!
    followerCount: Int!
  }

  type Query {
    mostFollowed(first: Int!): [Person!]!
  }
`);

/** What a router fetches from a subgraph to compose it: the SDL with the federation directives. */
async function serviceSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  expect(result.errors).toBeUndefined();
  return (result.data as { _service: { sdl: string } })._service.sdl;
}

const fieldNames = (type: GraphQLObjectType) => Object.keys(type.getFields());

describe('the federation subgraph', () => {
  let plain: GraphQLSchema;
  let subgraph: GraphQLSchema;

  beforeAll(async () => {
    [plain, subgraph] = await Promise.all([createSchema(), createSubgraphSchema()]);
  });

  it('serves the same types as the plain schema, with only _entities and _service added to Query', () => {
    for (const type of Object.values(plain.getTypeMap())) {
      if (type.name.startsWith('__') || type.name === 'Query') continue;
      const served = subgraph.getType(type.name);
      expect(served && printType(served)).toBe(printType(type));
    }
    const query = subgraph.getQueryType();
    expect(query && fieldNames(query)).toEqual([...fieldNames(plain.getQueryType()!), '_entities', '_service']);
  });

  it('makes Claim, Source, Person, Organization and Metric entities keyed by their global id', async () => {
    const entity = subgraph.getType('_Entity');
    expect(isUnionType(entity) && entity.getTypes().map((type) => type.name)).toEqual(expect.arrayContaining(ENTITIES));
    expect(isUnionType(entity) && entity.getTypes()).toHaveLength(ENTITIES.length);
    const sdl = await serviceSdl(subgraph);
    for (const name of ENTITIES) {
      expect(sdl).toMatch(new RegExp(`^type ${name} implements [^{]*@key\\(fields: "id"\\)`, 'm'));
    }
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
  });

  it('composes with a second subgraph that extends Person into a valid supergraph', async () => {
    const result = composeServices([
      { name: 'claims', url: 'http://claims.internal/graphql', typeDefs: parse(await serviceSdl(subgraph)) },
      { name: 'audience', url: 'http://audience.internal/graphql', typeDefs: AUDIENCE_SUBGRAPH },
    ]);
    // A failed composition lists why: show it rather than "expected undefined".
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
    const supergraph = result.supergraphSdl;
    // Person is joined from both subgraphs on the same key, each contributing its own fields.
    expect(supergraph).toMatch(
      /^type Person implements [^{]*@join__type\(graph: AUDIENCE, key: "id"\)\s*@join__type\(graph: CLAIMS, key: "id"\)/m,
    );
    expect(supergraph).toContain('followerCount: Int! @join__field(graph: AUDIENCE)');
    expect(supergraph).toContain('name: String! @join__field(graph: CLAIMS)');
    for (const name of ENTITIES) {
      expect(supergraph).toMatch(
        new RegExp(`^type ${name} implements [^{]*@join__type\\(graph: CLAIMS, key: "id"\\)`, 'm'),
      );
    }
    // The API schema clients of a router would see: the fields of both subgraphs side by side.
    const api = result.schema.toAPISchema().toGraphQLJSSchema();
    expect(fieldNames(api.getQueryType()!)).toEqual(expect.arrayContaining(['claims', 'node', 'mostFollowed']));
    const person = api.getType('Person');
    expect(isObjectType(person) && fieldNames(person)).toEqual(
      expect.arrayContaining(['id', 'name', 'roles', 'claims', 'followerCount']),
    );
  });
});

describe('GRAPHQL_FEDERATION', () => {
  it('is off by default: the served schema has no _entities or _service', async () => {
    const config = loadConfig({});
    expect(config.federation).toBe(false);
    const schema = await createServiceSchema(config);
    expect(fieldNames(schema.getQueryType()!)).not.toEqual(expect.arrayContaining(['_entities']));
    expect(fieldNames(schema.getQueryType()!)).not.toEqual(expect.arrayContaining(['_service']));
    expect(schema.getType('_Entity')).toBeUndefined();
    expect(schema.getType('_Any')).toBeUndefined();
  });

  it('=true serves the subgraph schema', async () => {
    const config = loadConfig({ GRAPHQL_FEDERATION: 'true' });
    expect(config.federation).toBe(true);
    const schema = await createServiceSchema(config);
    expect(fieldNames(schema.getQueryType()!)).toEqual(expect.arrayContaining(['_entities', '_service']));
  });

  it('refuses anything but true or false, naming the variable', () => {
    expect(() => loadConfig({ GRAPHQL_FEDERATION: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPHQL_FEDERATION: 'yes' })).toThrow(/GRAPHQL_FEDERATION/);
  });
});
