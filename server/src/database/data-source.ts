import 'reflect-metadata';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Session settings for every connection: JIT compilation costs tens of milliseconds and never pays
 * off for these short queries; parallel workers cost more to start than they save at this size and
 * compete with concurrent requests on small machines.
 */
export const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

export interface DataSourceParams {
  url: string;
  poolSize: number;
  logger?: Logger;
  applicationName?: string;
  /**
   * Client-side limit for one query (node-postgres `query_timeout`), for dead connections that never answer.
   * Off unless given: the server sets statement_timeout + 5 s on PostgreSQL; the CLIs (migrations, seed, imports)
   * and the embedded PGlite (which ignores statement_timeout and may be slow to create PostGIS) run without it.
   */
  queryTimeoutMs?: number;
  /** PostgreSQL statement_timeout of every connection; the app sets GRAPHQL_TIMEOUT_MS. Default 15 s. */
  statementTimeoutMs?: number;
}

/** One DataSource definition for the app, the CLI, the tests and the benchmarks. */
export function dataSourceOptions(params: DataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    url: params.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: params.logger,
    logging: params.logger ? ['query', 'error'] : ['error'],
    extra: {
      max: params.poolSize,
      application_name: params.applicationName ?? 'partneratlas',
      // Database faults: a connection attempt (or the wait for a free one) gives up after 5 s; a query whose answer
      // does not come back (dead connection) fails 5 s after the server-side statement_timeout would have ended it;
      // TCP keepalive detects silently dropped connections. pg-pool evicts broken clients, so the server recovers by
      // itself after a database restart (test/health-faults.int-spec.ts).
      connectionTimeoutMillis: 5_000,
      statement_timeout: params.statementTimeoutMs ?? 15_000,
      query_timeout: params.queryTimeoutMs || undefined,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      idleTimeoutMillis: 30_000,
      options: SESSION_OPTIONS,
    },
  };
}

export function createDataSource(params: DataSourceParams): DataSource {
  return new DataSource(dataSourceOptions(params));
}

/** For the TypeORM CLI (migration:generate): DATABASE_URL must point to a PostGIS database. */
export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/partneratlas_dev', poolSize: 2 });
