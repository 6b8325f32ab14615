/**
 * Import benchmark (issue #7): 10,000 spreadsheet CSV rows (organisations with an address, coordinates for most,
 * a field of action and a language each) into a directory that already holds 2,000 organisations, as a dry run
 * and as an apply (one transaction, audit records included). Prints rows per second.
 * Runs on a separate PostgreSQL database (BENCH_DATABASE_URL, else partneratlas_bench_import on DATABASE_URL's server).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startServer } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { ImportService } from '../../server/src/modules/interop/import/import.service';
import { ImportKind } from '../../server/src/modules/interop/import/import.types';
import { benchDatabaseUrl, generateDirectory, loadTaxonomies, migrate, recreateDatabase } from './bench-db';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const EXISTING = 2000;
const FIELDS = ['Sprache', 'Beratung', 'Arbeit und Ausbildung', 'Frauen und Familie', 'Gesellschaftlicher Dialog und Partizipation'];
const KINDS = ['Beratungsstelle', 'Bildungsträger', 'Initiative', 'Migrantenselbstorganisation', 'Wohlfahrtsverband'];
const LANGS = ['ar', 'tr', 'fa', 'uk', 'ru'];

function csv(rows: number): string {
  const lines = ['Name;Art;Beschreibung;Website;E-Mail;Telefon;Sprachen;Handlungsfelder;Straße;PLZ;Ort;Breitengrad;Längengrad'];
  for (let i = 1; i <= rows; i++) {
    const x = Math.abs((Math.sin(i * 12.9898) * 43758.5453) % 1);
    const y = Math.abs((Math.sin(i * 78.233) * 12345.6789) % 1);
    const located = i % 10 !== 0;
    lines.push(
      [
        `Importverein ${i} Göttingen`,
        KINDS[i % KINDS.length],
        `"Angebote für Zugewanderte; Treffpunkt ""Nr. ${i}"""`,
        `https://verein-${i}.example.org`,
        `info@verein-${i}.example.org`,
        `0551 ${100000 + i}`,
        LANGS[i % LANGS.length],
        FIELDS[i % FIELDS.length],
        `Benchstraße ${i}`,
        '37073',
        'Göttingen',
        located ? (51.49 + y * 0.09).toFixed(6).replace('.', ',') : '',
        located ? (9.83 + x * 0.2).toFixed(6).replace('.', ',') : '',
      ].join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const url = new URL(benchDatabaseUrl());
  if (!process.env.BENCH_DATABASE_URL) url.pathname = '/partneratlas_bench_import';
  console.log(`[bench:import] database ${url.pathname.slice(1)}: ${EXISTING} existing organisations, ${ROWS} CSV rows`);
  await recreateDatabase(url.toString());
  await migrate(url.toString());
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await loadTaxonomies(c);
    await generateDirectory(c, EXISTING, 1);
  } finally {
    await c.end();
  }
  const bytes = Buffer.from(csv(ROWS), 'utf8');
  const server = await startServer(
    { ...loadConfig({ ...process.env, DATABASE_URL: url.toString(), SEED_ON_EMPTY: 'false', NODE_ENV: 'production' }) },
    { listen: false, logger: ['error'] },
  );
  try {
    const imports = server.app.get(ImportService);
    const actor = { id: null, label: 'bench' };
    const files = [{ name: 'bench.csv', bytes }];
    for (const dryRun of [true, false]) {
      const started = performance.now();
      const { job, report } = await imports.runNow(files, { kind: ImportKind.CSV, dryRun, publish: true, skipDuplicates: true }, actor);
      const seconds = (performance.now() - started) / 1000;
      if (!report || job.status === 'FAILED') throw new Error(`import failed: ${job.error}`);
      const c2 = report.counts;
      console.log(
        `[bench:import] ${dryRun ? 'dry run' : 'apply  '}: ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds)} rows/s ` +
          `(${c2.organisationsCreated} organisations, ${c2.locationsCreated} locations, ${c2.servicesCreated} services, ` +
          `${c2.errors} errors, ${c2.duplicates} duplicates, ${c2.needsPlacing} to place, ${c2.auditRecords} audit records)`,
      );
    }
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
