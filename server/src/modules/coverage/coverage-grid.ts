/**
 * The hexagonal analysis grid: ST_HexagonGrid in UTM 32N over every CITY area with a boundary, each cell
 * clipped (ST_Intersection) to the real boundary and stored as an `area` of kind GRID_CELL whose parent is
 * the city. Cells carry no population: only imported per-cell figures (area_statistic) ever give them one.
 *
 * Cells are named by place (see nameGridCells): "Rasterzelle 12 in Weende" / "Rasterzelle 12 bei Weende".
 *
 * Idempotent: cells are keyed by code (city code, edge length, hexagon column/row); cells cut from an
 * older boundary are replaced, unchanged ones are left alone. Used by the seed and, lazily, by the
 * coverage service on databases seeded before the grid existed.
 */

/** ST_HexagonGrid's size parameter is the edge length (= circumradius) of the hexagon, in metres. */
export const GRID_EDGE_METERS = 250;
export const GRID_SOURCE = `ST_HexagonGrid(${GRID_EDGE_METERS} m edge, EPSG:25832) clipped to the city boundary`;

export interface GridSummary {
  inserted: number;
  removed: number;
  cells: number;
}

import { nameGridCells } from '../areas/grid-cell-names';

interface Runner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const rows = <T>(result: unknown): T[] => {
  // TypeORM returns rows for SELECT/RETURNING; some drivers wrap them as [rows, count]
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
};

/** Creates the grid cells that are missing and drops those of a changed boundary. Returns the counts. */
export async function ensureCoverageGrid(db: Runner, edgeMeters: number = GRID_EDGE_METERS): Promise<GridSummary> {
  // cells of a boundary that has since changed (hash stored per cell) or of another edge length
  const removed = rows<{ id: string }>(
    await db.query(
      `DELETE FROM area g USING area c
        WHERE g.kind = 'GRID_CELL' AND g.parent_id = c.id AND c.kind = 'CITY'
          AND (c.geom IS NULL OR g.properties->>'boundaryHash' IS DISTINCT FROM md5(ST_AsEWKB(c.geom)::text)
               OR (g.properties->>'edgeMeters')::int IS DISTINCT FROM $1::int)
        RETURNING g.id`,
      [edgeMeters],
    ),
  );
  const inserted = rows<{ id: string }>(
    await db.query(
      `WITH city AS (
         SELECT c.id, c.code, ST_Transform(c.geom, 25832) AS utm, md5(ST_AsEWKB(c.geom)::text) AS hash
           FROM area c
          WHERE c.kind = 'CITY' AND c.geom IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM area g WHERE g.kind = 'GRID_CELL' AND g.parent_id = c.id)
       ), cells AS (
         SELECT city.id AS city_id, city.code AS city_code, city.hash, h.i, h.j,
                ST_CollectionExtract(ST_Intersection(h.geom, city.utm), 3) AS utm
           FROM city CROSS JOIN LATERAL ST_HexagonGrid($1::float8, city.utm) AS h
          WHERE ST_Intersects(h.geom, city.utm)
       ), wgs AS (
         SELECT cells.*, ST_Transform(cells.utm, 4326) AS g FROM cells WHERE NOT ST_IsEmpty(cells.utm) AND ST_Area(cells.utm) >= 1
       )
       INSERT INTO area (kind, name, code, geom, parent_id, properties, source)
       SELECT 'GRID_CELL', 'Rasterzelle ' || w.i || '/' || w.j,
              'grid:' || w.city_code || ':h' || $1::int || ':' || w.i || ':' || w.j,
              ST_Multi(CASE WHEN ST_IsValid(w.g) THEN w.g ELSE ST_CollectionExtract(ST_MakeValid(w.g), 3) END),
              w.city_id,
              jsonb_build_object('edgeMeters', $1::int, 'column', w.i, 'row', w.j, 'areaM2', round(ST_Area(w.utm)::numeric, 1),
                                 'clipped', ST_Area(w.utm) < 1.5 * sqrt(3) * $1::float8 * $1::float8 - 1, 'boundaryHash', w.hash),
              '${GRID_SOURCE}'
         FROM wgs w
       ON CONFLICT (code) DO NOTHING
       RETURNING id`,
      [edgeMeters],
    ),
  );
  const [{ unnamed }] = rows<{ unnamed: boolean }>(
    await db.query(`SELECT EXISTS (SELECT 1 FROM area WHERE kind = 'GRID_CELL' AND NOT (properties ? 'number')) AS unnamed`),
  );
  if (inserted.length || removed.length || unnamed) await nameGridCells(db);
  const [{ cells }] = rows<{ cells: number }>(await db.query(`SELECT count(*)::int AS cells FROM area WHERE kind = 'GRID_CELL'`));
  return { inserted: inserted.length, removed: removed.length, cells };
}
