import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the lineage explorer's operations (web/explore/operations/*.graphql) from the
 * committed schema. `npm run codegen` writes web/explore/gql/ (git-ignored); `npm run build:web`
 * runs it and type-checks web/, so a schema change that breaks the page fails the build.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/explore/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/explore/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { LocalDate: 'string', DateTime: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
