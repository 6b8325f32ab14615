import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { EmbeddedDatabase } from './database/embedded/embedded-database';
import { QueryCounter } from './database/query-counter';
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
  logger?: LogLevel[] | false;
}

/**
 * Starts the whole server: the embedded database when DATABASE_URL is unset, migrations,
 * the seed on an empty database, the API and the built client.
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
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
      AppModule.forRoot({ config, databaseUrl, poolSize: embedded ? 1 : config.DB_POOL_SIZE, queryCounter }),
      { logger: options.logger ?? ['log', 'warn', 'error'], bufferLogs: false },
    );
    app.enableShutdownHooks();
    app.disable('x-powered-by');
    app.use(requestIdMiddleware);
    limitRequestBodies(app, config);
    const ds = app.get(DataSource);
    if (config.MIGRATIONS_RUN) {
      const ran = await ds.runMigrations({ transaction: 'each' });
      if (ran.length) log.log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
    }
    if (config.SEED_ON_EMPTY && (await isDatabaseEmpty(ds))) {
      log.log('Empty database: seeding reference data and fictional example organisations');
      await runSeed(ds, { demo: true, real: false });
    }
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
 * JSON request bodies may be as large as the largest import (IMPORT_MAX_MB, sent base64: × 4/3, plus the GraphQL
 * envelope) and no larger; a larger body is refused with 413 and a GraphQL-shaped error naming the limit.
 */
export function requestBodyLimit(config: AppConfig): number {
  return Math.ceil(config.IMPORT_MAX_MB * 1024 * 1024 * 1.4) + 1024 * 1024;
}

function limitRequestBodies(app: NestExpressApplication, config: AppConfig): void {
  const limit = requestBodyLimit(config);
  app.useBodyParser('json', { limit });
  app.use((error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type !== 'entity.too.large') return next(error);
    res.status(413).json({
      errors: [
        {
          message: `The request is larger than ${Math.floor(limit / 1024 / 1024)} MB; imports may be at most ${config.IMPORT_MAX_MB} MB (split the file).`,
          extensions: { code: 'BAD_USER_INPUT', limitBytes: limit },
        },
      ],
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
