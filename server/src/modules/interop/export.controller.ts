import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { FeatureCollection, Geometry, Point } from '@partneratlas/shared';
import { BadUserInputException } from '../../common/exceptions/domain.exception';
import { COVERAGE_LIMITS } from '../coverage/coverage.constants';
import { CoverageUnitKind } from '../coverage/dto/coverage.input';
import { CoverageExportQuery, CoverageFeatureProperties, ExportService } from './export.service';

type CoverageQuery = { fieldOfAction?: string | string[]; unit?: string | string[]; catchmentMeters?: string | string[] };

/** The coverage download's query, checked with messages a person can act on (400 BAD_USER_INPUT otherwise). */
export function parseCoverageQuery(q: CoverageQuery): CoverageExportQuery {
  const one = (name: keyof CoverageQuery): string | undefined => {
    const v = q[name];
    if (Array.isArray(v)) throw new BadUserInputException(`${name} must be given once`, { field: name });
    return v === undefined || v === '' ? undefined : v;
  };
  const fieldOfAction = one('fieldOfAction');
  if (!fieldOfAction) throw new BadUserInputException('fieldOfAction is missing (a field-of-action code)', { field: 'fieldOfAction' });
  if (fieldOfAction.length > 100)
    throw new BadUserInputException('fieldOfAction must be at most 100 characters', { field: 'fieldOfAction' });
  const unitRaw = one('unit') ?? CoverageUnitKind.GRID;
  const units = Object.values(CoverageUnitKind) as string[];
  if (!units.includes(unitRaw)) throw new BadUserInputException(`unit must be one of ${units.join(', ')}`, { field: 'unit' });
  const rawMeters = one('catchmentMeters');
  let catchmentMeters: number | undefined;
  if (rawMeters !== undefined) {
    const n = Number(rawMeters);
    const { catchmentMin: min, catchmentMax: max } = COVERAGE_LIMITS;
    if (!/^\d+$/.test(rawMeters) || n < min || n > max)
      throw new BadUserInputException(`catchmentMeters must be a whole number of metres from ${min} to ${max}`, {
        field: 'catchmentMeters',
      });
    catchmentMeters = n;
  }
  return { fieldOfAction, unit: unitRaw as CoverageUnitKind, catchmentMeters };
}

/** Downloads for people (published entries only): CSV for spreadsheets, GeoJSON for GIS, HSDS JSON. */
@Controller('api/export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get('organisations.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="partneratlas-organisationen.csv"')
  organisationsCsv(): Promise<string> {
    return this.exports.organisationsCsv();
  }

  @Get('services.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="partneratlas-angebote.csv"')
  servicesCsv(): Promise<string> {
    return this.exports.servicesCsv();
  }

  @Get('locations.geojson')
  @Header('Content-Type', 'application/geo+json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="partneratlas-orte.geojson"')
  locations(): Promise<FeatureCollection<Point>> {
    return this.exports.locationsGeoJson();
  }

  /** The coverage analysis units (polygons) of one field of action with their results; unknown field codes answer 400. */
  @Get('coverage.geojson')
  @Header('Content-Type', 'application/geo+json; charset=utf-8')
  async coverage(
    @Query() q: CoverageQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FeatureCollection<Geometry, CoverageFeatureProperties>> {
    const query = parseCoverageQuery(q);
    const fc = await this.exports.coverageGeoJson(query);
    // the code is a known field-of-action code here ([a-z0-9-]); the name stays ASCII
    const file = `partneratlas-abdeckung-${query.fieldOfAction}-${query.unit.toLowerCase()}.geojson`.replace(/[^A-Za-z0-9._-]/g, '_');
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    return fc;
  }

  @Get('hsds.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="partneratlas-hsds.json"')
  @Header('Access-Control-Allow-Origin', '*')
  hsds(): Promise<string> {
    return this.exports.hsdsJson();
  }
}
