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
  /** Sessions end after this much inactivity … */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** … and at the latest this long after sign-in. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Cookies get `Secure` (HTTPS only); defaults to true outside development and test. */
  COOKIE_SECURE: bool.optional(),
  /** Failed sign-ins per (email, IP) within LOGIN_WINDOW_MINUTES before that pair is locked for as long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Public address used in invitation links (no trailing slash). */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+[^/\s]$/, 'must be an http(s) URL without trailing slash')
    .default('http://localhost:3000'),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** smtp(s)://user:pass@host:port; without it mails are written to the log (development). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Partneratlas <no-reply@localhost>'),
  /** Largest import (all files, decoded) in megabytes; the request body limit follows from it (base64: × 4/3). */
  IMPORT_MAX_MB: z.coerce.number().min(1).max(200).default(20),
});

export type AppConfig = z.infer<typeof schema> & {
  isProduction: boolean;
  introspection: boolean;
  cookieSecure: boolean;
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
  return {
    ...c,
    isProduction,
    introspection: c.GRAPHQL_INTROSPECTION ?? !isProduction,
    cookieSecure: c.COOKIE_SECURE ?? !(c.NODE_ENV === 'development' || c.NODE_ENV === 'test'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
