import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { UserRole } from '@partneratlas/shared';
import { runBackupCli } from '../src/cli/backup';
import { runRestoreCli } from '../src/cli/restore';
import { BackupError, detectBackupKind } from '../src/database/backup/backup';
import { createOrganisation, createTaxonomies, createUser, east } from './support/factories';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, expectedVersion: $v, input: $input) { outcome version } }`;
const HISTORY = `query($id: ID!) { organisationHistory(organisationId: $id) { action changes { field oldValue newValue } } }`;

/** Runs a CLI with its own environment and working folder; returns what it printed. */
async function cli(
  fn: typeof runBackupCli | typeof runRestoreCli,
  argv: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<string> {
  let printed = '';
  await fn(argv, { env: { NODE_ENV: 'test', ...env }, cwd, out: { write: (text: string) => (printed += text) } });
  return printed;
}

/** path → sha256 of every file below `dir`. */
function tree(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) tree(file, base, out);
    else out[path.relative(base, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

describe('backup and restore of the embedded data directory (the copy itself; PGlite is not started)', () => {
  let work: string;
  let dataDir: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-backup-embedded-'));
    dataDir = path.join(work, 'data');
    // The shape of a PGlite data directory, with binary content.
    for (const [file, content] of [
      ['PG_VERSION', '17\n'],
      ['postgresql.conf', '# settings\n'],
      ['global/pg_control', randomBytes(8192)],
      ['base/5/1259', randomBytes(65536)],
      ['base/5/16384_fsm', randomBytes(24576)],
      ['pg_wal/000000010000000000000001', randomBytes(131072)],
    ] as const) {
      fs.mkdirSync(path.dirname(path.join(dataDir, file)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, file), content);
    }
    fs.mkdirSync(path.join(dataDir, 'pg_tblspc'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('copies DATA_DIR into a .tar.gz and unpacks it into an empty DATA_DIR byte for byte', async () => {
    const printed = await cli(runBackupCli, ['--out', 'sicherung.tar.gz'], { DATA_DIR: dataDir }, work);
    const file = path.join(work, 'sicherung.tar.gz');
    expect(printed).toMatch(/backup written: .*sicherung\.tar\.gz/);
    expect(detectBackupKind(file)).toBe('embedded');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const restored = path.join(work, 'restored');
    await cli(runRestoreCli, ['--file', file], { DATA_DIR: restored }, work);
    expect(tree(restored)).toEqual(tree(dataDir));
    expect(fs.existsSync(path.join(restored, 'pg_tblspc'))).toBe(true);
  });

  it('refuses to back up a data directory in use (postmaster.pid) or one without a database', async () => {
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), '-42\n/pglite/data\n');
    try {
      await expect(cli(runBackupCli, ['--out', 'laufend.tar.gz'], { DATA_DIR: dataDir }, work)).rejects.toThrow(
        /in use \(postmaster\.pid\): stop the server/,
      );
      expect(fs.existsSync(path.join(work, 'laufend.tar.gz'))).toBe(false);
    } finally {
      fs.rmSync(path.join(dataDir, 'postmaster.pid'));
    }
    await expect(cli(runBackupCli, ['--out', 'leer.tar.gz'], { DATA_DIR: path.join(work, 'nichts') }, work)).rejects.toThrow(
      /no PG_VERSION/,
    );
  });

  it('never overwrites a backup, and restores only into an empty DATA_DIR unless --force moves the old one aside', async () => {
    const file = path.join(work, 'zweite.tar.gz');
    await cli(runBackupCli, ['--out', file], { DATA_DIR: dataDir }, work);
    await expect(cli(runBackupCli, ['--out', file], { DATA_DIR: dataDir }, work)).rejects.toThrow(/exists already/);

    const target = path.join(work, 'belegt');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'PG_VERSION'), 'alt\n');
    await expect(cli(runRestoreCli, ['--file', file], { DATA_DIR: target }, work)).rejects.toThrow(/not empty/);
    expect(fs.readFileSync(path.join(target, 'PG_VERSION'), 'utf8')).toBe('alt\n');

    const printed = await cli(runRestoreCli, ['--file', file, '--force'], { DATA_DIR: target }, work);
    expect(tree(target)).toEqual(tree(dataDir));
    const aside = /kept as (\S+)/.exec(printed)![1];
    expect(fs.readFileSync(path.join(aside, 'PG_VERSION'), 'utf8')).toBe('alt\n');
  });

  it('tells a PostgreSQL target apart from a data-directory backup', async () => {
    const file = path.join(work, 'dritte.tar.gz');
    await cli(runBackupCli, ['--out', file], { DATA_DIR: dataDir }, work);
    await expect(
      cli(runRestoreCli, ['--file', file, '--database-url', 'postgres://postgres@127.0.0.1:5432/irgendwo'], {}, work),
    ).rejects.toThrow(/backup of the embedded database .* unset DATABASE_URL/);
    fs.writeFileSync(path.join(work, 'kein-backup.bin'), 'hallo');
    expect(() => detectBackupKind(path.join(work, 'kein-backup.bin'))).toThrow(BackupError);
  });
});

/** Row count and a content hash of every table of the application (PostGIS' own tables left out). */
async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys' ORDER BY 1`,
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) AS md5
           FROM (SELECT row_to_json(t)::text AS x FROM "${name}" t) s`,
      );
      out[name] = rows[0];
    }
    return out;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

// pg_dump and pg_restore need a PostgreSQL server (DATABASE_URL); the embedded database is covered above.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('backup and restore on PostgreSQL (pg_dump -Fc / pg_restore)', () => {
  let t: TestApp;
  let admin: TestSession;
  let work: string;
  let orgId: string;
  let snapshotId: string;
  const restoredName = `pa_restore_${process.pid}_${Date.now().toString(36)}`;
  let restoredUrl: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-backup-pg-'));
    t = await createTestApp();
    restoredUrl = withDatabase(t.db.url, restoredName);
    await createTaxonomies(t.ds);
    orgId = await createOrganisation(t.ds, {
      name: 'Migrationsberatung Südstadt (Test)',
      locations: [{ ...east(51.5331, 9.9355, 400), street: 'Reinhäuser Landstraße 4', postcode: '37083' }],
      services: [{ name: 'Beratung für Neuzugewanderte', fields: ['beratung-migration'], languages: ['ar', 'de'] }],
    });
    const other = await createOrganisation(t.ds, {
      name: 'Sprachcafé Weende (Test)',
      services: [{ name: 'Sprachcafé', fields: ['dialog'] }],
    });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
    await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR, organisationIds: [other] });
    admin = await t.login('admin@example.org');
    const editor = await t.login('editor@example.org');

    // Revisions: two applied edits (audit records) and a proposal waiting for review (pending change).
    let version = (await t.ds.query(`SELECT version FROM organization WHERE id = $1`, [orgId]))[0].version as number;
    for (const description of ['Offene Sprechstunde dienstags', 'Offene Sprechstunde dienstags und donnerstags']) {
      const res = await admin.gql(UPDATE_ORG, { id: orgId, v: version, input: { description } });
      expect(res.errors).toBeUndefined();
      version = res.data!.updateOrganisation.version;
    }
    const [{ version: otherVersion }] = await t.ds.query(`SELECT version FROM organization WHERE id = $1`, [other]);
    const proposal = await editor.gql(UPDATE_ORG, { id: other, v: otherVersion, input: { description: 'Jeden Mittwoch' } });
    expect(proposal.data!.updateOrganisation.outcome).toBe('PENDING_REVIEW');

    // A frozen evaluation snapshot.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const snapshot = await admin.gql(`mutation($i: CreateEvaluationSnapshotInput!) { createEvaluationSnapshot(input: $i) { id } }`, {
      i: { title: 'Evaluation vor der Sicherung', date: yesterday },
    });
    expect(snapshot.errors).toBeUndefined();
    snapshotId = snapshot.data!.createEvaluationSnapshot.id;
  });
  afterAll(async () => {
    await dropDatabase(t.db.url, restoredName).catch(() => undefined);
    await t?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores a backup into a new database with every entry, revision and snapshot', async () => {
    const source = await fingerprint(t.db.url);
    expect(source.organization.rows).toBe(2);
    expect(source.audit_record.rows).toBeGreaterThanOrEqual(2);
    expect(source.pending_change.rows).toBe(1);
    expect(source.evaluation_snapshot.rows).toBe(1);

    const printed = await cli(runBackupCli, ['--out', 'partneratlas.dump'], { DATABASE_URL: t.db.url }, work);
    const file = path.join(work, 'partneratlas.dump');
    expect(printed).toMatch(/backup written/);
    expect(detectBackupKind(file)).toBe('postgres');

    await cli(runRestoreCli, ['--file', file, '--database-url', restoredUrl, '--create-database'], {}, work);
    expect(await fingerprint(restoredUrl)).toEqual(source);

    // The restored database serves the same history and snapshot through the API (no migrations to run).
    const restored = await createTestApp({}, { db: { url: restoredUrl, poolSize: 2, drop: () => dropDatabase(t.db.url, restoredName) } });
    try {
      const session = await restored.login('admin@example.org');
      const history = (await session.gql(HISTORY, { id: orgId })).data!.organisationHistory;
      expect(history.map((h: { changes: { field: string; newValue: unknown }[] }) => h.changes)).toEqual(
        expect.arrayContaining([
          [expect.objectContaining({ field: 'description', newValue: 'Offene Sprechstunde dienstags und donnerstags' })],
        ]),
      );
      const snapshot = await session.gql(`query($id: ID!) { evaluationSnapshot(id: $id) { title directory { organisationCount } } }`, {
        id: snapshotId,
      });
      expect(snapshot.data!.evaluationSnapshot.title).toBe('Evaluation vor der Sicherung');
      expect((await session.gql(`query { pendingChanges { id } }`)).data!.pendingChanges).toHaveLength(1);
    } finally {
      await restored.server.close();
    }
  });

  it('refuses a database that has tables unless --force, and then replaces its contents', async () => {
    const file = path.join(work, 'zweite.dump');
    await cli(runBackupCli, ['--out', file], { DATABASE_URL: t.db.url }, work);
    await expect(cli(runRestoreCli, ['--file', file], { DATABASE_URL: t.db.url }, work)).rejects.toThrow(/is not empty .* --force/);

    // A change in the restored copy is undone by restoring over it with --force.
    const c = new Client({ connectionString: restoredUrl });
    await c.connect();
    try {
      await c.query(`UPDATE organization SET name = 'geändert' WHERE id = $1`, [orgId]);
    } finally {
      await c.end();
    }
    await cli(runRestoreCli, ['--file', file, '--force'], { DATABASE_URL: restoredUrl }, work);
    expect(await fingerprint(restoredUrl)).toEqual(await fingerprint(t.db.url));
  });

  it('restores into a new database of the postgis/postgis image, which has PostGIS and its topology schema already', async () => {
    await t.ds.query(`CREATE EXTENSION IF NOT EXISTS postgis_topology`);
    const file = path.join(work, 'mit-topologie.dump');
    await cli(runBackupCli, ['--out', file], { DATABASE_URL: t.db.url }, work);

    const name = `${restoredName}_img`;
    const admin = new Client({ connectionString: withDatabase(t.db.url, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const target = withDatabase(t.db.url, name);
    try {
      // What the image's initialisation script does in every new database.
      const c = new Client({ connectionString: target });
      await c.connect();
      await c.query(`CREATE EXTENSION postgis; CREATE EXTENSION postgis_topology`);
      await c.end();
      await cli(runRestoreCli, ['--file', file, '--database-url', target], {}, work);
      expect(await fingerprint(target)).toEqual(await fingerprint(t.db.url));
    } finally {
      await dropDatabase(t.db.url, name);
    }
  });

  it('says what is missing when pg_dump cannot be found or is older than the server', async () => {
    const env = { DATABASE_URL: t.db.url };
    await expect(cli(runBackupCli, ['--out', 'a.dump', '--pg-bin', path.join(work, 'fehlt')], env, work)).rejects.toThrow(
      /pg_dump not found in .*fehlt.*postgresql-client-\d+/,
    );
    const old = path.join(work, 'alt');
    fs.mkdirSync(old);
    fs.writeFileSync(path.join(old, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    await expect(cli(runBackupCli, ['--out', 'b.dump', '--pg-bin', old], env, work)).rejects.toThrow(
      /pg_dump is older than the PostgreSQL \d+ server: found .*version 9/,
    );
    expect(fs.readdirSync(work).filter((f) => /^[ab]\.dump/.test(f))).toEqual([]);
  });
});
