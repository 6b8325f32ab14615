import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { backupDataDir, BackupError, backupPostgres, BackupResult, defaultBackupName } from '../database/backup/backup';

export const BACKUP_USAGE = `Usage: npm run backup -- [--out FILE] [--pg-bin DIR] [--data-dir DIR]

  Backs up the whole database: every entry, user, revision (history, pending changes) and evaluation snapshot.

  With DATABASE_URL (PostgreSQL): pg_dump in its custom format (restore with npm run restore). The pg_dump must be at
  least as new as the server; --pg-bin names the folder of the right one.
  Without it (the embedded database): a .tar.gz of DATA_DIR (or --data-dir). Stop the server first.

  --out FILE   where to write (default: partneratlas-<time>.dump or partneratlas-embedded-<time>.tar.gz here);
               an existing file is never overwritten`;

export interface CliOptions {
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Relative paths are resolved against this folder (default: where npm was started). */
  cwd?: string;
  /** Default: process.stdout. */
  out?: { write(text: string): unknown };
}

export function cliCwd(options: CliOptions): string {
  return options.cwd ?? process.env.INIT_CWD ?? process.cwd();
}

const size = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function runBackupCli(argv: readonly string[], options: CliOptions = {}): Promise<BackupResult | null> {
  const print = (line: string) => (options.out ?? process.stdout).write(`${line}\n`);
  let values: { out?: string; 'pg-bin'?: string; 'data-dir'?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        out: { type: 'string' },
        'pg-bin': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new BackupError(`${error instanceof Error ? error.message : String(error)}\n\n${BACKUP_USAGE}`);
  }
  if (values.help) {
    print(BACKUP_USAGE);
    return null;
  }
  const config = loadConfig(options.env ?? process.env);
  const cwd = cliCwd(options);
  const kind = config.DATABASE_URL ? 'postgres' : 'embedded';
  const out = path.resolve(cwd, values.out ?? defaultBackupName(kind));
  const result = config.DATABASE_URL
    ? await backupPostgres(config.DATABASE_URL, out, { pgBin: values['pg-bin'], log: print })
    : await backupDataDir(path.resolve(cwd, values['data-dir'] ?? config.DATA_DIR), out);
  print(`backup written: ${result.file} (${size(result.bytes)})`);
  return result;
}

if (require.main === module) {
  runBackupCli(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      // Mistakes of the caller (BackupError, ConfigError) in one line; anything else with its stack.
      const known = error instanceof BackupError || error instanceof ConfigError;
      console.error(`backup failed: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}`);
      process.exit(1);
    },
  );
}
