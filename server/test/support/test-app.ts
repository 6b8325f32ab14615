import request from 'supertest';
import { DataSource } from 'typeorm';
import { startServer, RunningServer } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { TEST_PASSWORD } from './factories';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
  body: any;
}

/** A signed-in browser: sends the session cookie and the CSRF header like the client does. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export interface TestApp {
  server: RunningServer;
  ds: DataSource;
  db: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Signs in through the login mutation (password default: TEST_PASSWORD of the factories). */
  login(email: string, password?: string, headers?: Record<string, string>): Promise<TestSession>;
  /** Number of SQL statements the app sent while running fn. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** A full server (real GraphQL endpoint) on a fresh database of its own (or on `options.db`, e.g. prepared by a CLI). */
export async function createTestApp(env: Record<string, string> = {}, options: { db?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DB_POOL_SIZE: String(db.poolSize),
    MIGRATIONS_RUN: 'false',
    SEED_ON_EMPTY: 'false',
    CLIENT_DIST: '/nonexistent-client-dist',
    // Rate limits off: far below its limit a key is counted in memory and written in batches at moments of the
    // timer's choosing, which would make statement counts depend on timing. rate-limit.int-spec.ts,
    // directory-cache.int-spec.ts and two-instances.int-spec.ts switch them on.
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_USER_PER_MINUTE: '0',
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
    async login(email, password = TEST_PASSWORD, headers = {}) {
      const res = await request(http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set(headers)
        .send({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
          variables: { e: email, p: password },
        });
      if (res.body?.errors) throw new Error(`login failed: ${JSON.stringify(res.body.errors)}`);
      const setCookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const cookies = setCookies.map((c) => c.split(';')[0]);
      const csrfToken = cookies.find((c) => c.startsWith('pa_csrf='))!.slice('pa_csrf='.length);
      const cookie = cookies.join('; ');
      const userId = res.body.data.login.id as string;
      return {
        cookie,
        csrfToken: decodeURIComponent(csrfToken),
        userId,
        async gql(query, variables, extra = {}) {
          const r = await request(http)
            .post('/graphql')
            .set('content-type', 'application/json')
            .set('cookie', cookie)
            .set('x-csrf-token', decodeURIComponent(csrfToken))
            .set(extra)
            .send({ query, variables });
          return { status: r.status, data: r.body?.data ?? undefined, errors: r.body?.errors, body: r.body };
        },
      };
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
