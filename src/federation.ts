import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/buildSubgraphSchema';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';

import type { Config } from './config';
import type { Context, Loaders } from './modules/context';
import { BadUserInputError } from './errors';
import { parseGlobalId } from './modules/common/global-id';
import { MAX_PAGE_SIZE } from './modules/common/pagination';
import type { EntityData } from './modules/entities';
import { createSchema } from './schema';

/**
 * Federation 2, importing only `@key`: this subgraph owns every type it serves, so it needs none
 * of the directives for sharing or extending another subgraph's fields.
 */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

type KeyLoader = { load(key: string): Promise<EntityData | undefined> };

/**
 * The entities (the classes carrying `@key(fields: "id")`) and the per-request loader each one's
 * references go through: a router's `_entities` call for N ids of a type is one batched statement.
 */
const ENTITY_LOADERS: Record<string, (loaders: Loaders) => KeyLoader> = {
  Claim: (loaders) => loaders.claims.byKey,
  Source: (loaders) => loaders.sources.byKey,
  Person: (loaders) => loaders.people.byKey,
  Organization: (loaders) => loaders.organizations.byKey,
  Metric: (loaders) => loaders.metrics.byKey,
};

/**
 * `__resolveReference` of one entity type. A reference this service never issued (not a string,
 * malformed, the id of another type, or of a deleted node) resolves to null, as `node(id)` does for
 * a missing node, so one bad representation does not fail the router's whole batch.
 */
function referenceResolver(type: string, loaderOf: (loaders: Loaders) => KeyLoader) {
  return async (reference: { id?: unknown }, context: Context) => {
    const parsed = typeof reference.id === 'string' ? parseGlobalId(reference.id) : undefined;
    if (parsed?.type !== type) return null;
    return (await loaderOf(context.loaders).load(parsed.key)) ?? null;
  };
}

/**
 * The same schema as `createSchema` served as an Apollo Federation 2 subgraph: printed with its
 * directives (the `@key`s), rebuilt by `buildSubgraphSchema`, which adds `_entities` and `_service`,
 * with type-graphql's resolvers plus the reference resolvers.
 */
export async function createSubgraphSchema(): Promise<GraphQLSchema> {
  const schema = await createSchema();
  const resolvers = createResolversMap(schema) as NonNullable<GraphQLSchemaModule['resolvers']>;
  for (const [type, loaderOf] of Object.entries(ENTITY_LOADERS)) {
    // An object type's entry in the map is its field resolvers; the reference resolver joins them.
    const fields = resolvers[type] as Record<string, GraphQLFieldResolver<unknown, Context>>;
    resolvers[type] = { ...fields, __resolveReference: referenceResolver(type, loaderOf) };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
  guardEntityTypes(subgraph);
  return subgraph;
}

/**
 * Lets `_entities` fetch only the entities above, at most a page of them at a time. For any other type name the subgraph library would
 * fail with an internal error (unknown type) or echo the representation back as that type (a type
 * without a reference resolver); a client sending one gets BAD_USER_INPUT instead.
 */
function guardEntityTypes(subgraph: GraphQLSchema): void {
  const entities = subgraph.getQueryType()?.getFields()._entities;
  const resolve = entities?.resolve;
  if (!entities || !resolve) throw new Error('buildSubgraphSchema added no _entities field');
  const types = Object.keys(ENTITY_LOADERS);
  entities.resolve = (source, args: { representations: { __typename?: unknown }[] }, context, info) => {
    // Like every list of this API, at most one page: each representation may select nested lists.
    if (args.representations.length > MAX_PAGE_SIZE) {
      throw new BadUserInputError(
        `"representations" may hold at most ${MAX_PAGE_SIZE} entities; send more in several requests`,
        'representations',
      );
    }
    if (!args.representations.every((reference) => types.includes(reference.__typename as string))) {
      throw new BadUserInputError(
        `"representations" may only name the entity types ${types.join(', ')}`,
        'representations',
      );
    }
    return resolve(source, args, context, info);
  };
}

/** The schema the service serves: the subgraph one when GRAPHQL_FEDERATION is on, else the plain one. */
export function createServiceSchema(config: Pick<Config, 'federation'>): Promise<GraphQLSchema> {
  return config.federation ? createSubgraphSchema() : createSchema();
}
