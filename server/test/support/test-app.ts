import request from 'supertest';
import { DataSource } from 'typeorm';
import { startServer, RunningServer } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
  body: any;
}

export interface TestApp {
  server: RunningServer;
  ds: DataSource;
  db: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Number of SQL statements the app sent while running fn. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** A full server (real GraphQL endpoint) on a fresh database of its own. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DB_POOL_SIZE: String(db.poolSize),
    MIGRATIONS_RUN: 'false',
    SEED_ON_EMPTY: 'false',
    CLIENT_DIST: '/nonexistent-client-dist',
    ...env,
  });
  const server = await startServer(config, { listen: false, logger: ['error'] });
  const http = server.app.getHttpServer();
  const ds = server.app.get(DataSource);
  return {
    server,
    ds,
    db,
    async gql(query, variables) {
      const res = await request(http).post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return { status: res.status, data: res.body?.data ?? undefined, errors: res.body?.errors, body: res.body };
    },
    async countStatements(fn) {
      const before = server.queryCounter.total;
      await fn();
      return server.queryCounter.total - before;
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
