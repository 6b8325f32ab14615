import { Client } from 'pg';
import request from 'supertest';
import { UserRole } from '@partneratlas/shared';
import { createOrganisation, createTaxonomies, createUser, TEST_PASSWORD } from './support/factories';
import { JOB } from './support/imports';
import { createTestApp, GraphQLResponse, TestApp, TestSession } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const ME = `query { me { id email } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;
const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, expectedVersion: $v, input: $input) { outcome version } }`;
const HEADER = 'Name;Art;Straße;PLZ;Ort;Breitengrad;Längengrad;E-Mail;Website;Handlungsfelder';
const MAX_FAILURES = 4;
const IP_PER_MINUTE = 30;

/** The session of `session` (signed in on one instance), sent to another instance's HTTP server as a browser would. */
function onInstance(t: TestApp, session: TestSession, withCsrf = true) {
  return async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> => {
    let req = request(t.server.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('cookie', session.cookie);
    if (withCsrf) req = req.set('x-csrf-token', session.csrfToken);
    const r = await req.send({ query, variables });
    return { status: r.status, data: r.body?.data ?? undefined, errors: r.body?.errors, body: r.body };
  };
}

// Several instances need a database server: the embedded PGlite serves one process (and one connection) only.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('two server instances on one PostgreSQL database share sessions, throttling, rate limits and import jobs', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // TRUST_PROXY as behind the reverse proxy of docker/compose.replicas.yml: X-Forwarded-For names the client.
    const env = { LOGIN_MAX_FAILURES: String(MAX_FAILURES), RATE_LIMIT_IP_PER_MINUTE: String(IP_PER_MINUTE), TRUST_PROXY: 'loopback' };
    a = await createTestApp(env, { db });
    b = await createTestApp(env, { db });
    await createTaxonomies(a.ds);
    orgId = await createOrganisation(a.ds, { name: 'Nachbarschaftszentrum Grone (Test)' });
    await createUser(a.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
  });
  afterAll(async () => {
    // B first without dropping the database; A drops it.
    await b?.server.close();
    await a?.close();
  });

  it('accepts a session opened on A on B, for queries and for mutations with the CSRF token', async () => {
    const session = await a.login('admin@example.org');
    const onB = onInstance(b, session);
    expect((await onB(ME)).data?.me).toEqual({ id: session.userId, email: 'admin@example.org' });

    const [{ version }] = await b.ds.query(`SELECT version FROM organization WHERE id = $1`, [orgId]);
    const updated = await onB(UPDATE_ORG, { id: orgId, v: version, input: { description: 'Über Instanz B geändert' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOrganisation).toEqual({ outcome: 'APPLIED', version: version + 1 });
    expect((await session.gql(`query($id: ID!) { organisation(id: $id) { description } }`, { id: orgId })).data!.organisation).toEqual({
      description: 'Über Instanz B geändert',
    });

    // The CSRF token is the session's, checked on B as on A.
    const noCsrf = await onInstance(b, session, false)(UPDATE_ORG, { id: orgId, v: version + 1, input: { description: 'ohne Token' } });
    expect(noCsrf.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('ends a session everywhere when it is signed out on B', async () => {
    const session = await a.login('admin@example.org');
    expect((await onInstance(b, session)(`mutation { logout }`)).data).toEqual({ logout: true });
    expect((await session.gql(ME)).data?.me).toBeNull();
  });

  it('adds up failed sign-ins on A and B towards one lock (LOGIN_MAX_FAILURES)', async () => {
    const email = 'gesperrt@example.org';
    await createUser(a.ds, { email, role: UserRole.COORDINATOR });
    const fail = async (t: TestApp, i: number) =>
      (await t.gql(LOGIN, { e: email, p: `falsch-${i}-xxxxxxxx` })).errors?.[0].extensions?.code;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) codes.push(await fail(i % 2 === 0 ? a : b, i));
    // Each instance saw only half of the failures, fewer than the limit …
    expect(codes).toEqual(Array(MAX_FAILURES).fill('UNAUTHENTICATED'));
    // … yet both refuse even the right password now.
    for (const t of [a, b]) {
      const locked = await t.gql(LOGIN, { e: email, p: TEST_PASSWORD });
      expect(locked.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('counts the requests of one client IP on A and B against one rate limit (RATE_LIMIT_IP_PER_MINUTE)', async () => {
    // A client address of its own, so that the other tests' anonymous requests do not count; the window is a minute.
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const ask = (t: TestApp) =>
      request(t.server.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', ip)
        .send({ query: ME });
    // The windows are fixed minutes: begin early in one, so that every request falls into it.
    const rest = 60_000 - (Date.now() % 60_000);
    if (rest < 5_000) await new Promise((r) => setTimeout(r, rest + 200));
    const statuses: number[] = [];
    for (let i = 0; i < IP_PER_MINUTE; i++) statuses.push((await ask(i % 2 === 0 ? a : b)).status);
    expect(statuses).toEqual(Array(IP_PER_MINUTE).fill(200));
    for (const t of [a, b]) {
      const refused = await ask(t);
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    }
    // Another address is not affected.
    const other = await request(b.server.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-forwarded-for', '198.51.100.23')
      .send({ query: ME });
    expect(other.status).toBe(200);
  });

  it('runs an import job started on A to completion while B is polled, and B serves what it wrote', async () => {
    const session = await a.login('admin@example.org');
    const onB = onInstance(b, session);
    const csv = [HEADER, 'Sprachcafé Instanz (Test);INITIATIVE_OTHER;Markt 1;37073;Göttingen;51,5331;9,9355;;;'].join('\n');
    const start = await session.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id status } }`, {
      i: { format: 'CSV', content: csv, fileName: 'instanz.csv', dryRun: false, publish: true },
    });
    expect(start.errors).toBeUndefined();
    const id = start.data!.startImport.id as string;

    const seen = new Set<string>();
    let job: {
      status: string;
      error: string | null;
      progress: number;
      report: { counts: Record<string, number>; actions: { entity: string; id: string }[] };
    };
    for (const until = Date.now() + 60_000; ;) {
      const res = await onB(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id });
      expect(res.errors).toBeUndefined();
      job = res.data!.importJob as typeof job;
      seen.add(job.status);
      if (['APPLIED', 'FAILED', 'DRY_RUN_DONE'].includes(job.status)) break;
      if (Date.now() > until) throw new Error(`import job did not finish: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).toMatchObject({ status: 'APPLIED', error: null, progress: 1 });
    expect(job.report.counts).toMatchObject({ organisationsCreated: 1, locationsCreated: 1 });
    const created = job.report.actions.find((x) => x.entity === 'ORGANISATION')!.id;

    const org = await onB(`query($id: ID!) { organisation(id: $id) { name status } }`, { id: created });
    expect(org.data!.organisation).toEqual({ name: 'Sprachcafé Instanz (Test)', status: 'PUBLISHED' });
    expect((await onB(`query { importJobs(first: 5) { id status } }`)).data!.importJobs).toContainEqual({ id, status: 'APPLIED' });
    // B never took A's live job for an interrupted one.
    expect(seen.has('FAILED')).toBe(false);
  });
});

onPostgres('two instances starting at once on an empty database', () => {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `pa_race_${process.pid}_${Date.now().toString(36)}`;
  const url = (() => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = () => new Client({ connectionString: adminUrl });

  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it('take turns on the migrations (advisory lock): both start, every migration is applied once', async () => {
    const db: TestDatabase = { url, poolSize: 3, drop: async () => undefined };
    const env = { MIGRATIONS_RUN: 'true' };
    const [a, b] = await Promise.all([createTestApp(env, { db }), createTestApp(env, { db })]);
    try {
      const [{ n }] = await a.ds.query(`SELECT count(*)::int AS n FROM migrations`);
      const [{ d }] = await a.ds.query(`SELECT count(DISTINCT name)::int AS d FROM migrations`);
      expect(n).toBe(a.ds.migrations.length);
      expect(d).toBe(n);
      expect((await b.gql(`query { fieldsOfAction { code } }`)).errors).toBeUndefined();
    } finally {
      await a.close();
      await b.close();
    }
  });
});
