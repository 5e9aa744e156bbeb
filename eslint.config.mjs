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
