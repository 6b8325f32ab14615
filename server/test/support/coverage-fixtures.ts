import type { DataSource } from 'typeorm';
import { AreaKind } from '@partneratlas/shared';

/** Coverage fixtures are laid out in UTM 32N (EPSG:25832) metres, so expected distances are exact. */
export const X0 = 560_000;
export const Y0 = 5_710_000;

/** WGS84 of a UTM 32N position (PostGIS does the transformation, as the app does). */
export async function utmToLatLng(ds: DataSource, x: number, y: number): Promise<{ lat: number; lng: number }> {
  const [r] = await ds.query(
    `SELECT ST_Y(p) AS lat, ST_X(p) AS lng FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 25832), 4326) AS p) t`,
    [x, y],
  );
  return { lat: Number(r.lat), lng: Number(r.lng) };
}

/** A square area of `size` metres centred on (x, y) in UTM 32N, with an optional population row. */
export async function createSquareArea(
  ds: DataSource,
  spec: { name: string; x: number; y: number; size?: number; kind?: AreaKind; population?: number | null; code?: string },
): Promise<string> {
  const h = (spec.size ?? 200) / 2;
  const [{ id }] = await ds.query(
    `INSERT INTO area (kind, name, code, geom)
     VALUES ($1, $2, $3, ST_Multi(ST_Transform(ST_MakeEnvelope($4::float8, $5::float8, $6::float8, $7::float8, 25832), 4326)))
     RETURNING id`,
    [spec.kind ?? AreaKind.DISTRICT, spec.name, spec.code ?? `test-${spec.name}`, spec.x - h, spec.y - h, spec.x + h, spec.y + h],
  );
  if (spec.population !== undefined && spec.population !== null) {
    await ds.query(`INSERT INTO area_statistic (area_id, year, population) VALUES ($1, 2024, $2)`, [id, spec.population]);
  }
  return id;
}
