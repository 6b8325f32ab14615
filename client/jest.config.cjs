/** Component and unit tests (jsdom). The map kit (Leaflet, ESM-only react-leaflet) is covered by test/e2e. */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/polyfills.cjs'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleNameMapper: {
    // import.meta.env cannot be compiled by ts-jest: the one module that reads it has a test stand-in.
    '^(\\.{1,2}/)+config/env$': '<rootDir>/test/env.ts',
    '\\.(css)$': '<rootDir>/test/stubs/style.cjs',
    '\\.(svg|png|jpg|jpeg|gif|webp)$': '<rootDir>/test/stubs/file.cjs',
    '^@partneratlas/shared$': '<rootDir>/../shared/src/index.ts',
  },
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          jsx: 'react-jsx',
          module: 'commonjs',
          moduleResolution: 'node',
          esModuleInterop: true,
          resolveJsonModule: true,
          isolatedModules: true,
          strict: true,
          target: 'ES2022',
          types: ['jest', '@testing-library/jest-dom'],
        },
        diagnostics: { ignoreCodes: ['TS151001'] },
      },
    ],
  },
};
