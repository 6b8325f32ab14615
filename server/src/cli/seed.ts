import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded/embedded-database';
import { SEED_CLI_USAGE, parseSeedCliArgs } from '../database/seed/cli-options';
import { describeSeed, removeDemo, runSeed } from '../database/seed/seed';

/**
 *   node dist/cli/seed.js                reference data + fictional demo organisations
 *   node dist/cli/seed.js --real         reference data + real organisations (unverified)
 *   node dist/cli/seed.js --no-demo      reference data only
 *   node dist/cli/seed.js --remove-demo  delete the demo organisations
 * Connects like the app: DATABASE_URL, else the embedded database in DATA_DIR.
 */
async function main(argv: readonly string[]): Promise<void> {
  const options = parseSeedCliArgs(argv);
  if (options.mode === 'help') {
    console.log(SEED_CLI_USAGE);
    return;
  }
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let ds: DataSource | null = null;
  try {
    let url = config.DATABASE_URL;
    if (url) {
      const target = new URL(url);
      console.log(`database: ${target.hostname}:${target.port || '5432'}${target.pathname} (DATABASE_URL)`);
    } else {
      embedded = await EmbeddedDatabase.start({ dataDir: config.DATA_DIR });
      url = embedded.url;
      console.log(`database: embedded PostgreSQL + PostGIS in ${config.DATA_DIR}`);
    }
    ds = createDataSource({ url, poolSize: 1, applicationName: 'partneratlas-seed' });
    await ds.initialize();
    const migrations = await ds.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${migrations.length ? `applied ${migrations.map((m) => m.name).join(', ')}` : 'up to date'}`);

    if (options.mode === 'remove-demo') {
      const removed = await removeDemo(ds);
      console.log(`demo: removed ${removed} fictional organisation(s) with their locations, services and relationships`);
      return;
    }
    const summary = await runSeed(ds, { demo: options.demo, real: options.real });
    for (const line of describeSeed(summary)) console.log(line);
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`seed failed: ${message}`);
      process.exit(1);
    },
  );
}
