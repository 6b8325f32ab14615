import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserRole } from '@partneratlas/shared';
import { RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { createUser, TEST_PASSWORD } from './support/factories';
import { createTestDatabase, TestDatabase } from './support/test-database';

const EMAIL = 'datenschutz.test@example.org';
const LOGIN = 'mutation SignIn($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';

/** Collects what the server logs (LOG_FORMAT=json), line by line. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
  entries(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

describe('structured JSON logs', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const log = new LogCapture();
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DB_POOL_SIZE: String(db.poolSize),
      MIGRATIONS_RUN: 'false',
      SEED_ON_EMPTY: 'false',
      CLIENT_DIST: '/nonexistent-client-dist',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'info',
    });
    server = await startServer(config, { listen: false, logDestination: log });
    userId = await createUser(server.app.get(DataSource), { email: EMAIL, role: UserRole.COORDINATOR });
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const http = () => request(server.app.getHttpServer());

  it('writes every line as JSON in production, Nest’s own messages included', () => {
    expect(log.lines.length).toBeGreaterThan(0);
    const entries = log.entries(); // throws on any line that is not JSON
    expect(entries.find((e) => e.context === 'NestApplication')).toMatchObject({
      level: 'info',
      msg: 'Nest application successfully started',
    });
    for (const e of entries) expect(typeof e.time).toBe('string');
  });

  it('writes one line per request with the request id, and nothing of the password, email, cookie or query string', async () => {
    const before = log.lines.length;
    const res = await http()
      .post('/graphql?email=' + encodeURIComponent(EMAIL))
      .set('content-type', 'application/json')
      .set('cookie', 'pa_session=geheimer-sitzungswert-123')
      .set('authorization', 'Bearer geheimes-token-456')
      .set('x-request-id', 'test-request-0001')
      .send({ query: LOGIN, operationName: 'SignIn', variables: { e: EMAIL, p: TEST_PASSWORD } });
    expect(res.body.errors).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('test-request-0001');

    const written = log.lines.slice(before);
    const lines = written.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.requestId === 'test-request-0001');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'partneratlas',
      context: 'HTTP',
      msg: 'request completed',
      requestId: 'test-request-0001',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: expect.any(Number),
      operation: 'SignIn',
    });
    const everything = written.join('\n');
    for (const secret of [EMAIL, 'datenschutz', TEST_PASSWORD, 'geheimer-sitzungswert-123', 'geheimes-token-456', 'pa_session', 'email=']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('names a signed-in user by id, never by email', async () => {
    const login = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: LOGIN, variables: { e: EMAIL, p: TEST_PASSWORD } });
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const before = log.lines.length;
    const res = await http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', cookie)
      .send({ query: '{ me { id email } }' });
    expect(res.body.data.me.id).toBe(userId);
    const line = log
      .entries()
      .slice(before)
      .find((e) => e.requestId === res.headers['x-request-id']);
    expect(line).toMatchObject({ context: 'HTTP', status: 200, userId });
    expect(log.lines.slice(before).join('\n')).not.toContain(EMAIL);
  });

  it('logs failures at warn/error level and probes at debug level (not at all at LOG_LEVEL=info)', async () => {
    const before = log.lines.length;
    const missing = await http().get('/api/hsds/organizations/not-a-uuid');
    await http().get('/health').expect(200);
    await http().get('/ready').expect(200);
    const lines = log
      .entries()
      .slice(before)
      .filter((e) => e.context === 'HTTP');
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', status: missing.status, path: '/api/hsds/organizations/not-a-uuid' })]);
  });

  it('defaults to JSON in production and to readable text in development', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development', LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
});
