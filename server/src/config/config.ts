import { isIP } from 'node:net';
import * as path from 'node:path';
import { z } from 'zod';

/** Repository root (server/dist/config or server/src/config → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

type TileOrigin = { ok: true; origin: string | null } | { ok: false };

/**
 * The origin of a tile URL template for the CSP: `https://tile.example.org`, `https://*.tile.example.org` for a
 * `{s}` subdomain template, null for a relative template (served by this origin).
 */
function tileOriginResult(template: string): TileOrigin {
  if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p))) return { ok: false };
  if (template.startsWith('/') && !template.startsWith('//')) return { ok: true, origin: null };
  const m = /^(https:\/\/)([^/?#]+)(?:[/?#]|$)/.exec(template);
  if (!m) return { ok: false };
  let host = m[2];
  let wildcard = false;
  if (host.startsWith('{s}.')) {
    host = host.slice(4);
    wildcard = true;
  }
  if (host.includes('{') || host.includes('@')) return { ok: false };
  try {
    const url = new URL(`${m[1]}${host}`);
    return { ok: true, origin: `${url.protocol}//${wildcard ? '*.' : ''}${url.host}` };
  } catch {
    return { ok: false };
  }
}

export function tileOrigin(template: string): string | null {
  const r = tileOriginResult(template);
  if (!r.ok) throw new ConfigError(`Invalid TILE_URL: ${template}`);
  return r.origin;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY → the value for Express' `trust proxy` (false, a hop count, or a list); null when invalid. */
function parseTrustProxy(raw: string): false | number | string[] | null {
  const v = raw.trim().toLowerCase();
  if (v === 'false' || v === '0' || v === 'no' || v === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : null;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = (item: string) => {
    if (PROXY_NAMES.has(item)) return true;
    const [address, bits, ...rest] = item.split('/');
    if (rest.length) return false;
    const kind = isIP(address);
    if (!kind) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
  };
  return items.length > 0 && items.every(valid) ? items : null;
}

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
  /** Abuse limits of /graphql (README "Limits"): estimated cost (objects a response may hold), aliases, tokens, batch size. */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1000),
  GRAPHQL_MAX_BATCH: z.coerce.number().int().min(1).max(100).default(5),
  /**
   * Production only: anonymous directory and coverage answers are reused for this long (0: off). Staleness bound for
   * anonymous readers (response-cache.ts); signed-in users always get fresh answers.
   */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Memory the anonymous answer cache may hold (serialized size); least recently stored answers are dropped first. */
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  /** A query stops with TIMEOUT after this long; it is also PostgreSQL's statement_timeout of every pool connection. */
  GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Operations (each root field of each operation in a batch) per minute; 0 switches the limit off. */
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000_000).default(600),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000_000).default(1200),
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
  /**
   * Optional geocoder: base URL of a Nominatim-compatible service (its /search endpoint is used). Without it nothing is
   * geocoded: imported entries without coordinates are listed for manual placing, and the editor hides the lookup.
   */
  GEOCODER_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL (a Nominatim-compatible service, e.g. https://nominatim.openstreetmap.org)')
    .optional(),
  /** Shown with every geocoder result (the service's licence requires it). */
  GEOCODER_ATTRIBUTION: z.string().min(3).default('© OpenStreetMap contributors (Nominatim, ODbL)'),
  /** At least this long between two geocoder requests of the whole installation (Nominatim's policy: at most 1 per second). */
  GEOCODER_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Identifies the application to the geocoder (Nominatim refuses stock HTTP-library agents); default names Partneratlas and PUBLIC_URL. */
  GEOCODER_USER_AGENT: z.string().min(3).max(300).optional(),
  /** Contact address sent as `email` parameter (Nominatim asks for one for anything beyond occasional use). */
  GEOCODER_EMAIL: z.string().email('must be an email address').optional(),
  /** One geocoder request gives up after this long. */
  /**
   * Coverage results are kept until the data changes (coverage-cache.ts). One that took longer than this to compute
   * is served out of date (with its time) while a new one is computed; quicker ones are recomputed at once.
   */
  COVERAGE_SYNC_BUDGET_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  /** Limit of one coverage computation (it runs apart from the request, which waits at most GRAPHQL_TIMEOUT_MS). */
  COVERAGE_COMPUTE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  /** Coverage computations running at once in one server process (each holds a database connection and a core). */
  COVERAGE_MAX_COMPUTATIONS: z.coerce.number().int().min(1).max(16).default(1),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** At most this many addresses are looked up per import (bulk geocoding is discouraged; the rest are placed by hand). */
  GEOCODER_IMPORT_MAX: z.coerce.number().int().min(1).max(1000).default(200),
  /**
   * The map tiles of the client (Leaflet URL template). The Content-Security-Policy allows images from its origin and
   * no other outside origin; the client build's VITE_TILE_URL must be the same template.
   */
  TILE_URL: z
    .string()
    .refine((v) => tileOriginResult(v).ok, { message: 'must be an https:// (or relative) tile URL template with {z}, {x} and {y}' })
    .default(DEFAULT_TILE_URL),
  /** Origins (scheme://host[:port], comma-separated) whose pages may call /graphql with cookies; default: same origin only. */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isOrigin), { message: 'must be comma-separated origins like https://example.org (no path)' })
    .default([]),
  /**
   * Express `trust proxy`: the number of reverse proxies in front of the server (e.g. 1) or their addresses
   * (comma-separated IPs, subnets, or loopback / linklocal / uniquelocal). Off by default: X-Forwarded-For is ignored.
   */
  TRUST_PROXY: z
    .string()
    .transform(parseTrustProxy)
    .refine((v) => v !== null, {
      message:
        "must be false, a number of proxies (e.g. 1) or addresses/subnets (e.g. loopback, 10.0.0.0/8); 'true' would let any client choose its IP",
    })
    .default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json: one JSON object per line (pino); pretty: readable text. Default: json in production, pretty otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export type AppConfig = z.infer<typeof schema> & {
  isProduction: boolean;
  introspection: boolean;
  cookieSecure: boolean;
  trustProxy: false | number | string[];
  logFormat: 'json' | 'pretty';
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
    trustProxy: c.TRUST_PROXY ?? false,
    logFormat: c.LOG_FORMAT ?? (isProduction ? 'json' : 'pretty'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
