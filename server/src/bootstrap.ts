import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { Client } from 'pg';
import { DataSource, MigrationExecutor } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, tileOrigin } from './config/config';
import { createLogging } from './common/logging/logging';
import { requestLoggingMiddleware } from './common/logging/request-logging';
import { EmbeddedDatabase } from './database/embedded/embedded-database';
import { QueryCounter } from './database/query-counter';
import { enforceRateLimit, rateLimitsOf } from './graphql/limits/rate-limit';
import { createRequestGate, gateLimitsOf } from './graphql/limits/request-gate';
import { RESPONSE_CACHE, ResponseCache, responseCacheFastPath } from './graphql/response-cache';
import { RateLimitService } from './modules/rate-limit/rate-limit.service';
import { requestIdMiddleware } from './common/request-id';
import { isDatabaseEmpty, runSeed } from './database/seed/seed';

export interface RunningServer {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  queryCounter: QueryCounter;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Listen on config.PORT (default) or not at all (tests use supertest on the http server). */
  listen?: boolean;
  /** Nest-style levels (tests: ['error']); default LOG_LEVEL. */
  logger?: LogLevel[] | false;
  /** Where JSON log lines go (LOG_FORMAT=json); default stdout. Tests pass a stream they read. */
  logDestination?: DestinationStream;
}

/**
 * Starts the whole server: the embedded database when DATABASE_URL is unset, migrations,
 * the seed on an empty database, the API and the built client.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logging = createLogging(config, { levels: options.logger, destination: options.logDestination });
  Logger.overrideLogger(logging.nest);
  const log = new Logger('Bootstrap');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await EmbeddedDatabase.start({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
    databaseUrl = embedded.url;
    log.log(`Embedded PostgreSQL + PostGIS (PGlite) in ${config.DATA_DIR} ready in ${Date.now() - started} ms`);
  }
  const queryCounter = new QueryCounter(config.LOG_SQL);
  try {
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config, databaseUrl, poolSize: embedded ? 1 : config.DB_POOL_SIZE, queryCounter, embedded: !!embedded }),
      { logger: logging.nest, bufferLogs: false },
    );
    app.enableShutdownHooks();
    app.disable('x-powered-by');
    // Behind a reverse proxy, req.ip is the client's address only when the proxy is trusted (the sign-in throttle uses it).
    app.set('trust proxy', config.trustProxy);
    app.use(requestIdMiddleware);
    app.use(requestLoggingMiddleware(logging));
    app.use(securityHeaders(config));
    app.enableCors(corsFor(config));
    limitRequestBodies(app, config);
    // fresh cached anonymous answers straight from memory, rate-limited like every request (response-cache.ts)
    const rateLimits = app.get(RateLimitService);
    app.use(
      '/graphql',
      responseCacheFastPath(app.get<ResponseCache | null>(RESPONSE_CACHE), {
        units: createRequestGate(gateLimitsOf(config)),
        count: (req, units) => enforceRateLimit(rateLimits, rateLimitsOf(config), { ip: req.ip }, units),
      }),
    );
    const ds = app.get(DataSource);
    await migrateAndSeed(ds, config, embedded ? null : databaseUrl, log);
    serveClient(app, config.CLIENT_DIST);
    await app.init();
    let url = '';
    if (options.listen !== false) {
      await app.listen(config.PORT, config.HOST);
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      url = `http://localhost:${port}`;
      log.log(`Partneratlas on ${url} (GraphQL ${url}/graphql)`);
    }
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await app.close();
      if (embedded) await embedded.stop();
    };
    return { app, url, databaseUrl, embedded, queryCounter, close };
  } catch (error) {
    if (embedded) await embedded.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Cytoscape (network page) inserts one <style> element, `.__________cytoscape_container { position: relative; }`;
 * its hash allows exactly that text (after a Cytoscape update that changes it, the console names the new hash).
 */
const CYTOSCAPE_STYLESHEET = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

/**
 * The Content-Security-Policy of every answer (the client's pages above all): scripts, styles, fonts and API calls
 * from this origin only; images also from the tile server (TILE_URL; the client build's VITE_TILE_URL must match)
 * and data:/blob: URLs (Leaflet's icons); no framing. Inline `style` attributes are allowed (style-src-attr) for
 * libraries that write them into markup; <style> elements and scripts only from files (checked in Chromium on the
 * map, gap and network pages: no violations).
 */
export function contentSecurityPolicy(config: AppConfig): Record<string, string[]> {
  const tiles = tileOrigin(config.TILE_URL);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", CYTOSCAPE_STYLESHEET],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  if (config.isProduction) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/** helmet: CSP as above, HSTS in production only (development and tests run on plain http://localhost). */
function securityHeaders(config: AppConfig) {
  const protect = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    protect(req, res, (error?: unknown) => {
      // The public HSDS API may be read from any origin, also without CORS (no-cors fetches).
      if (isOpenApi(req)) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      next(error);
    });
}

const isOpenApi = (req: Request) => req.path === '/api/hsds' || req.path.startsWith('/api/hsds/');

/**
 * CORS: the HSDS REST API is open to every origin (`*`, no cookies). Everything else, /graphql above all, only for
 * the origins in CORS_ORIGINS, with cookies; without CORS_ORIGINS, no CORS headers at all (same origin only).
 */
function corsFor(config: AppConfig) {
  const open = { origin: '*', credentials: false, methods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 3600 };
  const restricted = {
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'x-csrf-token', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  };
  return (req: Request, callback: (error: Error | null, options: object) => void) => callback(null, isOpenApi(req) ? open : restricted);
}

/** pg_advisory_lock key held while one instance migrates and seeds ("partneratlas-migrate" as a number). */
export const MIGRATION_LOCK_KEY = 7_262_130_411;

/**
 * Migrations and the first seed. Several instances starting at once on one PostgreSQL database take turns on an
 * advisory lock, held by a connection of its own (not from the pool, which may have a single connection); the second
 * finds nothing left to do. Migrations run without the request statement_timeout: building an index on a large
 * table may take longer than any request should. The embedded database serves one process only: no lock.
 */
async function migrateAndSeed(ds: DataSource, config: AppConfig, lockDatabaseUrl: string | null, log: Logger): Promise<void> {
  if (!config.MIGRATIONS_RUN && !config.SEED_ON_EMPTY) return;
  const lock = lockDatabaseUrl ? new Client({ connectionString: lockDatabaseUrl, application_name: 'partneratlas-migrate' }) : null;
  if (lock) {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  }
  try {
    if (config.MIGRATIONS_RUN) {
      const runner = ds.createQueryRunner();
      try {
        await runner.query('SET statement_timeout = 0');
        const executor = new MigrationExecutor(ds, runner);
        executor.transaction = 'each';
        const ran = await executor.executePendingMigrations();
        if (ran.length) log.log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
      } finally {
        await runner.query('RESET statement_timeout').catch(() => undefined);
        await runner.release();
      }
    }
    if (config.SEED_ON_EMPTY && (await isDatabaseEmpty(ds))) {
      log.log('Empty database: seeding reference data and fictional example organisations');
      await runSeed(ds, { demo: true, real: false });
    }
  } finally {
    // Ending the session releases the advisory lock, also when a migration failed.
    await lock?.end().catch(() => undefined);
  }
}

/**
 * JSON request bodies may be as large as the largest import (IMPORT_MAX_MB, sent base64: × 4/3, plus the GraphQL
 * envelope) and no larger; a larger body is refused with 413 and a GraphQL-shaped error naming the limit.
 */
export function requestBodyLimit(config: AppConfig): number {
  return Math.ceil(config.IMPORT_MAX_MB * 1024 * 1024 * 1.4) + 1024 * 1024;
}

/** Form and text bodies: no route takes them, so a small limit (they are parsed only to answer oversized ones with 413). */
export const SMALL_BODY_LIMIT = 64 * 1024;

function limitRequestBodies(app: NestExpressApplication, config: AppConfig): void {
  const limit = requestBodyLimit(config);
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit: SMALL_BODY_LIMIT, extended: false, parameterLimit: 100 });
  app.useBodyParser('text', { limit: SMALL_BODY_LIMIT });
  app.use((error: { type?: string; status?: number; limit?: number }, req: Request, res: Response, next: NextFunction) => {
    if (error?.type !== 'entity.too.large') return next(error);
    const json = Boolean(req.is('application/json'));
    const message = json
      ? `The request is larger than ${Math.floor(limit / 1024 / 1024)} MB; imports may be at most ${config.IMPORT_MAX_MB} MB (split the file).`
      : `The request body is larger than ${Math.floor((error.limit ?? SMALL_BODY_LIMIT) / 1024)} kB, the limit for ${req.headers['content-type']?.split(';')[0] ?? 'this kind of'} bodies.`;
    res.status(413).json({
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT', limitBytes: json ? limit : (error.limit ?? SMALL_BODY_LIMIT) } }],
    });
  });
}

/** Serves the built client (client/dist) with an SPA fallback; API routes are left alone. */
function serveClient(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  const apiPrefixes = ['/graphql', '/health', '/ready', '/api/'];
  if (!fs.existsSync(index)) {
    app.use('/', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res
        .type('text/plain')
        .send('Partneratlas API is running. The web client is not built: run `npm run build -w client`. GraphQL: /graphql');
    });
    return;
  }
  app.useStaticAssets(dist, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || apiPrefixes.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
