import { Controller, Get, Header } from '@nestjs/common';
import type { FeatureCollection, Point } from '@partneratlas/shared';
import { ExportService } from './export.service';

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

  @Get('hsds.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="partneratlas-hsds.json"')
  @Header('Access-Control-Allow-Origin', '*')
  hsds(): Promise<string> {
    return this.exports.hsdsJson();
  }
}
