import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Backups of the whole database, with every entry, revision (audit_record, pending_change) and evaluation snapshot:
 * - PostgreSQL: `pg_dump` in its custom format (-Fc), restored with `pg_restore` in one transaction into an empty
 *   database. The tools must be at least as new as the server (pg_dump refuses older servers only).
 * - Embedded (PGlite): the data directory as a .tar.gz, taken and restored while no server uses it.
 */

/** A problem the operator can fix; printed without a stack trace. */
export class BackupError extends Error {}

export type BackupKind = 'postgres' | 'embedded';

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
}

export interface PgToolOptions {
  /** Folder with pg_dump / pg_restore (default: PATH, then /usr/lib/postgresql/<major>/bin). */
  pgBin?: string;
  log?: (line: string) => void;
}

/** `partneratlas-<kind>-2026-11-27T17-05-00Z.dump|tar.gz` */
export function defaultBackupName(kind: BackupKind, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return kind === 'postgres' ? `partneratlas-${stamp}.dump` : `partneratlas-embedded-${stamp}.tar.gz`;
}

/** What a backup file holds, from its first bytes: a pg_dump archive ("PGDMP") or a gzip'd tar of a data directory. */
export function detectBackupKind(file: string): BackupKind {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
  throw new BackupError(`${file} is neither a pg_dump archive (custom format) nor a .tar.gz of an embedded data directory`);
}

// ------------------------------------------------------------------------------------------------ processes

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env?: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : undefined });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(command: string, args: string[], what: string, env?: Record<string, string>): Promise<Run> {
  const r = await run(command, args, env);
  if (r.code !== 0) throw new BackupError(`${what} failed (exit code ${r.code}):\n${r.stderr.trim() || r.stdout.trim()}`);
  return r;
}

// ------------------------------------------------------------------------------------------------ PostgreSQL

/** The URL without its password, which goes to the tools as PGPASSWORD (not visible in the process list). */
function connection(url: string): { dbname: string; env: Record<string, string>; database: string; display: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackupError('the database URL is not a valid postgres:// URL');
  }
  const env: Record<string, string> = {};
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
  return { dbname: u.toString(), env, database, display: `${u.hostname}:${u.port || '5432'}/${database}` };
}

async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(rows[0].v) / 10000);
  } catch (error) {
    throw new BackupError(`cannot connect to the database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Major version of a PostgreSQL client tool, or null when it cannot be run. */
async function toolMajor(command: string): Promise<number | null> {
  try {
    const r = await run(command, ['--version']);
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout);
    return r.code === 0 && m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * A pg_dump / pg_restore at least as new as `minMajor`: the one in --pg-bin, else on PATH, else the newest in
 * /usr/lib/postgresql/<major>/bin (Debian/Ubuntu install several side by side). Clear errors when there is none.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number, options: PgToolOptions = {}): Promise<string> {
  const candidates: string[] = [];
  if (options.pgBin) candidates.push(path.join(options.pgBin, name));
  else {
    candidates.push(name);
    const debian = '/usr/lib/postgresql';
    if (fs.existsSync(debian)) {
      for (const v of fs
        .readdirSync(debian)
        .filter((d) => /^\d+$/.test(d))
        .sort((a, b) => Number(b) - Number(a))) {
        candidates.push(path.join(debian, v, 'bin', name));
      }
    }
  }
  const found: string[] = [];
  for (const c of candidates) {
    const major = await toolMajor(c);
    if (major === null) continue;
    if (major >= minMajor) return c;
    found.push(`${c} (version ${major})`);
  }
  const install = `install the PostgreSQL ${minMajor} client tools (e.g. apt-get install postgresql-client-${minMajor}) or pass --pg-bin <folder with ${name}>`;
  if (found.length) throw new BackupError(`${name} is older than the PostgreSQL ${minMajor} server: found ${found.join(', ')}; ${install}`);
  throw new BackupError(`${name} not found${options.pgBin ? ` in ${options.pgBin}` : ' (PATH, /usr/lib/postgresql/*/bin)'}; ${install}`);
}

/** Writes to `<out>.partial` and renames at the end, so that an interrupted backup never looks complete. */
function partialOf(out: string): string {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  if (fs.existsSync(out)) throw new BackupError(`${out} exists already; choose another --out`);
  return `${out}.partial`;
}

export async function backupPostgres(databaseUrl: string, out: string, options: PgToolOptions = {}): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const c = connection(databaseUrl);
  const major = await serverMajor(databaseUrl);
  const pgDump = await findPgTool('pg_dump', major, options);
  const partial = partialOf(out);
  log(`pg_dump: ${c.display} (PostgreSQL ${major}) → ${out}`);
  try {
    // Owners and privileges stay in the archive; pg_restore leaves them out (the target may have other roles).
    await ok(pgDump, ['--format=custom', `--file=${partial}`, `--dbname=${c.dbname}`], 'pg_dump', c.env);
    // Readable by pg_restore? (lists the archive's table of contents)
    await ok(await findPgTool('pg_restore', major, options), ['--list', partial], 'checking the archive');
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { kind: 'postgres', file: out, bytes: fs.statSync(out).size };
}

export interface RestorePostgresOptions extends PgToolOptions {
  /** Restore into a database that has tables (they are dropped and replaced: pg_restore --clean). */
  force?: boolean;
  /** Create the target database when it does not exist (connects to the server's `postgres` database for that). */
  createDatabase?: boolean;
}

/**
 * What the target holds: its tables, views and sequences (not those of extensions such as PostGIS' spatial_ref_sys)
 * and its schemas (e.g. `topology`, which the postgis/postgis image creates in every new database).
 */
async function targetState(url: string): Promise<{ relations: number; schemas: Set<string> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
    );
    const schemas = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace`);
    return { relations: rows[0].n, schemas: new Set(schemas.rows.map((r) => r.name)) };
  } finally {
    await client.end();
  }
}

/**
 * The archive's table of contents without what the target has or may not set: schemas it has already (CREATE SCHEMA
 * would fail; extensions are created IF NOT EXISTS) and comments on extensions (only their owner may set them).
 */
export function restoreList(toc: string, existingSchemas: ReadonlySet<string>): string {
  return toc
    .split('\n')
    .filter((line) => {
      if (/^\d+;\s.*\sCOMMENT\s+-\s+EXTENSION\s/.test(line)) return false;
      const schema = /^\d+;\s+\d+\s+\d+\s+(?:SCHEMA\s+-|COMMENT\s+-\s+SCHEMA)\s+(\S+)/.exec(line)?.[1];
      return !(schema && existingSchemas.has(schema));
    })
    .join('\n');
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

async function createDatabase(url: string, name: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // From template0, as pg_dump's documentation advises: nothing in it that the archive creates too.
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump archive into `databaseUrl` in one transaction (all or nothing). Refuses a database that already
 * has tables unless `force`.
 */
export async function restorePostgres(file: string, databaseUrl: string, options: RestorePostgresOptions = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  if (detectBackupKind(file) !== 'postgres') {
    throw new BackupError(
      `${file} is a backup of the embedded database (a data directory); restore it without DATABASE_URL / --database-url`,
    );
  }
  const c = connection(databaseUrl);
  let exists: boolean;
  try {
    exists = await databaseExists(databaseUrl, c.database);
  } catch (error) {
    throw new BackupError(`cannot connect to the server of ${c.display}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!exists) {
    if (!options.createDatabase) throw new BackupError(`the database ${c.database} does not exist; create it or pass --create-database`);
    log(`creating the database ${c.database}`);
    await createDatabase(databaseUrl, c.database);
  }
  const major = await serverMajor(databaseUrl);
  const { relations, schemas } = await targetState(databaseUrl);
  if (relations > 0 && !options.force) {
    throw new BackupError(
      `the database ${c.display} is not empty (${relations} tables, views or sequences); restore into a new database (--create-database) or pass --force to replace its contents`,
    );
  }
  const pgRestore = await findPgTool('pg_restore', major, options);
  const listed = await run(pgRestore, ['--list', file]);
  if (listed.code !== 0) {
    const detail = listed.stderr.trim();
    const newer = /unsupported version/i.test(detail);
    throw new BackupError(
      newer
        ? `${pgRestore} is older than the pg_dump that wrote ${file} (${detail}); use the pg_restore of that version or newer (--pg-bin)`
        : `${file} is not a readable pg_dump archive: ${detail}`,
    );
  }
  const dumpedFrom = /Dumped from database version:\s*(\d+)/.exec(listed.stdout)?.[1];
  if (dumpedFrom && Number(dumpedFrom) > major) {
    log(`warning: the backup comes from PostgreSQL ${dumpedFrom}, the target runs ${major}; restoring into an older server may fail`);
  }
  // With --clean (a non-empty target) the archive's schemas are dropped and created again: keep them.
  const list = restoreList(listed.stdout, relations > 0 ? new Set() : schemas);
  const listFile = `${file}.${process.pid}.list`;
  fs.writeFileSync(listFile, list);
  log(`pg_restore: ${file} → ${c.display}${relations > 0 ? ' (replacing its contents: --force)' : ''}`);
  try {
    await ok(
      pgRestore,
      [
        '--single-transaction',
        '--exit-on-error',
        '--no-owner',
        '--no-privileges',
        ...(relations > 0 ? ['--clean', '--if-exists'] : []),
        `--use-list=${listFile}`,
        `--dbname=${c.dbname}`,
        file,
      ],
      'pg_restore (nothing was restored: it runs in one transaction)',
      c.env,
    );
  } finally {
    fs.rmSync(listFile, { force: true });
  }
}

// ------------------------------------------------------------------------------------------------ embedded

/**
 * PGlite writes postmaster.pid while it runs and removes it when it closes; a left-over file means a server is
 * running on the directory or was killed (then start and stop it once, so that the database recovers).
 */
function assertNotInUse(dataDir: string, action: string): void {
  if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    throw new BackupError(
      `${dataDir} is in use (postmaster.pid): stop the server before the ${action}. If no server is running, it was stopped ` +
        `abruptly: start it once and stop it (the database recovers), then try again.`,
    );
  }
}

/** A .tar.gz of the embedded database's data directory (the server must be stopped). */
export async function backupDataDir(dataDir: string, out: string): Promise<BackupResult> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`${dataDir} holds no embedded database (no PG_VERSION); set DATA_DIR to the server's data directory`);
  }
  assertNotInUse(dataDir, 'backup');
  const partial = partialOf(out);
  try {
    await ok('tar', ['-czf', partial, '-C', dataDir, '.'], 'tar');
    // The server may have started while tar was reading: then the copy is not consistent.
    assertNotInUse(dataDir, 'backup');
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { kind: 'embedded', file: out, bytes: fs.statSync(out).size };
}

/**
 * Unpacks a data-directory backup into `dataDir`, which must be empty or missing; with `force` a non-empty one is
 * kept beside it as `<dataDir>.before-restore-<time>` (never deleted).
 */
export async function restoreDataDir(
  file: string,
  dataDir: string,
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  const log = options.log ?? (() => undefined);
  if (detectBackupKind(file) !== 'embedded') {
    throw new BackupError(`${file} is a PostgreSQL backup (pg_dump); restore it with DATABASE_URL or --database-url`);
  }
  const entries = (await ok('tar', ['-tzf', file], 'reading the archive')).stdout.split('\n');
  if (!entries.some((e) => e === './PG_VERSION' || e === 'PG_VERSION')) {
    throw new BackupError(`${file} is not a backup of an embedded data directory (no PG_VERSION in it)`);
  }
  if (entries.some((e) => e.startsWith('/') || e.split('/').includes('..'))) throw new BackupError(`${file} has unsafe paths`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    assertNotInUse(dataDir, 'restore');
    if (!options.force) {
      throw new BackupError(
        `${dataDir} is not empty; restore into an empty or new DATA_DIR (--data-dir), or pass --force to move it aside`,
      );
    }
    const aside = `${dataDir.replace(/[/\\]+$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, aside);
    log(`the previous data directory is kept as ${aside}`);
  }
  const partial = `${dataDir.replace(/[/\\]+$/, '')}.restoring`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    await ok('tar', ['-xzf', file, '-C', partial], 'tar');
    if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir);
    fs.renameSync(partial, dataDir);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  log(`restored ${file} into ${dataDir}`);
}
