import 'reflect-metadata';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { UserRole } from '@partneratlas/shared';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded/embedded-database';
import { hashPassword, passwordProblem } from '../modules/accounts/password';
import { normaliseEmail } from '../modules/accounts/session.service';

export const USERS_CLI_USAGE = `Usage:
  npm run users -- create --email <address> --role ADMIN|COORDINATOR [--name <display name>]
      Creates a user. The password is read from stdin: prompted (twice, not shown) on a terminal,
      else the first line (e.g. \`printf '%s\\n' "$PASSWORD" | npm run users -- create …\`).
      Editors are invited from the web interface (they need organisations).
  npm run users -- list
      Lists all users.
Connects like the app: DATABASE_URL, else the embedded database in DATA_DIR (stop the server first).`;

/** A mistake of the caller: printed without a stack trace. */
export class UsersCliError extends Error {}

/** process.stdin, or any readable stream in tests. */
export type CliInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

export interface UsersCliOptions {
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Default: process.stdout. */
  out?: { write(text: string): unknown };
}

const CREATABLE_ROLES = [UserRole.ADMIN, UserRole.COORDINATOR];

/**
 *   node dist/cli/users.js create --email admin@example.org --role ADMIN [--name "…"]   (password from stdin)
 *   node dist/cli/users.js list
 * The way to the first administrator; everyone else is invited from the web interface.
 */
export async function runUsersCli(argv: readonly string[], stdin: CliInput, options: UsersCliOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const print = (line: string) => out.write(`${line}\n`);
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    throw new UsersCliError(`${error instanceof Error ? error.message : String(error)}\n${USERS_CLI_USAGE}`);
  }
  const { command, values } = parsed;
  if (values.help || !command) {
    print(USERS_CLI_USAGE);
    return;
  }
  if (command !== 'create' && command !== 'list') throw new UsersCliError(`Unknown command "${command}".\n${USERS_CLI_USAGE}`);

  let create: { email: string; role: UserRole; name: string | null } | null = null;
  if (command === 'create') {
    const email = normaliseEmail(values.email ?? '');
    if (!isEmail(email)) throw new UsersCliError('--email must be an email address');
    const role = (values.role ?? '').toUpperCase() as UserRole;
    if (!CREATABLE_ROLES.includes(role)) {
      throw new UsersCliError('--role must be ADMIN or COORDINATOR (editors are invited from the web interface)');
    }
    create = { email, role, name: values.name?.trim() || null };
  }

  await withDataSource(options.env ?? process.env, print, async (ds) => {
    if (!create) {
      await listUsers(ds, print);
      return;
    }
    const [existing]: unknown[] = await ds.query(`SELECT 1 FROM app_user WHERE email = $1`, [create.email]);
    if (existing) throw new UsersCliError(`A user with the email ${create.email} exists already`);
    const password = await readPassword(stdin, out);
    const problem = passwordProblem(password, create.email);
    if (problem) throw new UsersCliError(problem);
    const [row]: { id: string }[] = await ds.query(
      `INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [create.email, create.name, await hashPassword(password), create.role],
    );
    print(`created ${create.role} ${create.email} (${row.id}); sign in at the web interface`);
  });
}

function parseCli(argv: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (positionals.length > 1) throw new Error(`Unexpected argument "${positionals[1]}"`);
  return { command: positionals[0], values };
}

/** Connects like seed.ts: DATABASE_URL, else the embedded database; applies pending migrations first. */
async function withDataSource(env: NodeJS.ProcessEnv, print: (line: string) => void, fn: (ds: DataSource) => Promise<void>): Promise<void> {
  const config = loadConfig(env);
  let embedded: EmbeddedDatabase | null = null;
  let ds: DataSource | null = null;
  try {
    let url = config.DATABASE_URL;
    if (url) {
      const target = new URL(url);
      print(`database: ${target.hostname}:${target.port || '5432'}${target.pathname} (DATABASE_URL)`);
    } else {
      embedded = await EmbeddedDatabase.start({ dataDir: config.DATA_DIR });
      url = embedded.url;
      print(`database: embedded PostgreSQL + PostGIS in ${config.DATA_DIR}`);
    }
    ds = createDataSource({ url, poolSize: 1, applicationName: 'partneratlas-users' });
    await ds.initialize();
    const migrations = await ds.runMigrations({ transaction: 'each' });
    if (migrations.length) print(`migrations: applied ${migrations.map((m) => m.name).join(', ')}`);
    await fn(ds);
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

async function listUsers(ds: DataSource, print: (line: string) => void): Promise<void> {
  const rows: { email: string; role: string; name: string | null; status: string; last: string | null; orgs: number }[] = await ds.query(
    `SELECT u.email, u.role, u.display_name AS name,
            CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' WHEN u.password_hash IS NULL THEN 'no password' ELSE 'active' END AS status,
            to_char(u.last_login_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS last,
            (SELECT count(*)::int FROM user_organisation uo WHERE uo.user_id = u.id) AS orgs
       FROM app_user u ORDER BY u.role, u.email`,
  );
  if (!rows.length) {
    print('no users yet; create the first administrator with: npm run users -- create --email <address> --role ADMIN');
    return;
  }
  const table = [
    ['EMAIL', 'ROLE', 'STATUS', 'LAST SIGN-IN', 'ORGS', 'NAME'],
    ...rows.map((r) => [r.email, r.role, r.status, r.last ?? '-', String(r.orgs), r.name ?? '']),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table)
    print(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}

/** On a terminal: asks twice without echo. Otherwise: the first line of the input. */
async function readPassword(stdin: CliInput, out: { write(text: string): unknown }): Promise<string> {
  if (stdin.isTTY && stdin.setRawMode) {
    const first = await readHidden(stdin, out, 'Password (12+ characters): ');
    const second = await readHidden(stdin, out, 'Repeat password: ');
    if (first !== second) throw new UsersCliError('The passwords differ');
    return first;
  }
  const rl = readline.createInterface({ input: stdin, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
  } finally {
    rl.close();
  }
  throw new UsersCliError('No password on stdin (the first line is the password)');
}

function readHidden(stdin: CliInput, out: { write(text: string): unknown }, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      out.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new UsersCliError('Cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    out.write(prompt);
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

if (require.main === module) {
  runUsersCli(process.argv.slice(2), process.stdin).then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof UsersCliError ? message : `users failed: ${message}`);
      process.exit(1);
    },
  );
}
