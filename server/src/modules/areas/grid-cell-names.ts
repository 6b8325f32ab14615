/**
 * Readable names for the coverage grid cells: "Rasterzelle 12 in Weende" when the cell's analysis centre lies in
 * an imported district polygon, else "Rasterzelle 12 bei Weende" after the nearest published district point (a
 * statement about distance, not about a boundary), else "Rasterzelle 12". The number is short and stable: given
 * once per cell (north to south, west to east, continuing after the highest number of the city), kept in
 * `properties.number`; ids and codes never change. Run after the grid is built and after district polygons or
 * points change.
 */

interface Runner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export type GridCellPlaceRelation = 'IN' | 'NEAR';

export async function nameGridCells(db: Runner): Promise<void> {
  // numbers for cells that have none yet, per city
  await db.query(
    `WITH unnumbered AS (
       SELECT g.id, g.parent_id,
              row_number() OVER (PARTITION BY g.parent_id
                                 ORDER BY (g.properties->>'row')::int DESC NULLS LAST, (g.properties->>'column')::int, g.code) AS n
         FROM area g
        WHERE g.kind = 'GRID_CELL' AND NOT (g.properties ? 'number')
     ), base AS (
       SELECT g.parent_id, max((g.properties->>'number')::int) AS top
         FROM area g WHERE g.kind = 'GRID_CELL' AND g.properties ? 'number' GROUP BY g.parent_id
     )
     UPDATE area a SET properties = a.properties || jsonb_build_object('number', coalesce(b.top, 0) + t.n)
       FROM unnumbered t LEFT JOIN base b ON b.parent_id IS NOT DISTINCT FROM t.parent_id
      WHERE a.id = t.id`,
  );
  // the district the centre lies in, else the nearest district point (distance in UTM 32N)
  await db.query(
    `WITH cells AS (
       SELECT g.id, g.centre_utm AS c, ST_Transform(g.centre_utm, 4326) AS w, (g.properties->>'number')::int AS n
         FROM area g WHERE g.kind = 'GRID_CELL' AND g.centre_utm IS NOT NULL
     ), place AS (
       SELECT c.id, c.n,
              (SELECT d.name FROM area d WHERE d.kind = 'DISTRICT' AND d.geom IS NOT NULL AND ST_Intersects(d.geom, c.w)
                ORDER BY d.code LIMIT 1) AS inside,
              (SELECT d.name FROM area d WHERE d.kind = 'DISTRICT' AND d.point IS NOT NULL
                ORDER BY ST_Transform(d.point, 25832) <-> c.c, d.code LIMIT 1) AS near
         FROM cells c
     ), named AS (
       SELECT p.id, coalesce(p.inside, p.near) AS district,
              CASE WHEN p.inside IS NOT NULL THEN 'IN' WHEN p.near IS NOT NULL THEN 'NEAR' END AS relation,
              'Rasterzelle ' || p.n || CASE WHEN p.inside IS NOT NULL THEN ' in ' || p.inside
                                            WHEN p.near IS NOT NULL THEN ' bei ' || p.near ELSE '' END AS label
         FROM place p
     )
     UPDATE area a
        SET name = n.label,
            properties = (a.properties - 'district' - 'districtRelation')
                         || CASE WHEN n.relation IS NULL THEN '{}'::jsonb
                                 ELSE jsonb_build_object('district', n.district, 'districtRelation', n.relation) END
       FROM named n
      WHERE a.id = n.id
        AND (a.name IS DISTINCT FROM n.label OR a.properties->>'districtRelation' IS DISTINCT FROM n.relation)`,
  );
}
