import * as net from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserRole } from '@partneratlas/shared';
import { RunningServer, startServer } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { createOrganisation, createUser, TEST_PASSWORD } from './support/factories';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * A TCP proxy between the server and PostgreSQL that can simulate what happens to the database in production:
 * a restart (every connection cut, new ones refused for a while), a network fault (connections stay open but nothing
 * comes back) and a new connection drop (after a failover or a changed database setting).
 */
class DatabaseProxy {
  private server = net.createServer((client) => this.connect(client));
  private readonly sockets = new Set<net.Socket>();
  private silent = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private connect(client: net.Socket): void {
    this.track(client);
    if (this.silent) return; // accepted, never answered
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }

  /** Cuts every open connection (the server keeps accepting new ones). */
  cut(): void {
    for (const s of this.sockets) s.destroy();
  }

  /** The database goes down: connections cut, new ones refused (ECONNREFUSED) until `up()`. */
  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.cut();
    await closed;
  }

  async up(): Promise<void> {
    if (this.server.listening) return;
    this.server = net.createServer((client) => this.connect(client));
    await this.start();
  }

  /** The network stops carrying anything: open connections stall, new ones are accepted and never answered. */
  stall(): void {
    this.silent = true;
    for (const s of this.sockets) {
      s.unpipe();
      s.pause();
    }
  }

  /** Ends the stall: the stalled connections break (as they would once TCP gives up), new ones work. */
  heal(): void {
    this.silent = false;
    this.cut();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const ORG = 'query($id: ID!) { organisation(id: $id) { name version } }';
const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, expectedVersion: $v, input: $input) { outcome version } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';
const EMAIL = 'vertrauen@example.org';

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

async function waitUntil(what: string, check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${withinMs} ms`);
}

// PGlite runs inside the server process (no separate database to restart or set read-only): PostgreSQL only.
const describePostgres = process.env.DATABASE_URL ? describe : describe.skip;

describePostgres('database faults: restart, network stall, read-only, full disk', () => {
  const GRAPHQL_TIMEOUT_MS = 3_000;
  let db: TestDatabase;
  let proxy: DatabaseProxy;
  let server: RunningServer;
  let admin: Client;
  let orgId: string;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new DatabaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: proxied.toString(),
      DB_POOL_SIZE: '4',
      MIGRATIONS_RUN: 'false',
      SEED_ON_EMPTY: 'false',
      CLIENT_DIST: '/nonexistent-client-dist',
      GRAPHQL_TIMEOUT_MS: String(GRAPHQL_TIMEOUT_MS),
      LOGIN_MAX_FAILURES: '1000',
    });
    server = await startServer(config, { listen: false, logger: false }); // the faults below log by design
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    const ds = server.app.get(DataSource);
    orgId = await createOrganisation(ds, { name: 'Stadtteilbüro Holtenser Berg (Test)' });
    await createUser(ds, { email: EMAIL, role: UserRole.EDITOR, organisationIds: [orgId], trusted: true });
    const login = await gql(LOGIN, { e: EMAIL, p: TEST_PASSWORD });
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
    cookie = cookies.join('; ');
    csrf = decodeURIComponent(cookies.find((c) => c.startsWith('pa_csrf='))!.slice('pa_csrf='.length));
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${dbName()} RESET default_transaction_read_only`).catch(() => undefined);
    await admin?.end();
    await server?.close();
    await proxy?.close();
    await db?.drop();
  });

  afterEach(async () => {
    // Whatever a failed test left behind: the proxy forwards again.
    await proxy.up().catch(() => undefined);
    proxy.heal();
  });

  const dbName = () => new URL(db.url).pathname.slice(1);
  const http = () => request(server.app.getHttpServer());
  const gql = (query: string, variables: Record<string, unknown> = {}, signedIn = false) => {
    const r = http().post('/graphql').set('content-type', 'application/json');
    if (signedIn) r.set('cookie', cookie).set('x-csrf-token', csrf);
    return r.send({ query, variables });
  };
  const readOrg = async () =>
    (await gql(ORG, { id: orgId })).body as {
      data?: { organisation: { name: string; version: number } };
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
  const ready = async () => (await http().get('/ready')).status === 200;
  const stored = async () =>
    (await admin.query(`SELECT name, version, description FROM organization WHERE id = $1`, [orgId])).rows[0] as {
      name: string;
      version: number;
      description: string | null;
    };
  const auditCount = async () => Number((await admin.query(`SELECT count(*)::int AS n FROM audit_record`)).rows[0].n);

  it('answers /health (liveness) and /ready (database reachable) while all is well', async () => {
    const health = await http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: expect.stringMatching(/^PostgreSQL/) });
    const readiness = await http().get('/ready');
    expect(readiness.status).toBe(200);
    expect(readiness.body).toEqual({ status: 'ok' });
  });

  it('survives a database restart under load: not ready and clear errors meanwhile, back by itself afterwards', async () => {
    expect((await readOrg()).data?.organisation.name).toBe('Stadtteilbüro Holtenser Berg (Test)');
    // Load: requests in flight while the database goes away.
    const load = Array.from({ length: 24 }, (_, i) =>
      timed(async () => {
        await new Promise((r) => setTimeout(r, i * 10));
        return readOrg();
      }),
    );
    await new Promise((r) => setTimeout(r, 60));
    await proxy.down();

    const results = await Promise.all(load);
    for (const { value, ms } of results) {
      expect(ms).toBeLessThan(GRAPHQL_TIMEOUT_MS + 3_000);
      if (value.errors) expect(value.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      else expect(value.data?.organisation.name).toBeDefined();
    }
    expect(results.some((r) => r.value.errors)).toBe(true);

    const notReady = await timed(() => http().get('/ready'));
    expect(notReady.value.status).toBe(503);
    expect(notReady.value.body).toMatchObject({ status: 'unavailable' });
    expect(notReady.ms).toBeLessThan(2_500);
    expect((await http().get('/health')).status).toBe(200); // alive: no reason to restart the process

    const during = await timed(() => readOrg());
    expect(during.ms).toBeLessThan(2_000); // refused connections fail at once
    expect(during.value.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/database is not reachable.*try again/i),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'UNREACHABLE' },
    });
    // The REST API (HSDS) says the same with 503, not a bare 500.
    const rest = await http().get('/api/hsds/organizations');
    expect(rest.status).toBe(503);
    expect(rest.body).toMatchObject({ error: 'SERVICE_UNAVAILABLE', reason: 'UNREACHABLE' });

    await new Promise((r) => setTimeout(r, 1_500));
    await proxy.up();
    await waitUntil('/ready answers 200 again', ready, 10_000);
    const after = await readOrg();
    expect(after.errors).toBeUndefined();
    expect(after.data?.organisation.name).toBe('Stadtteilbüro Holtenser Berg (Test)');
  });

  it('does not hang when the database stops answering: /ready 503 within ~2 s, requests end by their timeout', async () => {
    await readOrg();
    proxy.stall();
    const notReady = await timed(() => http().get('/ready'));
    expect(notReady.value.status).toBe(503);
    expect(notReady.ms).toBeGreaterThanOrEqual(1_900);
    expect(notReady.ms).toBeLessThan(3_000);

    const stuck = await timed(() => readOrg());
    expect(stuck.ms).toBeLessThan(GRAPHQL_TIMEOUT_MS + 3_000);
    expect(['SERVICE_UNAVAILABLE', 'TIMEOUT']).toContain(stuck.value.errors?.[0].extensions.code);

    proxy.heal();
    await waitUntil('/ready answers 200 again', ready, 10_000);
    await waitUntil('queries work again', async () => !(await readOrg()).errors, 10_000);
  });

  it('answers writes on a read-only database with a clear SERVICE_UNAVAILABLE and stores nothing', async () => {
    await admin.query(`ALTER DATABASE ${dbName()} SET default_transaction_read_only = on`);
    proxy.cut(); // the pool's next connections are new sessions, read-only
    await waitUntil('/ready answers 200 (reads work)', ready, 10_000);
    const before = {
      org: await stored(),
      audit: await auditCount(),
      attempts: (await admin.query('SELECT count(*)::int AS n FROM login_attempt')).rows[0].n,
    };

    // Reading goes on, anonymous and signed in (the session's idle window and the rate-limit counters wait).
    const read = await gql(ORG, { id: orgId });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.organisation.name).toBe(before.org.name);
    const me = await gql(`query { me { id } }`, {}, true);
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data.me).not.toBeNull();

    const edit = await gql(UPDATE_ORG, { id: orgId, v: before.org.version, input: { description: 'Schreibgeschützt?' } }, true);
    expect(edit.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/read-only.*nothing was saved/),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'READ_ONLY' },
    });
    const login = await gql(LOGIN, { e: EMAIL, p: TEST_PASSWORD });
    expect(login.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'READ_ONLY' });
    expect(login.headers['set-cookie']).toBeUndefined();

    expect(await stored()).toEqual(before.org);
    expect(await auditCount()).toBe(before.audit);
    expect((await admin.query('SELECT count(*)::int AS n FROM login_attempt')).rows[0].n).toBe(before.attempts);

    await admin.query(`ALTER DATABASE ${dbName()} RESET default_transaction_read_only`);
    proxy.cut();
    await waitUntil('edits work again', async () => !(await gql(ORG, { id: orgId })).body.errors, 10_000);
    const again = await gql(UPDATE_ORG, { id: orgId, v: before.org.version, input: { description: 'Wieder beschreibbar' } }, true);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.updateOrganisation).toMatchObject({ outcome: 'APPLIED', version: before.org.version + 1 });
  });

  it('rolls a whole edit back when the disk fills up in the middle of it (53100) and says so', async () => {
    // The organisation row is updated first; the audit record (same transaction) then hits a "full disk".
    await admin.query(`CREATE FUNCTION pa_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device' USING ERRCODE = 'disk_full'; END $$`);
    await admin.query(`CREATE TRIGGER pa_test_disk_full BEFORE INSERT ON audit_record FOR EACH ROW EXECUTE FUNCTION pa_test_disk_full()`);
    try {
      const before = { org: await stored(), audit: await auditCount() };
      const edit = await gql(UPDATE_ORG, { id: orgId, v: before.org.version, input: { description: 'Platte voll' } }, true);
      expect(edit.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/no space left; nothing was saved/),
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'DISK_FULL' },
      });
      expect(await stored()).toEqual(before.org);
      expect(await auditCount()).toBe(before.audit);
    } finally {
      await admin.query(`DROP TRIGGER pa_test_disk_full ON audit_record`);
      await admin.query(`DROP FUNCTION pa_test_disk_full()`);
    }
  });
});
