import * as path from 'node:path';
import { z } from 'zod';

/** Repository root (server/dist/config or server/src/config → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'data')),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  MIGRATIONS_RUN: bool.default(true),
  SEED_ON_EMPTY: bool.default(true),
  GRAPHQL_DEPTH_LIMIT: z.coerce.number().int().min(2).max(20).default(8),
  GRAPHQL_INTROSPECTION: bool.optional(),
  CLIENT_DIST: z.string().default(path.join(REPO_ROOT, 'client', 'dist')),
  LOG_SQL: bool.default(false),
});

export type AppConfig = z.infer<typeof schema> & {
  isProduction: boolean;
  introspection: boolean;
};

export class ConfigError extends Error {}

/** The only place that reads process.env. Fails fast with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  const isProduction = c.NODE_ENV === 'production';
  return { ...c, isProduction, introspection: c.GRAPHQL_INTROSPECTION ?? !isProduction };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
