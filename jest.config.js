/**
 * Three projects: unit tests (no database), integration tests against the real Neo4j that
 * scripts/neo4j.mjs starts, and real GraphQL clients against the service on that Neo4j. `npm test` runs all three in band: integration tests share one database
 * and some compare whole-graph counts before and after an operation.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option (ignored inside projects): integration hooks start a server and seed the
  // graph, which takes more than jest's default 5 s on a loaded 2-core machine.
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/tests/support/quiet-logs.js'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
      globalTeardown: '<rootDir>/tests/support/global-teardown.js',
    },
    {
      // Relay, Apollo Client and urql against the real service (tests/clients/<name>/).
      ...common,
      displayName: 'clients',
      testMatch: ['<rootDir>/tests/clients/**/*.int.test.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/tests/support/quiet-logs.js'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
      globalTeardown: '<rootDir>/tests/support/global-teardown.js',
    },
  ],
};
