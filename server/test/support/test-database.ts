import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../src/database/data-source';
import { EmbeddedDatabase } from '../../src/database/embedded/embedded-database';

/**
 * Per-test-file databases built by the migrations, never shared between files.
 * - DATABASE_URL set: PostgreSQL + PostGIS. Migrations run once into a template database; each file
 *   gets `CREATE DATABASE … TEMPLATE …`.
 * - Otherwise: embedded PGlite + PostGIS. Migrations run once; the data directory is dumped and each
 *   file starts its own PGlite from that dump.
 */

interface TemplateState {
  mode: 'postgres' | 'embedded';
  adminUrl?: string;
  templateName?: string;
  dumpFile?: string;
}

export interface TestDatabase {
  url: string;
  poolSize: number;
  drop(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Set by the global setup; inherited by the test workers through the environment. */
export function stateFile(): string {
  process.env.PA_TEST_STATE ??= path.join(os.tmpdir(), `partneratlas-test-${process.pid}.json`);
  return process.env.PA_TEST_STATE;
}

async function migrate(url: string): Promise<void> {
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export async function prepareTemplate(): Promise<TemplateState> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const templateName = `pa_test_tmpl_${process.pid}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
      await admin.query(`CREATE DATABASE ${templateName}`);
    } finally {
      await admin.end();
    }
    await migrate(withDatabase(url, templateName));
    return { mode: 'postgres', adminUrl: url, templateName };
  }
  const db = await EmbeddedDatabase.start({});
  try {
    await migrate(db.url);
    const dump = await db.dump();
    const dumpFile = path.join(os.tmpdir(), `partneratlas-template-${process.pid}.tar`);
    fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return { mode: 'embedded', dumpFile };
  } finally {
    await db.stop();
  }
}

export async function dropTemplate(state: TemplateState): Promise<void> {
  if (state.mode === 'postgres' && state.adminUrl && state.templateName) {
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${state.templateName}`);
    } finally {
      await admin.end();
    }
  }
  if (state.dumpFile) fs.rmSync(state.dumpFile, { force: true });
}

function readState(): TemplateState {
  return JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as TemplateState;
}

let counter = 0;

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const state = readState();
  if (state.mode === 'postgres' && state.adminUrl && state.templateName) {
    const name = `pa_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new Client({ connectionString: state.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${state.templateName}`);
    } finally {
      await admin.end();
    }
    return {
      url: withDatabase(state.adminUrl, name),
      poolSize: 5,
      drop: async () => {
        const c = new Client({ connectionString: state.adminUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }
  const blob = new Blob([fs.readFileSync(state.dumpFile!)]);
  const db = await EmbeddedDatabase.start({ loadDataDir: blob });
  return { url: db.url, poolSize: 1, drop: () => db.stop() };
}
