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
