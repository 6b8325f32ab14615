import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { UserRole } from '@partneratlas/shared';
import { IMPORT_STALE_SECONDS } from '../src/modules/interop/import/import.service';
import { createOrganisation, createTaxonomies, createUser } from './support/factories';
import { JOB, runImportJob, tableCounts } from './support/imports';
import { createTestApp, TestApp, TestSession } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SERVER_DIR = path.resolve(__dirname, '..');
/** ts-node needs ~10 s of CPU to load the server; on a busy machine that takes a while. */
const START_TIMEOUT_MS = 150_000;
const HEADER = 'Name;Art;Straße;PLZ;Ort;Breitengrad;Längengrad;E-Mail;Website;Handlungsfelder';
const ROWS = 300;
const CSV = [
  HEADER,
  ...Array.from({ length: ROWS }, (_, i) => `Nachbarschaftstreff ${i + 1} (Abbruch);INITIATIVE_OTHER;Weg ${i + 1};37073;Göttingen;;;;;`),
].join('\n');
const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, expectedVersion: $v, input: $input) { outcome version } }`;

interface Child {
  process: ChildProcess;
  url: string;
  /** application_name of its database connections (pg_stat_activity). */
  appName: string;
}

/** Every server source file has a compiled counterpart in dist/ that is at least as new. */
function distIsCurrent(dir = path.join(SERVER_DIR, 'src')): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!distIsCurrent(file)) return false;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      const compiled = path.join(SERVER_DIR, 'dist', path.relative(path.join(SERVER_DIR, 'src'), file)).replace(/\.ts$/, '.js');
      if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(file).mtimeMs) return false;
    }
  }
  return true;
}

/**
 * The real server in a process of its own on the test database, listening on a free port: the build in dist/ when it
 * is current (fast), else src/main.ts through ts-node (the code under test, never a stale build).
 */
async function spawnServer(db: TestDatabase, appName: string): Promise<Child> {
  const url = new URL(db.url);
  url.searchParams.set('application_name', appName);
  const args = distIsCurrent() ? ['dist/main.js'] : ['-r', 'ts-node/register', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      DB_POOL_SIZE: '4',
      HOST: '127.0.0.1',
      PORT: '0',
      MIGRATIONS_RUN: 'false',
      SEED_ON_EMPTY: 'false',
      CLIENT_DIST: '/nonexistent-client-dist',
      // Its statement_timeout must not end the blocked transaction before the kill does.
      GRAPHQL_TIMEOUT_MS: '120000',
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: path.join(SERVER_DIR, 'tsconfig.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /https?:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ process: child, url: `http://127.0.0.1:${port}`, appName });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The child's backend that has written into `table` in an open transaction and now waits for a lock. */
async function blockedWriter(pg: Client, appName: string, table: string): Promise<number | null> {
  const { rows } = await pg.query(
    `SELECT a.pid FROM pg_stat_activity a
       JOIN pg_locks l ON l.pid = a.pid AND l.relation = $2::regclass AND l.mode = 'RowExclusiveLock' AND l.granted
      WHERE a.application_name = $1 AND a.xact_start IS NOT NULL AND a.wait_event_type = 'Lock'`,
    [appName, table],
  );
  return rows[0]?.pid ?? null;
}

async function backendsOf(pg: Client, appName: string): Promise<number> {
  const { rows } = await pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [appName]);
  return rows[0].n;
}

// A process of its own with its own connections needs a database server (the embedded PGlite lives in one process).
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('a server process killed in the middle of an import or an edit leaves nothing half-written', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: TestSession;
  /** Holds SHARE locks on audit_record: the child's transaction writes everything before the audit and waits there. */
  let blocker: Client;
  let observer: Client;
  let importChild: Child;
  let editChild: Child;
  let orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp({}, { db });
    await createTaxonomies(t.ds);
    orgId = await createOrganisation(t.ds, { name: 'Familienzentrum Holtenser Berg (Test)', description: 'vorher' });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
    admin = await t.login('admin@example.org');
    blocker = new Client({ connectionString: db.url });
    observer = new Client({ connectionString: db.url });
    await Promise.all([blocker.connect(), observer.connect()]);
    [importChild, editChild] = await Promise.all([spawnServer(db, 'pa-kill-import'), spawnServer(db, 'pa-kill-edit')]);
  }, START_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    for (const child of [importChild, editChild]) if (child) await kill(child);
    await blocker?.end();
    await observer?.end();
    await t?.close();
  });

  /** The same signed-in browser (the session lives in PostgreSQL), talking to the child process. */
  const toChild = (child: Child, query: string, variables: Record<string, unknown>) =>
    request(child.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', admin.cookie)
      .set('x-csrf-token', admin.csrfToken)
      .send({ query, variables });

  it('rolls back an import apply killed while writing, reports the job interrupted and lets it run again', async () => {
    const before = await tableCounts(t.ds);
    await blocker.query(`BEGIN; LOCK TABLE audit_record IN SHARE MODE`);
    let released = false;
    try {
      const start = await toChild(importChild, `mutation($i: StartImportInput!) { startImport(input: $i) { id status } }`, {
        i: { format: 'CSV', content: CSV, fileName: 'abbruch.csv', dryRun: false },
      });
      expect(start.body.errors).toBeUndefined();
      const jobId = start.body.data.startImport.id as string;

      // The child has inserted the organisations (uncommitted) and waits to write the audit records.
      await until('the import to write and block', () => blockedWriter(observer, importChild.appName, 'organization'));
      const running = (await admin.gql(`query($id: ID!) { importJob(id: $id) { status phase progress } }`, { id: jobId })).data!.importJob;
      expect(running).toMatchObject({ status: 'RUNNING', phase: 'writing' });
      expect(running.progress).toBeGreaterThanOrEqual(0.3); // the writing phase starts at 0.3

      // While it waits, its heartbeat keeps the job alive for the other instances (the last progress update, which
      // sets updated_at too, has landed after half a second; a blocked job reports no progress).
      await new Promise((r) => setTimeout(r, 500));
      const [{ updated_at: beat }] = await t.ds.query(`SELECT updated_at FROM import_job WHERE id = $1`, [jobId]);
      await until('a heartbeat', async () => {
        const [row] = await t.ds.query(`SELECT updated_at > $2 AS beat FROM import_job WHERE id = $1`, [jobId, beat]);
        return row.beat as boolean;
      });

      await kill(importChild);
      // Let the orphaned transaction go on: it finishes its statement, finds its client gone and is rolled back —
      // the COMMIT only ever comes from the process.
      await blocker.query('ROLLBACK');
      released = true;
      await until('the killed process to disconnect', async () => (await backendsOf(observer, importChild.appName)) === 0);

      expect(await tableCounts(t.ds)).toEqual(before);
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM organization WHERE name LIKE '%(Abbruch)'`))[0].n).toBe(0);

      // The job is RUNNING in the table; its heartbeat stopped with the process. Before IMPORT_STALE_SECONDS it
      // still counts as live …
      const job = async () => (await admin.gql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: jobId })).data!.importJob;
      expect((await job()).status).toBe('RUNNING');
      // … and afterwards (the clock moved on by rewinding the last heartbeat) it is reported interrupted.
      await t.ds.query(`UPDATE import_job SET updated_at = updated_at - make_interval(secs => $2) WHERE id = $1`, [
        jobId,
        IMPORT_STALE_SECONDS + 1,
      ]);
      const interrupted = await job();
      expect(interrupted.status).toBe('FAILED');
      expect(interrupted.error).toMatch(/interrupted.*nothing was written, run it again/);
      expect((await admin.gql(`query { importJobs(first: 5) { id status } }`)).data!.importJobs).toContainEqual({
        id: jobId,
        status: 'FAILED',
      });

      // The same file again, on the surviving instance: everything is written once.
      const rerun = await runImportJob(admin, { format: 'CSV', content: CSV, fileName: 'abbruch.csv', dryRun: false });
      expect(rerun.job).toMatchObject({ status: 'APPLIED', error: null });
      expect(rerun.job.report.counts).toMatchObject({ organisationsCreated: ROWS });
      const after = await tableCounts(t.ds);
      expect(after.organisations).toBe(before.organisations + ROWS);
      expect(after.audit).toBe(before.audit + rerun.job.report.counts.auditRecords);
    } finally {
      if (!released) await blocker.query('ROLLBACK');
    }
  });

  it('rolls back an edit killed inside its transaction: same values, same version, no audit record', async () => {
    const [before] = await t.ds.query(`SELECT name, description, version, updated_at FROM organization WHERE id = $1`, [orgId]);
    const auditBefore = (await t.ds.query(`SELECT count(*)::int AS n FROM audit_record`))[0].n;
    await blocker.query(`BEGIN; LOCK TABLE audit_record IN SHARE MODE`);
    let released = false;
    try {
      // Never answered: the process is killed while the request waits.
      const pending = toChild(editChild, UPDATE_ORG, {
        id: orgId,
        v: before.version,
        input: { name: 'Familienzentrum (halb geschrieben)', description: 'nachher' },
      }).then(
        () => 'answered',
        () => 'connection lost',
      );
      // The UPDATE of the organisation is done (uncommitted); the audit record waits for the lock.
      await until('the edit to update and block', () => blockedWriter(observer, editChild.appName, 'organization'));

      await kill(editChild);
      expect(await pending).toBe('connection lost');
      await blocker.query('ROLLBACK');
      released = true;
      await until('the killed process to disconnect', async () => (await backendsOf(observer, editChild.appName)) === 0);

      const [after] = await t.ds.query(`SELECT name, description, version, updated_at FROM organization WHERE id = $1`, [orgId]);
      expect(after).toEqual(before);
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_record`))[0].n).toBe(auditBefore);

      // The version was not used up: the same edit with the same expected version succeeds on the surviving instance.
      const retry = await admin.gql(UPDATE_ORG, { id: orgId, v: before.version, input: { description: 'nachher' } });
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.updateOrganisation).toEqual({ outcome: 'APPLIED', version: before.version + 1 });
    } finally {
      if (!released) await blocker.query('ROLLBACK');
    }
  });
});
