import { ConfigError, DEVELOPMENT_TOKENS, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('uses the local Neo4j and development defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: 'news-claims-dev',
      database: 'neo4j',
      isLocal: true,
      maxRetryTimeMs: 5000,
      maxPoolSize: 50,
      acquisitionTimeoutMs: 10_000,
      transactionTimeoutMs: 15_000,
    });
    expect(config.port).toBe(4000);
    expect(config.introspection).toBe(true);
    expect(config.apiTokens).toEqual(DEVELOPMENT_TOKENS);
  });

  it('uses a given NEO4J_URI (Aura, a cluster) and starts nothing', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_DATABASE: 'claims',
      PORT: '8080',
    });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', database: 'claims', isLocal: false });
    expect(config.port).toBe(8080);
  });

  it('reads the driver pool and timeout settings, within bounds', () => {
    const config = loadConfig({
      NEO4J_MAX_POOL_SIZE: '200',
      NEO4J_ACQUISITION_TIMEOUT_MS: '2000',
      NEO4J_TRANSACTION_TIMEOUT_MS: '30000',
    });
    expect(config.neo4j).toMatchObject({ maxPoolSize: 200, acquisitionTimeoutMs: 2000, transactionTimeoutMs: 30_000 });
    expect(() => loadConfig({ NEO4J_MAX_POOL_SIZE: '0' })).toThrow(/NEO4J_MAX_POOL_SIZE/);
    expect(() => loadConfig({ NEO4J_TRANSACTION_TIMEOUT_MS: 'soon' })).toThrow(
      /NEO4J_TRANSACTION_TIMEOUT_MS: must be a number of milliseconds/,
    );
  });

  it('drains for DRAIN_DELAY_MS on shutdown: 5 s in production unless set, none elsewhere', () => {
    const production = {
      NODE_ENV: 'production',
      API_TOKENS: 'editor:ed:editor-token-123',
      NEO4J_PASSWORD: 'not-default-1',
    };
    expect(loadConfig({}).drainDelayMs).toBe(0);
    expect(loadConfig(production).drainDelayMs).toBe(5_000);
    expect(loadConfig({ ...production, DRAIN_DELAY_MS: '15000' }).drainDelayMs).toBe(15_000);
    expect(loadConfig({ DRAIN_DELAY_MS: '0' }).drainDelayMs).toBe(0);
    expect(() => loadConfig({ DRAIN_DELAY_MS: '-1' })).toThrow(/DRAIN_DELAY_MS/);
    expect(() => loadConfig({ DRAIN_DELAY_MS: 'a while' })).toThrow(/DRAIN_DELAY_MS: must be a number of milliseconds/);
  });

  it('names every invalid variable in one error', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://example.org', PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ NEO4J_URI: 'http://example.org', PORT: '70000' });
    } catch (error) {
      expect((error as Error).message).toMatch(/NEO4J_URI: must be a URL with one of the schemes/);
      expect((error as Error).message).toMatch(/PORT:/);
    }
  });

  it('parses API_TOKENS and refuses malformed entries', () => {
    expect(loadConfig({ API_TOKENS: 'reviewer:alice:alice-token-123,editor:bob:bob-token-4567' }).apiTokens).toEqual([
      { role: 'reviewer', name: 'alice', token: 'alice-token-123' },
      { role: 'editor', name: 'bob', token: 'bob-token-4567' },
    ]);
    expect(() => loadConfig({ API_TOKENS: 'admin:alice:alice-token-123' })).toThrow(/API_TOKENS/);
    expect(() => loadConfig({ API_TOKENS: 'editor:bob:short' })).toThrow(/at least 12 characters/);
  });

  it('refuses to start in production with the development tokens', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_TOKENS: must be set in production/);
    const production = {
      NODE_ENV: 'production',
      API_TOKENS: 'editor:ci:ci-token-00001',
      NEO4J_PASSWORD: 'prod-secret-1',
    };
    const config = loadConfig(production);
    expect(config.introspection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('refuses to start in production with the development Neo4j password, set or defaulted', () => {
    const production = { NODE_ENV: 'production', API_TOKENS: 'editor:ci:ci-token-00001' };
    expect(() => loadConfig(production)).toThrow(/NEO4J_PASSWORD: must be set to a non-default password in production/);
    expect(() => loadConfig({ ...production, NEO4J_PASSWORD: 'news-claims-dev' })).toThrow(/NEO4J_PASSWORD/);
    expect(() => loadConfig({ ...production, NEO4J_PASSWORD: '   ' })).toThrow(/NEO4J_PASSWORD/);
    expect(loadConfig({ ...production, NEO4J_PASSWORD: 'prod-secret-1' }).neo4j.password).toBe('prod-secret-1');
    // Development and test keep the local default.
    expect(loadConfig({ NODE_ENV: 'test' }).neo4j.password).toBe('news-claims-dev');
  });

  it('allows no cross-origin browser by default and parses CORS_ORIGINS as an explicit allow-list', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://factcheck.example.org, http://localhost:5173' }).corsOrigins).toEqual([
      'https://factcheck.example.org',
      'http://localhost:5173',
    ]);
  });

  it.each(['*', 'https://example.org/path', 'example.org', 'ftp://example.org', 'https://example.org,null'])(
    'refuses CORS_ORIGINS=%s',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS: .* is not an origin/);
    },
  );
});
