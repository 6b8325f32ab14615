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
      connectionTimeoutMillis: 10_000,
      statement_timeout: 15_000,
      options: SESSION_OPTIONS,
    },
  };
}

export function createDataSource(params: DataSourceParams): DataSource {
  return new DataSource(dataSourceOptions(params));
}

/** For the TypeORM CLI (migration:generate): DATABASE_URL must point to a PostGIS database. */
export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/partneratlas_dev', poolSize: 2 });
