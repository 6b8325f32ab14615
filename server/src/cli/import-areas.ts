import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded/embedded-database';
import { AreaImportService, describeImport, type ImportSrid } from '../modules/areas/area-import.service';

export const IMPORT_AREAS_USAGE = `Import official district polygons and area statistics (all or nothing).

  npm run import:areas -w server -- [options]

  --districts FILE.geojson   FeatureCollection of (Multi)Polygons; property "code" (or --code-property) matches
                             the district code, else "name" (or --name-property) the district name
  --srid 4326|25832          coordinates of the GeoJSON when it has no "crs" member (default 4326; 25832 is reprojected)
  --statistics FILE.csv      columns area_code, year, population, foreign_nationals, migration_background
                             [, reference_date, source, definition]; empty cells stay unknown
  --groups FILE.csv          persons per group: area_code, year, group_kind (language|nationality), group_code,
                             group_label, language (ISO 639-1, required for nationality groups), persons [, source]
  --source TEXT              source note stored with the rows
  --dry-run                  report what would change, write nothing
Connects like the app: DATABASE_URL, else the embedded database in DATA_DIR (stop the server first).`;

export interface ImportAreasArgs {
  districts?: string;
  statistics?: string;
  groups?: string;
  srid?: ImportSrid;
  source?: string;
  codeProperty?: string;
  nameProperty?: string;
  dryRun: boolean;
  help: boolean;
}

export function parseImportAreasArgs(argv: readonly string[]): ImportAreasArgs {
  const args: ImportAreasArgs = { dryRun: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--districts') args.districts = value();
    else if (a === '--statistics') args.statistics = value();
    else if (a === '--groups') args.groups = value();
    else if (a === '--source') args.source = value();
    else if (a === '--code-property') args.codeProperty = value();
    else if (a === '--name-property') args.nameProperty = value();
    else if (a === '--srid') {
      const v = Number(value());
      if (v !== 4326 && v !== 25832) throw new Error('--srid must be 4326 or 25832');
      args.srid = v;
    } else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!args.help && !args.districts && !args.statistics && !args.groups) throw new Error('give --districts, --statistics and/or --groups');
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseImportAreasArgs(argv);
  if (args.help) {
    console.log(IMPORT_AREAS_USAGE);
    return 0;
  }
  const districts = args.districts ? (JSON.parse(fs.readFileSync(args.districts, 'utf8')) as unknown) : undefined;
  const statisticsCsv = args.statistics ? fs.readFileSync(args.statistics, 'utf8') : undefined;
  const groupStatisticsCsv = args.groups ? fs.readFileSync(args.groups, 'utf8') : undefined;
  const fileNames = [args.districts, args.statistics, args.groups].filter((f): f is string => !!f).map((f) => path.basename(f));
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let ds: DataSource | null = null;
  try {
    let url = config.DATABASE_URL;
    if (!url) {
      embedded = await EmbeddedDatabase.start({ dataDir: config.DATA_DIR });
      url = embedded.url;
    }
    ds = createDataSource({ url, poolSize: 1, applicationName: 'partneratlas-import-areas' });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const report = await new AreaImportService(ds).import({ ...args, districts, statisticsCsv, groupStatisticsCsv, fileNames });
    for (const line of describeImport(report)) console.log(line);
    return report.errors.length ? 1 : 0;
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (embedded) await embedded.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
      console.error(IMPORT_AREAS_USAGE);
      process.exit(1);
    },
  );
}
