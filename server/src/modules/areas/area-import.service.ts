import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isIso6391, UserRole } from '@partneratlas/shared';
import { requireRole } from '../../common/authz';
import { BadUserInputException } from '../../common/exceptions/domain.exception';
import type { Viewer } from '../../common/viewer';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { parseCsvRecords } from '../../database/seed/csv';
import { AreaGroupKind } from './area-group-statistic.entity';
import { nameGridCells } from './grid-cell-names';

/**
 * Import of official areas: district polygons as a GeoJSON FeatureCollection (EPSG:4326, or EPSG:25832
 * reprojected) and yearly statistics as CSV (area code, year, population, foreign nationals, migration
 * background). Admin only once accounts exist; the CLI (`npm run import:areas -w server`) uses it now.
 *
 * - Every feature is checked by PostGIS: a non-polygon or unreadable geometry rejects the import naming the
 *   feature; an invalid (e.g. self-intersecting) polygon is repaired with ST_MakeValid and reported as a warning.
 * - Features and statistics rows are matched to existing areas by code (features also by district name);
 *   codes that match nothing are reported and skipped.
 * - All or nothing: one transaction; any error rolls everything back. A dry run does the same work and
 *   always rolls back, so it reports exactly what an import would do without writing.
 * - Figures that are empty in the CSV stay unknown (NULL); nothing is estimated or spread over other areas.
 * - Optional group statistics (persons per language or nationality group, with the group's language as the file
 *   states it — never derived here) feed the language gap by groups of the coverage analysis.
 * - An applied import writes one `area_import_record` (who, when, which files, what) in the same transaction,
 *   and renames the grid cells after the new district polygons.
 * - Through the API only administrators import (`importAreas`), with the size limit of IMPORT_MAX_MB.
 */

export type ImportSrid = 4326 | 25832;

export interface AreaImportInput {
  /** Parsed GeoJSON FeatureCollection of district polygons. */
  districts?: unknown;
  /** CSV text of statistics. */
  statisticsCsv?: string;
  /** CSV text of group statistics (persons per language or nationality group). */
  groupStatisticsCsv?: string;
  /** Who imports (recorded with an applied import); the command line when absent. */
  actor?: { id: string | null; label: string };
  /** File names as given (recorded with an applied import). */
  fileNames?: string[];
  /** Coordinate system of the GeoJSON when it carries no `crs` member (default 4326). */
  srid?: ImportSrid;
  dryRun?: boolean;
  /** Feature property holding the area code (default "code"), and the name (default "name"). */
  codeProperty?: string;
  nameProperty?: string;
  /** Source note written to the areas and statistics rows. */
  source?: string;
}

export interface ImportMessage {
  /** "feature 3 (code …)" or "statistics line 5". */
  item: string;
  message: string;
}

export interface AreaImportReport {
  dryRun: boolean;
  /** True when the changes were written (false for dry runs and failed imports). */
  committed: boolean;
  srid: ImportSrid;
  districtsUpdated: { code: string; name: string; matchedBy: 'code' | 'name'; repaired: boolean }[];
  statistics: { inserted: number; updated: number };
  groupStatistics: { inserted: number; updated: number };
  unknownCodes: string[];
  warnings: ImportMessage[];
  errors: ImportMessage[];
}

interface CheckedFeature {
  item: string;
  code: string | null;
  name: string | null;
  geojson: string;
  repaired: boolean;
}

const STAT_COLUMNS = {
  code: ['area_code', 'code', 'areaCode'],
  year: ['year', 'jahr'],
  population: ['population', 'einwohner'],
  foreignNationals: ['foreign_nationals', 'foreignNationals', 'auslaender'],
  migrationBackground: ['migration_background', 'migrationBackground', 'migrationshintergrund'],
  referenceDate: ['reference_date', 'referenceDate', 'stichtag'],
  source: ['source', 'quelle'],
  definition: ['definition'],
} as const;

const GROUP_COLUMNS = {
  code: ['area_code', 'code', 'areaCode'],
  year: ['year', 'jahr'],
  kind: ['group_kind', 'groupKind'],
  groupCode: ['group_code', 'groupCode'],
  label: ['group_label', 'groupLabel'],
  language: ['language', 'sprache'],
  persons: ['persons', 'personen'],
  source: ['source', 'quelle'],
} as const;

const pick = (row: Record<string, string>, names: readonly string[]): string | undefined => {
  for (const n of names) if (n in row) return row[n].trim();
  return undefined;
};

/** An optional non-negative whole number; '' stays unknown (null). */
/** The id of the area a statistics row names by code; null (code listed as unknown, row skipped) when none has it. */
async function areaIdOfRow(m: EntityManager, code: string, item: string, report: AreaImportReport): Promise<string | null> {
  const [area]: { id: string }[] = await m.query(`SELECT id FROM area WHERE code = $1`, [code]);
  if (area) return area.id;
  if (!report.unknownCodes.includes(code)) report.unknownCodes.push(code);
  report.warnings.push({ item, message: `area code "${code}" matches nothing: skipped` });
  return null;
}

function count(value: string | undefined, column: string, item: string, errors: ImportMessage[]): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value.replace(/[ .](?=\d{3}\b)/g, ''));
  if (!Number.isInteger(n) || n < 0) {
    errors.push({ item, message: `${column} must be a whole number ≥ 0, got "${value}"` });
    return null;
  }
  return n;
}

/** The CRS of a GeoJSON object from its (legacy) `crs` member, or null when it has none. */
export function sridOfCrs(crs: unknown): ImportSrid | 'unsupported' | null {
  if (!crs || typeof crs !== 'object') return null;
  const name = String((crs as { properties?: { name?: unknown } }).properties?.name ?? '');
  if (/EPSG::?25832\b/i.test(name)) return 25832;
  if (/EPSG::?4326\b|CRS84/i.test(name)) return 4326;
  return 'unsupported';
}

/** What the API receives: the files as text (GeoJSON and CSV are text formats; CSV in UTF-8). */
export interface AreaImportUpload {
  districtsGeoJson?: string | null;
  districtsFileName?: string | null;
  srid?: ImportSrid | null;
  statisticsCsv?: string | null;
  statisticsFileName?: string | null;
  groupStatisticsCsv?: string | null;
  groupStatisticsFileName?: string | null;
  dryRun: boolean;
}

@Injectable()
export class AreaImportService {
  private readonly log = new Logger('AreaImport');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  /** The API: administrators only; the files together at most IMPORT_MAX_MB. */
  async importUpload(viewer: Viewer, upload: AreaImportUpload): Promise<AreaImportReport> {
    const user = requireRole(viewer, UserRole.ADMIN);
    const texts = [upload.districtsGeoJson, upload.statisticsCsv, upload.groupStatisticsCsv].filter(
      (x): x is string => x !== undefined && x !== null && x !== '',
    );
    if (!texts.length)
      throw new BadUserInputException('Give district polygons (GeoJSON), statistics (CSV) or group statistics (CSV)', { field: 'input' });
    const maxMb = this.config?.IMPORT_MAX_MB ?? 20;
    const bytes = texts.reduce((n, x) => n + Buffer.byteLength(x, 'utf8'), 0);
    if (bytes > maxMb * 1024 * 1024) {
      throw new BadUserInputException(
        `The import is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${maxMb} MB. Split the files and import the parts one after the other.`,
        { field: 'input', limitBytes: maxMb * 1024 * 1024, bytes },
      );
    }
    let districts: unknown;
    if (upload.districtsGeoJson) {
      try {
        districts = JSON.parse(upload.districtsGeoJson) as unknown;
      } catch (error) {
        return this.failed(upload, {
          item: 'districts',
          message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    const named = (name: string | null | undefined, fallback: string, given: unknown) =>
      given ? [(name ?? '').trim().slice(0, 200) || fallback] : [];
    const report = await this.import({
      districts,
      srid: upload.srid ?? undefined,
      statisticsCsv: upload.statisticsCsv || undefined,
      groupStatisticsCsv: upload.groupStatisticsCsv || undefined,
      dryRun: upload.dryRun,
      actor: { id: user.id, label: user.displayName ? `${user.displayName} <${user.email}>` : user.email },
      fileNames: [
        ...named(upload.districtsFileName, 'districts.geojson', upload.districtsGeoJson),
        ...named(upload.statisticsFileName, 'statistics.csv', upload.statisticsCsv),
        ...named(upload.groupStatisticsFileName, 'groups.csv', upload.groupStatisticsCsv),
      ],
    });
    this.log.log(`${user.email}: ${describeImport(report)[0]}`);
    return report;
  }

  /** Applied imports, newest first (who imported what when). */
  async records(viewer: Viewer, first: number): Promise<AreaImportRecordRow[]> {
    requireRole(viewer, UserRole.ADMIN);
    return this.ds.query(
      `SELECT id, at, actor_label AS "actorLabel", file_names AS "fileNames", srid, summary
         FROM area_import_record ORDER BY at DESC, id LIMIT $1`,
      [first],
    );
  }

  private failed(upload: AreaImportUpload, error: ImportMessage): AreaImportReport {
    return {
      dryRun: upload.dryRun,
      committed: false,
      srid: upload.srid ?? 4326,
      districtsUpdated: [],
      statistics: { inserted: 0, updated: 0 },
      groupStatistics: { inserted: 0, updated: 0 },
      unknownCodes: [],
      warnings: [],
      errors: [error],
    };
  }

  private async record(m: EntityManager, input: AreaImportInput, report: AreaImportReport): Promise<void> {
    await m.query(`INSERT INTO area_import_record (actor_id, actor_label, file_names, srid, summary) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
      input.actor?.id ?? null,
      input.actor?.label ?? 'command line',
      input.fileNames ?? [],
      report.srid,
      JSON.stringify({
        districts: report.districtsUpdated.map((d) => d.code),
        statistics: report.statistics,
        groupStatistics: report.groupStatistics,
        unknownCodes: report.unknownCodes,
        warnings: report.warnings.length,
        source: input.source ?? null,
      }),
    ]);
  }

  async import(input: AreaImportInput): Promise<AreaImportReport> {
    const report: AreaImportReport = {
      dryRun: input.dryRun ?? false,
      committed: false,
      srid: input.srid ?? 4326,
      districtsUpdated: [],
      statistics: { inserted: 0, updated: 0 },
      groupStatistics: { inserted: 0, updated: 0 },
      unknownCodes: [],
      warnings: [],
      errors: [],
    };
    // features with errors are left out; the rest is still matched and written so that the report is complete,
    // and then rolled back because of the errors (all or nothing)
    const features = input.districts === undefined ? [] : await this.checkFeatures(input, report);

    const runner = this.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const m = runner.manager;
      await this.writeDistricts(m, features, input.source ?? null, report);
      if (input.statisticsCsv !== undefined) await this.writeStatistics(m, input.statisticsCsv, input.source ?? null, report);
      if (input.groupStatisticsCsv !== undefined)
        await this.writeGroupStatistics(m, input.groupStatisticsCsv, input.source ?? null, report);
      if (report.errors.length || report.dryRun) {
        await runner.rollbackTransaction();
      } else {
        if (report.districtsUpdated.length) await nameGridCells(m);
        await this.record(m, input, report);
        await runner.commitTransaction();
        report.committed = true;
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      report.errors.push({ item: 'import', message: error instanceof Error ? error.message : String(error) });
    } finally {
      await runner.release();
    }
    return report;
  }

  /** Reads and checks every feature (each with its own statements, so one bad geometry cannot abort the others). */
  private async checkFeatures(input: AreaImportInput, report: AreaImportReport): Promise<CheckedFeature[]> {
    const fc = input.districts as { type?: unknown; features?: unknown; crs?: unknown };
    if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      report.errors.push({ item: 'districts', message: 'expected a GeoJSON FeatureCollection' });
      return [];
    }
    const fromCrs = sridOfCrs(fc.crs);
    if (fromCrs === 'unsupported') {
      report.errors.push({ item: 'districts', message: 'unsupported crs: only EPSG:4326 (CRS84) and EPSG:25832 are accepted' });
      return [];
    }
    const srid = fromCrs ?? input.srid ?? 4326;
    report.srid = srid;
    const codeProp = input.codeProperty ?? 'code';
    const nameProp = input.nameProperty ?? 'name';
    const seen = new Set<string>();
    const out: CheckedFeature[] = [];
    for (const [index, feature] of (fc.features as unknown[]).entries()) {
      const f = feature as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown } | null };
      const props = f?.properties ?? {};
      const code = props[codeProp] === undefined || props[codeProp] === null ? null : String(props[codeProp]).trim();
      const name = props[nameProp] === undefined || props[nameProp] === null ? null : String(props[nameProp]).trim();
      const item = `feature ${index + 1}${code ? ` (code ${code})` : name ? ` (${name})` : ''}`;
      if (!code && !name) {
        report.errors.push({ item, message: `has neither a "${codeProp}" nor a "${nameProp}" property` });
        continue;
      }
      const key = code ?? `name:${name}`;
      if (seen.has(key)) {
        report.errors.push({ item, message: 'appears more than once in the file' });
        continue;
      }
      seen.add(key);
      const type = f?.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        report.errors.push({
          item,
          message: `geometry must be a Polygon or MultiPolygon, got ${type === undefined ? 'none' : String(type)}`,
        });
        continue;
      }
      try {
        const [r]: { valid: boolean; reason: string; empty: boolean; geojson: string; plausible: boolean; inCity: boolean | null }[] =
          await this.ds.query(
            `WITH raw AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), $2::int) AS g),
                  chk AS (SELECT g, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason FROM raw),
                  fix AS (SELECT chk.*, CASE WHEN valid THEN g ELSE ST_CollectionExtract(ST_MakeValid(g), 3) END AS f FROM chk),
                  wgs AS (SELECT fix.*, ST_Multi(ST_Transform(f, 4326)) AS w FROM fix)
             SELECT valid, reason, ST_IsEmpty(f) AS empty, ST_AsGeoJSON(w, 9) AS geojson,
                    ST_XMin(w) >= -180 AND ST_XMax(w) <= 180 AND ST_YMin(w) >= -90 AND ST_YMax(w) <= 90 AS plausible,
                    (SELECT ST_Intersects(c.geom, w) FROM area c WHERE c.kind = 'CITY' AND c.geom IS NOT NULL LIMIT 1) AS "inCity"
               FROM wgs`,
            [JSON.stringify(f.geometry), srid],
          );
        if (r.empty) {
          report.errors.push({ item, message: `invalid geometry (${r.reason}) that cannot be repaired into a polygon` });
          continue;
        }
        if (!r.plausible) {
          report.errors.push({
            item,
            message: `coordinates are not EPSG:${srid}${srid === 4326 ? ' (projected data? use --srid 25832)' : ''}`,
          });
          continue;
        }
        if (!r.valid) report.warnings.push({ item, message: `invalid geometry (${r.reason}) repaired with ST_MakeValid` });
        if (r.inCity === false) report.warnings.push({ item, message: 'lies entirely outside the city boundary' });
        out.push({ item, code, name, geojson: r.geojson, repaired: !r.valid });
      } catch (error) {
        report.errors.push({ item, message: `unreadable geometry: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return out;
  }

  private async writeDistricts(
    m: EntityManager,
    features: CheckedFeature[],
    source: string | null,
    report: AreaImportReport,
  ): Promise<void> {
    for (const f of features) {
      const matches: { id: string; code: string; name: string; by: 'code' | 'name' }[] = await m.query(
        `SELECT id, code, name, 'code' AS by FROM area WHERE kind = 'DISTRICT' AND code = $1
         UNION ALL
         SELECT id, code, name, 'name' FROM area
          WHERE kind = 'DISTRICT' AND $1::text IS DISTINCT FROM code AND pa_fold(name) = pa_fold($2::text)
            AND NOT EXISTS (SELECT 1 FROM area WHERE kind = 'DISTRICT' AND code = $1)`,
        [f.code, f.name ?? ''],
      );
      if (matches.length === 0) {
        report.unknownCodes.push(f.code ?? f.name ?? f.item);
        report.warnings.push({ item: f.item, message: 'matches no district by code or name: skipped' });
        continue;
      }
      if (matches.length > 1) {
        report.errors.push({ item: f.item, message: `matches ${matches.length} districts by name; give the code` });
        continue;
      }
      const [a] = matches;
      await m.query(
        `UPDATE area SET geom = ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326), source = coalesce($3, source),
                updated_at = now(), version = version + 1
          WHERE id = $1`,
        [a.id, f.geojson, source],
      );
      report.districtsUpdated.push({ code: a.code, name: a.name, matchedBy: a.by, repaired: f.repaired });
    }
  }

  private async writeStatistics(m: EntityManager, csv: string, source: string | null, report: AreaImportReport): Promise<void> {
    let records: Record<string, string>[];
    try {
      records = parseCsvRecords(csv);
    } catch (error) {
      report.errors.push({ item: 'statistics', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (records.length && pick(records[0], STAT_COLUMNS.code) === undefined) {
      report.errors.push({ item: 'statistics', message: `needs a column ${STAT_COLUMNS.code.join(' or ')}` });
      return;
    }
    const seen = new Set<string>();
    for (const [index, row] of records.entries()) {
      const item = `statistics line ${index + 2}`;
      const code = pick(row, STAT_COLUMNS.code) ?? '';
      const yearText = pick(row, STAT_COLUMNS.year) ?? '';
      const year = Number(yearText);
      if (!Number.isInteger(year) || year < 1800 || year > 2200) {
        report.errors.push({ item, message: `year must be a year such as 2024, got "${yearText}"` });
        continue;
      }
      if (seen.has(`${code}|${year}`)) {
        report.errors.push({ item, message: `${code} ${year} appears more than once` });
        continue;
      }
      seen.add(`${code}|${year}`);
      const errorsBefore = report.errors.length;
      const population = count(pick(row, STAT_COLUMNS.population), 'population', item, report.errors);
      const foreign = count(pick(row, STAT_COLUMNS.foreignNationals), 'foreign_nationals', item, report.errors);
      const migration = count(pick(row, STAT_COLUMNS.migrationBackground), 'migration_background', item, report.errors);
      const refDate = pick(row, STAT_COLUMNS.referenceDate) || null;
      if (refDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(refDate))
        report.errors.push({ item, message: `reference_date must be YYYY-MM-DD` });
      if (report.errors.length > errorsBefore) continue;
      if (population !== null && foreign !== null && foreign > population)
        report.warnings.push({ item, message: `foreign_nationals (${foreign}) exceed population (${population})` });
      const areaId = await areaIdOfRow(m, code, item, report);
      if (!areaId) continue;
      const [r]: { inserted: boolean }[] = await m.query(
        `INSERT INTO area_statistic (area_id, year, reference_date, population, foreign_nationals, migration_background, definition, source)
         VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8)
         ON CONFLICT (area_id, year) DO UPDATE SET reference_date = EXCLUDED.reference_date, population = EXCLUDED.population,
           foreign_nationals = EXCLUDED.foreign_nationals, migration_background = EXCLUDED.migration_background,
           definition = coalesce(EXCLUDED.definition, area_statistic.definition), source = coalesce(EXCLUDED.source, area_statistic.source)
         RETURNING (xmax = 0) AS inserted`,
        [
          areaId,
          year,
          refDate,
          population,
          foreign,
          migration,
          pick(row, STAT_COLUMNS.definition) || null,
          pick(row, STAT_COLUMNS.source) || source,
        ],
      );
      if (r.inserted) report.statistics.inserted += 1;
      else report.statistics.updated += 1;
    }
  }

  /**
   * Persons per group: one row per area, year and group (language or nationality). The group's language comes
   * from the file (for a language group it is the group code); nothing is inferred from a nationality.
   */
  private async writeGroupStatistics(m: EntityManager, csv: string, source: string | null, report: AreaImportReport): Promise<void> {
    let records: Record<string, string>[];
    try {
      records = parseCsvRecords(csv);
    } catch (error) {
      report.errors.push({ item: 'group statistics', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const first = records[0];
    if (first) {
      const missing = (['code', 'year', 'kind', 'groupCode', 'persons'] as const).filter(
        (c) => pick(first, GROUP_COLUMNS[c]) === undefined,
      );
      if (missing.length) {
        report.errors.push({
          item: 'group statistics',
          message: `needs the columns area_code, year, group_kind, group_code, group_label, language, persons (missing: ${missing
            .map((c) => GROUP_COLUMNS[c][0])
            .join(', ')})`,
        });
        return;
      }
    }
    const seen = new Set<string>();
    for (const [index, row] of records.entries()) {
      const item = `group statistics line ${index + 2}`;
      const code = pick(row, GROUP_COLUMNS.code) ?? '';
      const yearText = pick(row, GROUP_COLUMNS.year) ?? '';
      const year = Number(yearText);
      const kindText = (pick(row, GROUP_COLUMNS.kind) ?? '').toLowerCase();
      const groupCode = pick(row, GROUP_COLUMNS.groupCode) ?? '';
      const label = pick(row, GROUP_COLUMNS.label) || groupCode;
      let language = (pick(row, GROUP_COLUMNS.language) ?? '').toLowerCase();
      const errorsBefore = report.errors.length;
      if (!Number.isInteger(year) || year < 1800 || year > 2200)
        report.errors.push({ item, message: `year must be a year such as 2024, got "${yearText}"` });
      const kind = kindText === 'language' ? AreaGroupKind.LANGUAGE : kindText === 'nationality' ? AreaGroupKind.NATIONALITY : null;
      if (!kind) report.errors.push({ item, message: `group_kind must be "language" or "nationality", got "${kindText}"` });
      if (!groupCode) report.errors.push({ item, message: 'group_code is empty' });
      if (kind === AreaGroupKind.LANGUAGE) {
        const own = groupCode.toLowerCase();
        if (!language) language = own;
        if (!isIso6391(own))
          report.errors.push({ item, message: `a language group's group_code must be ISO 639-1 (e.g. "ar"), got "${groupCode}"` });
        else if (language !== own)
          report.errors.push({ item, message: `language "${language}" differs from the language group's code "${own}"` });
      } else if (kind === AreaGroupKind.NATIONALITY) {
        if (!language)
          report.errors.push({ item, message: 'a nationality group needs its language (ISO 639-1) from the data; it is not derived' });
        else if (!isIso6391(language)) report.errors.push({ item, message: `language must be ISO 639-1 (e.g. "ar"), got "${language}"` });
      }
      const persons = count(pick(row, GROUP_COLUMNS.persons), 'persons', item, report.errors);
      if (persons === null && report.errors.length === errorsBefore) report.errors.push({ item, message: 'persons is empty' });
      if (report.errors.length > errorsBefore || !kind || persons === null) continue;
      const key = `${code}|${year}|${kind}|${groupCode.toLowerCase()}`;
      if (seen.has(key)) {
        report.errors.push({ item, message: `${code} ${year} ${kindText} ${groupCode} appears more than once` });
        continue;
      }
      seen.add(key);
      const areaId = await areaIdOfRow(m, code, item, report);
      if (!areaId) continue;
      const [r]: { inserted: boolean }[] = await m.query(
        `INSERT INTO area_group_statistic (area_id, year, group_kind, group_code, group_label, language, persons, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (area_id, year, group_kind, group_code) DO UPDATE SET group_label = EXCLUDED.group_label,
           language = EXCLUDED.language, persons = EXCLUDED.persons, source = coalesce(EXCLUDED.source, area_group_statistic.source)
         RETURNING (xmax = 0) AS inserted`,
        [
          areaId,
          year,
          kind,
          kind === AreaGroupKind.LANGUAGE ? groupCode.toLowerCase() : groupCode,
          label,
          language,
          persons,
          pick(row, GROUP_COLUMNS.source) || source,
        ],
      );
      if (r.inserted) report.groupStatistics.inserted += 1;
      else report.groupStatistics.updated += 1;
    }
  }
}

export interface AreaImportRecordRow {
  id: string;
  at: Date;
  actorLabel: string;
  fileNames: string[];
  srid: number;
  summary: Record<string, unknown>;
}

/** One line per fact, for the CLI. */
export function describeImport(r: AreaImportReport): string[] {
  const lines = [
    `${r.dryRun ? 'dry run (nothing written)' : r.committed ? 'imported' : 'NOT imported (nothing written)'}; coordinates EPSG:${r.srid}`,
    `district polygons: ${r.districtsUpdated.length} (${r.districtsUpdated.map((d) => `${d.name}${d.matchedBy === 'name' ? ' by name' : ''}${d.repaired ? ', repaired' : ''}`).join('; ') || 'none'})`,
    `statistics rows: ${r.statistics.inserted} new, ${r.statistics.updated} updated`,
    `group statistics rows: ${r.groupStatistics.inserted} new, ${r.groupStatistics.updated} updated`,
  ];
  if (r.unknownCodes.length) lines.push(`codes that match nothing (skipped): ${r.unknownCodes.join(', ')}`);
  for (const w of r.warnings) lines.push(`warning: ${w.item}: ${w.message}`);
  for (const e of r.errors) lines.push(`error: ${e.item}: ${e.message}`);
  return lines;
}
