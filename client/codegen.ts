import type { CodegenConfig } from '@graphql-codegen/cli';

// Types and typed documents generated from the server's committed schema. Never edit the output by hand.
const config: CodegenConfig = {
  schema: '../server/schema.gql',
  documents: ['src/features/**/api/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/lib/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', GeoJSON: 'unknown', JSON: 'Record<string, unknown>' },
        skipTypename: false,
      },
    },
  },
  hooks: { afterAllFileWrite: [] },
};
export default config;
