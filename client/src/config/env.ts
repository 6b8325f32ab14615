/**
 * The only module that reads `import.meta.env`. Jest maps it to test/env.ts (ts-jest cannot compile
 * `import.meta`). Values are validated here so that a bad VITE_* setting fails loudly at start.
 */
export interface ClientEnv {
  /** GraphQL endpoint; relative, because the server serves this client on its own origin. */
  graphqlUrl: string;
  tileUrl: string;
  tileAttribution: string;
  isProduction: boolean;
}

const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const DEFAULT_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function readEnv(raw: Record<string, unknown>): ClientEnv {
  const tileUrl = nonEmpty(raw.VITE_TILE_URL) ?? DEFAULT_TILE_URL;
  if (!tileUrl.includes('{z}') || !tileUrl.includes('{x}') || !tileUrl.includes('{y}')) {
    throw new Error(`VITE_TILE_URL must contain {z}, {x} and {y}: ${tileUrl}`);
  }
  return {
    graphqlUrl: nonEmpty(raw.VITE_GRAPHQL_URL) ?? '/graphql',
    tileUrl,
    tileAttribution: nonEmpty(raw.VITE_TILE_ATTRIBUTION) ?? DEFAULT_TILE_ATTRIBUTION,
    isProduction: raw.PROD === true,
  };
}

export const env: ClientEnv = readEnv(import.meta.env as unknown as Record<string, unknown>);
