import { Readable } from 'node:stream';
import { runUsersCli } from '../src/cli/users';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const PASSWORD = 'Stadtfriedhof-Albanikirche-1893';

/** Runs the CLI against the test database with the given stdin; returns what it printed. */
async function cli(db: TestDatabase, argv: string[], stdin = ''): Promise<string> {
  let printed = '';
  try {
    await runUsersCli(argv, Readable.from([stdin]), {
      env: { DATABASE_URL: db.url, NODE_ENV: 'test' },
      out: { write: (text: string) => (printed += text) },
    });
  } finally {
    // The embedded database serves one connection and frees the slot of a closed one asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return printed;
}

describe('users CLI (the first administrator)', () => {
  let db: TestDatabase;
  let t: TestApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    if (t) await t.close();
    else await db.drop();
  });

  it('says how to begin when there are no users', async () => {
    expect(await cli(db, ['list'])).toMatch(/no users yet/);
  });

  it('rejects a common or short password from stdin and creates nobody', async () => {
    await expect(cli(db, ['create', '--email', 'admin@example.org', '--role', 'ADMIN'], 'password1234\n')).rejects.toThrow(/too common/);
    await expect(cli(db, ['create', '--email', 'admin@example.org', '--role', 'ADMIN'], 'kurz\n')).rejects.toThrow(/at least 12/);
    await expect(cli(db, ['create', '--email', 'admin@example.org', '--role', 'ADMIN'], '')).rejects.toThrow(/No password/);
    expect(await cli(db, ['list'])).toMatch(/no users yet/);
  });

  it('rejects bad arguments with the usage', async () => {
    await expect(cli(db, ['create', '--email', 'keine-adresse', '--role', 'ADMIN'], `${PASSWORD}\n`)).rejects.toThrow(/--email/);
    await expect(cli(db, ['create', '--email', 'r@example.org', '--role', 'EDITOR'], `${PASSWORD}\n`)).rejects.toThrow(/invited/);
    await expect(cli(db, ['delete'])).rejects.toThrow(/Unknown command/);
    await expect(cli(db, ['create', '--unknown'])).rejects.toThrow(/Usage/);
    expect(await cli(db, ['--help'])).toMatch(/Usage/);
  });

  it('creates an administrator with the first line of stdin as password, and refuses the same email twice', async () => {
    const out = await cli(
      db,
      ['create', '--email', 'Admin@Example.org', '--role', 'admin', '--name', 'Ada Admin'],
      `${PASSWORD}\nignored second line\n`,
    );
    expect(out).toMatch(/created ADMIN admin@example\.org/);
    await expect(cli(db, ['create', '--email', 'admin@example.org', '--role', 'COORDINATOR'], `${PASSWORD}\n`)).rejects.toThrow(
      /exists already/,
    );
    const list = await cli(db, ['list']);
    expect(list).toMatch(/admin@example\.org\s+ADMIN\s+active\s+-\s+0\s+Ada Admin/);
  });

  it('lets the created administrator sign in through GraphQL with that password', async () => {
    t = await createTestApp({}, { db });
    const s = await t.login('admin@example.org', PASSWORD);
    const me = await s.gql(`{ me { email role displayName } }`);
    expect(me.data?.me).toEqual({ email: 'admin@example.org', role: 'ADMIN', displayName: 'Ada Admin' });
    const [row]: { hash: string }[] = await t.ds.query(`SELECT password_hash AS hash FROM app_user WHERE email = 'admin@example.org'`);
    expect(row.hash).toMatch(/^\$argon2id\$/);
  });
});
