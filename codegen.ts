// GraphQL codegen: types every web operation from the printed schema (client preset).
import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations live in plain .ts modules beside their components (graphql-tag-pluck would need
// svelte2tsx to read .svelte files, and keeping them in .ts lets the logic modules share the types).
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.ts', '!web/src/gql/**', '!web/src/**/*.test.ts'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string' },
        strictScalars: true,
        useTypeImports: true,
        enumType: 'string-literal',
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        nonOptionalTypename: false,
        skipTypename: true,
      },
    },
  },
};

export default config;
