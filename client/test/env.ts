import type { ClientEnv } from '../src/config/env';

/** Test stand-in for src/config/env.ts (jest cannot compile `import.meta.env`). */
export function readEnv(): ClientEnv {
  return env;
}

export const env: ClientEnv = {
  graphqlUrl: '/graphql',
  tileUrl: 'https://tile.example.test/{z}/{x}/{y}.png',
  tileAttribution: '© Test tiles',
  isProduction: false,
};
