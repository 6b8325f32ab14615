import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { parseCsvRecords } from '../../database/seed/csv';

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
 */

export type ImportSrid = 4326 | 25832;

export interface AreaImportInput {
  /** Parsed GeoJSON FeatureCollection of district polygons. */
  districts?: unknown;
  /** CSV text of statistics. */
  statisticsCsv?: string;
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

const pick = (row: Record<string, string>, names: readonly string[]): string | undefined => {
  for (const n of names) if (n in row) return row[n].trim();
  return undefined;
};

/** An optional non-negative whole number; '' stays unknown (null). */
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

@Injectable()
export class AreaImportService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async import(input: AreaImportInput): Promise<AreaImportReport> {
    const report: AreaImportReport = {
      dryRun: input.dryRun ?? false,
      committed: false,
      srid: input.srid ?? 4326,
      districtsUpdated: [],
      statistics: { inserted: 0, updated: 0 },
      unknownCodes: [],
      warnings: [],
      errors: [],
    };
    const features = input.districts === undefined ? [] : await this.checkFeatures(input, report);
    if (report.errors.length) return report;

    const runner = this.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const m = runner.manager;
      await this.writeDistricts(m, features, input.source ?? null, report);
      if (input.statisticsCsv !== undefined) await this.writeStatistics(m, input.statisticsCsv, input.source ?? null, report);
      if (report.errors.length || report.dryRun) {
        await runner.rollbackTransaction();
      } else {
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
      const [area]: { id: string }[] = await m.query(`SELECT id FROM area WHERE code = $1`, [code]);
      if (!area) {
        if (!report.unknownCodes.includes(code)) report.unknownCodes.push(code);
        report.warnings.push({ item, message: `area code "${code}" matches nothing: skipped` });
        continue;
      }
      const [r]: { inserted: boolean }[] = await m.query(
        `INSERT INTO area_statistic (area_id, year, reference_date, population, foreign_nationals, migration_background, definition, source)
         VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8)
         ON CONFLICT (area_id, year) DO UPDATE SET reference_date = EXCLUDED.reference_date, population = EXCLUDED.population,
           foreign_nationals = EXCLUDED.foreign_nationals, migration_background = EXCLUDED.migration_background,
           definition = coalesce(EXCLUDED.definition, area_statistic.definition), source = coalesce(EXCLUDED.source, area_statistic.source)
         RETURNING (xmax = 0) AS inserted`,
        [
          area.id,
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
}

/** One line per fact, for the CLI. */
export function describeImport(r: AreaImportReport): string[] {
  const lines = [
    `${r.dryRun ? 'dry run (nothing written)' : r.committed ? 'imported' : 'NOT imported (nothing written)'}; coordinates EPSG:${r.srid}`,
    `district polygons: ${r.districtsUpdated.length} (${r.districtsUpdated.map((d) => `${d.name}${d.matchedBy === 'name' ? ' by name' : ''}${d.repaired ? ', repaired' : ''}`).join('; ') || 'none'})`,
    `statistics rows: ${r.statistics.inserted} new, ${r.statistics.updated} updated`,
  ];
  if (r.unknownCodes.length) lines.push(`codes that match nothing (skipped): ${r.unknownCodes.join(', ')}`);
  for (const w of r.warnings) lines.push(`warning: ${w.item}: ${w.message}`);
  for (const e of r.errors) lines.push(`error: ${e.item}: ${e.message}`);
  return lines;
}
