import { z } from 'zod';

import type { ApiToken } from './auth';

/** The development password of the Neo4j that scripts/neo4j.mjs starts; keep both in step. */
export const DEFAULT_LOCAL_PASSWORD = 'news-claims-dev';
export const LOCAL_NEO4J_URI = 'bolt://127.0.0.1:7687';

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

function hasNeo4jScheme(uri: string): boolean {
  try {
    return NEO4J_SCHEMES.includes(new URL(uri).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  NEO4J_URI: optionalText.refine((uri) => uri === undefined || hasNeo4jScheme(uri), {
    message: `must be a URL with one of the schemes ${NEO4J_SCHEMES.join(', ')} (for example bolt://127.0.0.1:7687)`,
  }),
  NEO4J_USER: optionalText.default('neo4j'),
  NEO4J_PASSWORD: optionalText.default(DEFAULT_LOCAL_PASSWORD),
  NEO4J_DATABASE: optionalText.default('neo4j'),
  SLOW_QUERY_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(0).default(500),
  NEO4J_MAX_RETRY_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(60_000)
    .default(5_000),
  /** Connections per Neo4j server the driver may open; each running transaction holds one. */
  NEO4J_MAX_POOL_SIZE: z.coerce.number({ message: 'must be a whole number' }).int().min(1).max(1000).default(50),
  /** How long a statement waits for a free connection before the request fails with SERVICE_UNAVAILABLE. */
  NEO4J_ACQUISITION_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(100)
    .max(120_000)
    .default(10_000),
  /** The server aborts a transaction running longer than this. */
  NEO4J_TRANSACTION_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int()
    .min(100)
    .max(600_000)
    .default(15_000),
  /**
   * On SIGTERM, how long the service keeps serving with /ready at 503 before it closes its port, so
   * a load balancer or Kubernetes stops sending it requests first. Default 5 s in production, else 0.
   */
  DRAIN_DELAY_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(0).max(120_000).optional(),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(4000),
  HOST: optionalText.default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** What GET /graphql shows a browser: the bundled GraphiQL (offline) or Apollo's landing page (loads from a CDN). */
  GRAPHQL_IDE: z.enum(['graphiql', 'apollo']).default('graphiql'),
  /** Serve the schema as an Apollo Federation 2 subgraph (src/federation.ts). */
  GRAPHQL_FEDERATION: z.enum(['true', 'false']).default('false'),
  /** Browser origins allowed to call the API cross-origin, comma-separated; unset: none (same-origin only). */
  CORS_ORIGINS: optionalText.pipe(
    z
      .string()
      .transform((value, context) => parseOrigins(value, context))
      .optional(),
  ),
  API_TOKENS: optionalText.pipe(
    z
      .string()
      .transform((value, context) => parseTokens(value, context))
      .optional(),
  ),
});

/** Development tokens, documented in the README; refused in production, where API_TOKENS must be set. */
export const DEVELOPMENT_TOKENS: ApiToken[] = [
  { role: 'editor', name: 'dev-editor', token: 'dev-editor-token' },
  { role: 'reviewer', name: 'dev-reviewer', token: 'dev-reviewer-token' },
];

/** API_TOKENS: comma-separated "role:name:token" entries, e.g. "reviewer:alice:s3cret-token". */
function parseTokens(value: string, context: z.RefinementCtx): ApiToken[] {
  return value.split(',').flatMap((entry) => {
    const [role, name, token, ...rest] = entry.trim().split(':');
    if ((role !== 'editor' && role !== 'reviewer') || !name || !token || rest.length > 0 || token.length < 12) {
      context.addIssue({
        code: 'custom',
        message: 'each entry must be "editor|reviewer:name:token" with a token of at least 12 characters',
      });
      return [];
    }
    return [{ role, name, token }];
  });
}

/** CORS_ORIGINS: comma-separated origins such as "https://factcheck.example.org,http://localhost:5173". */
function parseOrigins(value: string, context: z.RefinementCtx): string[] {
  return value.split(',').flatMap((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      context.addIssue({
        code: 'custom',
        message: `"${origin}" is not an origin: each entry must be scheme://host[:port], without a path or "*"`,
      });
      return [];
    }
    return [origin];
  });
}

export interface Config {
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string;
    /** How long the driver retries a transaction on transient errors before the request fails. */
    maxRetryTimeMs: number;
    maxPoolSize: number;
    acquisitionTimeoutMs: number;
    transactionTimeoutMs: number;
    /** True when NEO4J_URI is unset: the project's own Neo4j (scripts/neo4j.mjs) is used and may be started. */
    isLocal: boolean;
  };
  port: number;
  /** DRAIN_DELAY_MS: after SIGTERM, how long /ready answers 503 while requests are still served. */
  drainDelayMs: number;
  /** Cypher statements slower than this are logged with their name and parameter shape. */
  slowQueryMs: number;
  host: string;
  environment: 'development' | 'production' | 'test';
  introspection: boolean;
  /** GRAPHQL_IDE: what GET /graphql shows a browser (src/pages.ts). */
  graphqlIde: 'graphiql' | 'apollo';
  /** GRAPHQL_FEDERATION: serve the subgraph schema, with `_entities` and `_service`, instead of the plain one. */
  federation: boolean;
  apiTokens: ApiToken[];
  /** CORS_ORIGINS: the only origins a browser may call the API from cross-origin; empty means same-origin only. */
  corsOrigins: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once; every invalid variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && values.API_TOKENS === undefined) {
    throw new ConfigError('Invalid configuration:\n  API_TOKENS: must be set in production');
  }
  if (values.NODE_ENV === 'production' && values.NEO4J_PASSWORD === DEFAULT_LOCAL_PASSWORD) {
    throw new ConfigError(
      'Invalid configuration:\n  NEO4J_PASSWORD: must be set to a non-default password in production',
    );
  }
  return {
    neo4j: {
      uri: values.NEO4J_URI ?? LOCAL_NEO4J_URI,
      user: values.NEO4J_USER ?? 'neo4j',
      password: values.NEO4J_PASSWORD ?? DEFAULT_LOCAL_PASSWORD,
      database: values.NEO4J_DATABASE ?? 'neo4j',
      maxRetryTimeMs: values.NEO4J_MAX_RETRY_MS,
      maxPoolSize: values.NEO4J_MAX_POOL_SIZE,
      acquisitionTimeoutMs: values.NEO4J_ACQUISITION_TIMEOUT_MS,
      transactionTimeoutMs: values.NEO4J_TRANSACTION_TIMEOUT_MS,
      isLocal: values.NEO4J_URI === undefined,
    },
    port: values.PORT,
    drainDelayMs: values.DRAIN_DELAY_MS ?? (values.NODE_ENV === 'production' ? 5_000 : 0),
    slowQueryMs: values.SLOW_QUERY_MS,
    host: values.HOST ?? '0.0.0.0',
    environment: values.NODE_ENV,
    introspection:
      values.GRAPHQL_INTROSPECTION === undefined
        ? values.NODE_ENV !== 'production'
        : values.GRAPHQL_INTROSPECTION === 'true',
    apiTokens: values.API_TOKENS ?? DEVELOPMENT_TOKENS,
    corsOrigins: values.CORS_ORIGINS ?? [],
    graphqlIde: values.GRAPHQL_IDE,
    federation: values.GRAPHQL_FEDERATION === 'true',
  };
}
