import { loadConfig, type Config } from '../../src/config';
import { createServiceSchema } from '../../src/federation';
import { startServer, type App } from '../../src/server';
import { openTestDatabase, type TestDatabase } from './neo4j';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: { cypherQueries?: number };
}

interface GraphQLOptions {
  token?: string;
  operationName?: string;
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  config: Config;
  /** POSTs an operation to /graphql and returns the parsed body with the HTTP status. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GraphQLOptions,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface HttpGraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: Omit<GraphQLResponse<T>, 'status'> & { extensions?: Record<string, unknown> };
}

/** POSTs an operation to `baseUrl`/graphql with extra headers; the status, headers and parsed body. */
export async function postGraphQL<T = Record<string, unknown>>(
  baseUrl: string,
  operation: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<HttpGraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(operation),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as HttpGraphQLResponse<T>['body'],
  };
}

/** Tokens of the development configuration (src/config.ts DEVELOPMENT_TOKENS). */
export const EDITOR_TOKEN = 'dev-editor-token';
export const REVIEWER_TOKEN = 'dev-reviewer-token';

/**
 * The real service on a free port against the real Neo4j, with the schema migrated and the
 * article seeded by the caller if it needs it. Each test file starts its own and closes it.
 * `env` adds configuration variables, e.g. GRAPHQL_FEDERATION=true.
 */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test', ...env }), host: '127.0.0.1' };
  const db = await openTestDatabase();
  const schema = await createServiceSchema(config);
  const app: App = await startServer({ config, executor: db.executor, schema, port: 0 });
  return {
    url: app.url,
    db,
    config,
    async graphql<T>(query: string, variables?: Record<string, unknown>, options: GraphQLOptions = {}) {
      const { status, body } = await postGraphQL<T>(
        app.url,
        { query, variables, operationName: options.operationName },
        options.token ? { authorization: `Bearer ${options.token}` } : {},
      );
      return { status, ...body };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
