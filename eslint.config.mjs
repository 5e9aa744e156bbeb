import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.neo4j-data/', 'web/explore/gql/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Modules read the types of their context from src/modules/context.ts; the wiring that builds a
  // request and the server (src/context.ts, server.ts, schema.ts...) imports modules, never the reverse.
  wiringImportsRefused('src/modules/*.ts', '../'),
  wiringImportsRefused('src/modules/*/**/*.ts', '../../'),
  {
    // The domain core holds the rules shared by ingestion and the API: it may not know about
    // GraphQL, Neo4j or the modules built on it (docs/architecture.md).
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['graphql', 'type-graphql', 'neo4j-driver', 'graphql-scalars'],
          patterns: [
            {
              group: ['graphql/*', 'neo4j-driver/*', '@apollo/*'],
              message: 'The domain core knows no GraphQL or Neo4j.',
            },
            {
              group: ['**/modules', '**/modules/**', '**/db', '**/db/**', '**/ingest', '**/ingest/**', '**/errors'],
              message: 'The domain core imports nothing built on it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', globalThis: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

function wiringImportsRefused(files, up) {
  const wiring = ['context', 'server', 'main', 'schema', 'federation', 'bookmarks'];
  const message = 'Modules must not import the wiring (see src/modules/context.ts for the Context type).';
  return {
    files: [files],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: wiring.map((name) => ({ name: `${up}${name}`, message })) },
      ],
    },
  };
}
