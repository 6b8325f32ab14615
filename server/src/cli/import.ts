import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { startServer } from '../bootstrap';
import { loadConfig } from '../config/config';
import { ImportService } from '../modules/interop/import/import.service';
import { ImportActor, ImportFile, ImportKind, ImportReport } from '../modules/interop/import/import.types';

const FORMATS = { 'hsds-json': ImportKind.HSDS_JSON, 'hsds-package': ImportKind.HSDS_PACKAGE, csv: ImportKind.CSV } as const;
type Format = keyof typeof FORMATS;

export const IMPORT_USAGE = `Usage: npm run import -- --format ${Object.keys(FORMATS).join('|')} --file PATH [--file PATH] [--apply] [--publish]
                         [--keep-duplicates] [--geocode] [--actor EMAIL]

  hsds-json     Open Referral HSDS 3.1 nested JSON (an array of organizations, as hsds.json exports it)
  hsds-package  HSDS 3.1 tabular data package: --file the folder (datapackage.json + CSV files) or the files
  csv           spreadsheet CSV (Excel/LibreOffice; UTF-8 or Windows-1252, ';' or ','): an organisations file and
                optionally a services file; columns as in server/src/modules/interop/IMPORT.md

  (default)          dry run: check everything and print the report; nothing is written
  --apply            write, in one transaction (nothing is written if any row has an error)
  --publish          publish new organisations at once (default: drafts, unverified)
  --keep-duplicates  also import rows that duplicate an existing entry (default: leave them out)
  --geocode          look up coordinates for locations without them at GEOCODER_URL (Nominatim-compatible; at most
                     one request per GEOCODER_MIN_INTERVAL_MS, at most GEOCODER_IMPORT_MAX per import); with --apply a
                     dry run looks them up first and the apply writes exactly what it showed
  --actor EMAIL      record the import in the audit history as this coordinator or admin

Connects like the server: DATABASE_URL, else the embedded database in DATA_DIR (stop a running server first).`;

export interface ImportArgs {
  format: Format;
  files: string[];
  apply: boolean;
  publish: boolean;
  skipDuplicates: boolean;
  geocode: boolean;
  actor: string | null;
}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let format: string | undefined;
  const files: string[] = [];
  const out: Omit<ImportArgs, 'format' | 'files'> = { apply: false, publish: false, skipDuplicates: true, geocode: false, actor: null };
  const base = process.env.INIT_CWD ?? process.cwd();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--file') files.push(path.resolve(base, argv[++i] ?? ''));
    else if (a.startsWith('--file=')) files.push(path.resolve(base, a.slice(7)));
    else if (a === '--apply') out.apply = true;
    else if (a === '--publish') out.publish = true;
    else if (a === '--keep-duplicates') out.skipDuplicates = false;
    else if (a === '--geocode') out.geocode = true;
    else if (a === '--actor') out.actor = argv[++i] ?? null;
    else if (a.startsWith('--actor=')) out.actor = a.slice(8);
    else throw new Error(`unknown argument "${a}"\n\n${IMPORT_USAGE}`);
  }
  if (!format || !(format in FORMATS)) throw new Error(`--format must be one of ${Object.keys(FORMATS).join(', ')}\n\n${IMPORT_USAGE}`);
  if (!files.length) throw new Error(`--file is missing\n\n${IMPORT_USAGE}`);
  return { format: format as Format, files, ...out };
}

/** Files to import; a folder stands for the files in it (a data package). */
function readFiles(paths: string[]): ImportFile[] {
  return paths.flatMap((p) => {
    if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    const names = fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .filter((n) => /\.(csv|json)$/i.test(n))
          .map((n) => path.join(p, n))
      : [p];
    return names.map((n) => ({ name: path.basename(n), bytes: fs.readFileSync(n) }));
  });
}

/** A text progress bar on stderr (a line per phase when stderr is not a terminal). */
function progressBar(): { update: (value: number, phase: string) => void; end: () => void } {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  let lastDraw = 0;
  return {
    update(value, phase) {
      const pct = Math.round(value * 100);
      if (!tty) {
        if (phase !== lastPhase) process.stderr.write(`${phase} … ${pct}%\n`);
        lastPhase = phase;
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 80 && value < 1) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(value * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${phase.padEnd(10)}`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

export function describeReport(report: ImportReport): string[] {
  const c = report.counts;
  const where = (p: { file?: string | null; row: number | null; column?: string | null }) =>
    [p.file, p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null].filter(Boolean).join(', ');
  const lines = [
    `${report.dryRun ? 'dry run' : 'applied'}: ${report.files.join(', ')} (${report.detected.join('; ')})`,
    `rows read: ${c.rows}`,
    `organisations: ${c.organisationsCreated} new, ${c.organisationsUpdated} updated, ${c.organisationsUnchanged} unchanged, ${c.organisationsSkipped} left out`,
    `locations: ${c.locationsCreated} new, ${c.locationsUpdated} updated; services: ${c.servicesCreated} new, ${c.servicesUpdated} updated; schedules: ${c.schedulesWritten}`,
    `problems: ${c.errors} error(s), ${c.warnings} warning(s); duplicates: ${c.duplicates}; needs manual placing: ${c.needsPlacing}${report.dryRun ? '' : `; audit records: ${c.auditRecords}`}`,
  ];
  if (
    c.relationshipsCreated +
    c.relationshipsUpdated +
    c.membershipsCreated +
    c.membershipsUpdated +
    c.networksCreated +
    c.districtsCreated
  ) {
    lines.push(
      `extensions: relationships ${c.relationshipsCreated} new, ${c.relationshipsUpdated} updated; memberships ${c.membershipsCreated} new, ${c.membershipsUpdated} updated; networks ${c.networksCreated} new; districts ${c.districtsCreated} new`,
    );
  }
  const geocoded = report.geocoded ?? [];
  if (geocoded.length) lines.push('', `Geocoder (${c.geocoded} of ${geocoded.length} addresses placed):`);
  for (const g of geocoded.slice(0, 100)) {
    lines.push(
      g.status === 'FOUND'
        ? `  ${where(g)}: ${g.name} — coordinates from geocoder: ${g.displayName} (${g.latitude}, ${g.longitude}; ${g.attribution})`
        : `  ${where(g)}: ${g.name} — ${g.address}: ${g.message} [${g.status}]`,
    );
  }
  if (report.problems.length) lines.push('', 'Problems:');
  for (const p of report.problems.slice(0, 100)) {
    lines.push(`  ${p.severity.padEnd(7)} ${where(p)}: ${p.message}${p.value ? ` ("${p.value}")` : ''} [${p.code}]`);
  }
  if (report.duplicates.length) lines.push('', 'Duplicates:');
  for (const d of report.duplicates.slice(0, 100)) {
    const detail = d.existingId
      ? `like "${d.existingName}" (${d.existingId})${d.distanceMeters !== null && d.distanceMeters !== undefined ? `, ${d.distanceMeters} m away, similarity ${d.similarity}` : ''}`
      : `like row ${d.firstRow}`;
    lines.push(`  ${where(d)}: "${d.name}" ${d.reason} ${detail}${d.skipped ? ' — left out' : ''}`);
  }
  if (report.needsPlacing.length) lines.push('', 'Needs manual placing (no coordinates; nothing is guessed):');
  for (const p of report.needsPlacing.slice(0, 100)) {
    lines.push(`  ${where(p)}: ${p.name}${p.address ? ` — ${p.address}` : ''}${p.geocoder ? ` (geocoder: ${p.geocoder})` : ''}`);
  }
  if (report.truncated || report.problems.length > 100)
    lines.push('', '(lists shortened; the import job in the database holds up to 1000 entries each)');
  return lines;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(IMPORT_USAGE);
    return 0;
  }
  const args = parseImportArgs(argv);
  const files = readFiles(args.files);
  const config = loadConfig();
  const server = await startServer({ ...config, SEED_ON_EMPTY: false }, { listen: false, logger: ['error'] });
  try {
    let actor: ImportActor = { id: null, label: `Kommandozeile (npm run import, ${os.userInfo().username})` };
    if (args.actor) {
      const [user]: { id: string; email: string; display_name: string | null; role: string }[] = await server.app
        .get(DataSource)
        .query(`SELECT id, email, display_name, role FROM app_user WHERE email = lower($1) AND disabled_at IS NULL`, [args.actor]);
      if (!user || (user.role !== 'ADMIN' && user.role !== 'COORDINATOR'))
        throw new Error(`--actor ${args.actor}: no active coordinator or admin with that email`);
      actor = { id: user.id, label: `${user.display_name ? `${user.display_name} <${user.email}>` : user.email} (Kommandozeile)` };
    }
    const imports = server.app.get(ImportService);
    const options = { kind: FORMATS[args.format], publish: args.publish, skipDuplicates: args.skipDuplicates, geocode: args.geocode };
    let dryRunJobId: string | undefined;
    if (args.apply && args.geocode) {
      // The apply writes what a dry run looked up (it never asks the geocoder inside its transaction).
      const bar = progressBar();
      const dry = await imports.runNow(files, { ...options, dryRun: true }, actor, bar.update);
      bar.end();
      console.log(
        `dry run with geocoder lookups: import job ${dry.job.id}: ${dry.job.status}${dry.job.error ? ` — ${dry.job.error}` : ''}`,
      );
      if (dry.job.status !== 'DRY_RUN_DONE') return 1;
      dryRunJobId = dry.job.id;
    }
    const bar = progressBar();
    const { job, report } = await imports.runNow(files, { ...options, dryRun: !args.apply }, actor, bar.update, dryRunJobId);
    bar.end();
    if (report) for (const line of describeReport(report)) console.log(line);
    console.log(`\nimport job ${job.id}: ${job.status}${job.error ? ` — ${job.error}` : ''}`);
    if (job.status === 'FAILED') return 1;
    return report && !report.canApply ? 2 : 0;
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
