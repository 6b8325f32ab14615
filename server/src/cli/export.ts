import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServer } from '../bootstrap';
import { loadConfig } from '../config/config';
import { CoverageExportQuery, ExportService } from '../modules/interop/export.service';
import { parseCoverageQuery } from '../modules/interop/export.controller';

const FORMATS = ['hsds-json', 'hsds-package', 'csv', 'geojson', 'coverage-geojson'] as const;
type Format = (typeof FORMATS)[number];

export const EXPORT_USAGE = `Usage: npm run export -- --format ${FORMATS.join('|')} --out PATH
                         [--field CODE] [--unit GRID|DISTRICT] [--catchment METRES]

  hsds-json     Open Referral HSDS 3.1 nested JSON (an array of organizations) into the file PATH
  hsds-package  HSDS 3.1 tabular data package (datapackage.json + one CSV per table) into the folder PATH
  csv           organisationen.csv and angebote.csv (Excel: UTF-8 with BOM, ';') into the folder PATH
  geojson       GeoJSON FeatureCollection of all located places into the file PATH
  coverage-geojson
                the coverage analysis of one field of action (--field CODE, required) per unit (--unit GRID, the
                default, or DISTRICT; --catchment METRES as in the gap map) as GeoJSON polygons with their results
                into the file PATH (what /api/export/coverage.geojson serves)

Exports published entries only. Connects like the server: DATABASE_URL, else the embedded database in
DATA_DIR (stop a running server first: one data directory serves one process).`;

export interface ExportArgs {
  format: Format;
  out: string;
  /** coverage-geojson only. */
  coverage?: CoverageExportQuery;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let format: string | undefined;
  let out: string | undefined;
  const coverage: { fieldOfAction?: string; unit?: string; catchmentMeters?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--out') out = argv[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--field') coverage.fieldOfAction = argv[++i] ?? '';
    else if (a.startsWith('--field=')) coverage.fieldOfAction = a.slice(8);
    else if (a === '--unit') coverage.unit = (argv[++i] ?? '').toUpperCase();
    else if (a.startsWith('--unit=')) coverage.unit = a.slice(7).toUpperCase();
    else if (a === '--catchment') coverage.catchmentMeters = argv[++i] ?? '';
    else if (a.startsWith('--catchment=')) coverage.catchmentMeters = a.slice(12);
    else throw new Error(`unknown argument "${a}"\n\n${EXPORT_USAGE}`);
  }
  if (!format || !(FORMATS as readonly string[]).includes(format))
    throw new Error(`--format must be one of ${FORMATS.join(', ')}\n\n${EXPORT_USAGE}`);
  if (!out) throw new Error(`--out is missing\n\n${EXPORT_USAGE}`);
  const given = Object.keys(coverage).length > 0;
  if (given && format !== 'coverage-geojson')
    throw new Error(`--field, --unit and --catchment belong to --format coverage-geojson\n\n${EXPORT_USAGE}`);
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), out);
  if (format !== 'coverage-geojson') return { format: format as Format, out: resolved };
  if (!coverage.fieldOfAction) throw new Error(`--field is missing (a field-of-action code, e.g. sprache)\n\n${EXPORT_USAGE}`);
  // The same checks and messages as the download (field code given, unit GRID or DISTRICT, catchment in range).
  const query = parseCoverageQuery(coverage);
  return { format: 'coverage-geojson', out: resolved, coverage: query };
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(EXPORT_USAGE);
    return;
  }
  const { format, out, coverage } = parseExportArgs(argv);
  const config = loadConfig();
  const server = await startServer({ ...config, SEED_ON_EMPTY: false }, { listen: false, logger: ['error'] });
  try {
    const exports = server.app.get(ExportService);
    const started = Date.now();
    switch (format) {
      case 'hsds-json':
        fs.writeFileSync(out, await exports.hsdsJson());
        console.log(`wrote ${out}`);
        break;
      case 'hsds-package': {
        const { files, rows } = await exports.writeHsdsPackage(out);
        console.log(
          `wrote ${files.length} files into ${out}: ${Object.entries(rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
        break;
      }
      case 'csv':
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, 'organisationen.csv'), await exports.organisationsCsv());
        fs.writeFileSync(path.join(out, 'angebote.csv'), await exports.servicesCsv());
        console.log(`wrote organisationen.csv and angebote.csv into ${out}`);
        break;
      case 'geojson': {
        const fc = await exports.locationsGeoJson();
        fs.writeFileSync(out, JSON.stringify(fc) + '\n');
        console.log(`wrote ${fc.features.length} located places to ${out}`);
        break;
      }
      case 'coverage-geojson': {
        const fc = await exports.coverageGeoJson(coverage!);
        fs.writeFileSync(out, JSON.stringify(fc) + '\n');
        console.log(`wrote ${fc.features.length} ${coverage!.unit} units of "${coverage!.fieldOfAction}" to ${out}`);
        break;
      }
    }
    console.log(`export took ${Date.now() - started} ms`);
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
