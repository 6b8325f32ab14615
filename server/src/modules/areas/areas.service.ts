import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaKind } from '@partneratlas/shared';
import type { Geometry } from '@partneratlas/shared';
import { Area, AreaStatistic } from './dto/area.model';

const AREA_COLUMNS = `a.id, a.kind, a.name, a.code, a.parent_id AS "parentId", ST_AsGeoJSON(a.point)::json AS point,
  a.properties, a.source, a.attribution`;

@Injectable()
export class AreasService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(kind?: AreaKind): Promise<Area[]> {
    return kind
      ? this.ds.query(`SELECT ${AREA_COLUMNS} FROM area a WHERE a.kind = $1 ORDER BY a.name`, [kind])
      : this.ds.query(`SELECT ${AREA_COLUMNS} FROM area a ORDER BY a.kind, a.name`);
  }

  byIds(ids: string[]): Promise<Area[]> {
    return this.ds.query(`SELECT ${AREA_COLUMNS} FROM area a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  /** Geometries are heavy: loaded only when asked for. */
  geometriesByIds(ids: string[]): Promise<{ id: string; geometry: Geometry | null }[]> {
    return this.ds.query(`SELECT a.id, ST_AsGeoJSON(a.geom, 6)::json AS geometry FROM area a WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  statisticsByAreaIds(ids: string[]): Promise<(AreaStatistic & { areaId: string })[]> {
    return this.ds.query(
      `SELECT s.area_id AS "areaId", s.year, to_char(s.reference_date, 'YYYY-MM-DD') AS "referenceDate", s.population,
              s.foreign_nationals AS "foreignNationals", s.migration_background AS "migrationBackground", s.definition, s.source
         FROM area_statistic s WHERE s.area_id = ANY($1::uuid[]) ORDER BY s.year DESC`,
      [ids],
    );
  }
}
