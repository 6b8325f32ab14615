import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { BackupError, detectBackupKind, restoreDataDir, restorePostgres } from '../database/backup/backup';
import { cliCwd, CliOptions } from './backup';

export const RESTORE_USAGE = `Usage: npm run restore -- --file FILE [--database-url URL] [--create-database] [--force] [--pg-bin DIR]
       npm run restore -- --file FILE.tar.gz [--data-dir DIR] [--force]

  Restores a backup of npm run backup; the kind is read from the file.

  pg_dump archive → the database of --database-url (default DATABASE_URL), in one transaction (all or nothing).
    --create-database  create that database first when it does not exist (needs the right to create databases)
    --force            restore into a database that already has tables (they are replaced)
    --pg-bin DIR       folder with a pg_restore at least as new as the server and the backup
  embedded .tar.gz → DATA_DIR (or --data-dir), which must be empty or missing; stop the server first.
    --force            move a non-empty data directory aside (<dir>.before-restore-<time>) and restore

  Then start the server: it runs the migrations that are newer than the backup.`;

export async function runRestoreCli(argv: readonly string[], options: CliOptions = {}): Promise<void> {
  const print = (line: string) => (options.out ?? process.stdout).write(`${line}\n`);
  let values: {
    file?: string;
    'database-url'?: string;
    'create-database'?: boolean;
    force?: boolean;
    'pg-bin'?: string;
    'data-dir'?: string;
    help?: boolean;
  };
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        file: { type: 'string' },
        'database-url': { type: 'string' },
        'create-database': { type: 'boolean' },
        force: { type: 'boolean' },
        'pg-bin': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new BackupError(`${error instanceof Error ? error.message : String(error)}\n\n${RESTORE_USAGE}`);
  }
  if (values.help) {
    print(RESTORE_USAGE);
    return;
  }
  if (!values.file) throw new BackupError(`--file is missing\n\n${RESTORE_USAGE}`);
  const cwd = cliCwd(options);
  const file = path.resolve(cwd, values.file);
  // --database-url goes through the same validation as DATABASE_URL.
  const config = loadConfig({
    ...(options.env ?? process.env),
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
  });
  if (detectBackupKind(file) === 'postgres') {
    if (!config.DATABASE_URL)
      throw new BackupError('this is a PostgreSQL backup (pg_dump): name the target with --database-url or DATABASE_URL');
    await restorePostgres(file, config.DATABASE_URL, {
      force: values.force,
      createDatabase: values['create-database'],
      pgBin: values['pg-bin'],
      log: print,
    });
  } else {
    if (config.DATABASE_URL) {
      throw new BackupError(
        'this is a backup of the embedded database (a data directory), but a database URL is set: unset DATABASE_URL to restore it into DATA_DIR (or --data-dir)',
      );
    }
    await restoreDataDir(file, path.resolve(cwd, values['data-dir'] ?? config.DATA_DIR), { force: values.force, log: print });
  }
  print('restore finished; start the server (it applies any newer migrations)');
}

if (require.main === module) {
  runRestoreCli(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      // Mistakes of the caller (BackupError, ConfigError) in one line; anything else with its stack.
      const known = error instanceof BackupError || error instanceof ConfigError;
      console.error(`restore failed: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}`);
      process.exit(1);
    },
  );
}
