/**
 * E2SFCA (Luo & Qi 2009) in one SQL statement, for one or many fields of action at once.
 *
 *   provider j   a published service offering the field (or a narrower one) at a located place, plus an
 *                optional hypothetical provider (what-if); supply S_j = capacity when asked for and known, else 1
 *   unit k       a grid cell or district with a polygon; its centre (area.centre_utm) is the centroid, or a point
 *                on the surface when the centroid falls outside a clipped cell; P_k its newest known population or NULL
 *   d_kj         planar distance in UTM 32N (EPSG:25832); pairs found with ST_DWithin on the GiST index of
 *                area.centre_utm, one index scan per provider place (location.geom_utm)
 *   W(d)         w1 for d ≤ c/3, w2 for d ≤ 2c/3, w3 for d ≤ c (zone upper bounds inclusive), 0 beyond c
 *   step 1       R_j = S_j / Σ_k P_k W(d_kj) — NULL when a unit in the catchment has no known population
 *                (demand unknown: nothing is estimated) or the known demand is 0
 *   step 2       A_k = Σ_j R_j W(d_kj) — 0 without providers in reach (a gap), NULL when any R_j is NULL
 * Also per unit: providers in reach, the distance-weighted supply Σ_j S_j W(d_kj) (the plain reach used when
 * population is unknown), the distance to the nearest provider (also beyond the catchment) and the languages
 * offered in reach.
 */
import type { AreaKind } from '@partneratlas/shared';

export interface CoverageQueryOptions {
  /** Fields of action (each matches its descendants). */
  fields: string[];
  unitKind: AreaKind.GRID_CELL | AreaKind.DISTRICT;
  catchmentMeters: number;
  weights: [number, number, number];
  targetGroup: string | null;
  language: string | null;
  weightByCapacity: boolean;
  visibleStatuses: string[];
  /** A hypothetical provider (what-if), WGS84. */
  extra: { lat: number; lng: number; supply: number } | null;
  /** Per-unit details only needed for a single field: nearest provider beyond the catchment, languages. */
  details: boolean;
}

export interface CoverageRow {
  field: string;
  unitId: string;
  code: string;
  name: string;
  areaM2: number;
  population: number | null;
  populationYear: number | null;
  providersInReach: number;
  weightedReach: number;
  score: number | null;
  nearestMeters: number | null;
  languages: string[] | null;
}

export function buildCoverageQuery(o: CoverageQueryOptions): { sql: string; values: unknown[] } {
  const values: unknown[] = [
    o.fields, // $1
    o.unitKind, // $2
    o.catchmentMeters, // $3
    o.weights[0], // $4
    o.weights[1], // $5
    o.weights[2], // $6
    o.targetGroup, // $7
    o.language, // $8
    o.weightByCapacity, // $9
    o.visibleStatuses, // $10
    o.extra?.lng ?? null, // $11
    o.extra?.lat ?? null, // $12
    o.extra?.supply ?? 1, // $13
  ];
  // nearest provider beyond the catchment (gap units only, COALESCE evaluates it lazily): a scan of the
  // field's few provider points; a KNN scan of the location index would walk every place when none offers the field
  const nearest = o.details
    ? `(SELECT min(ST_Distance(u.c, pl.p)) FROM places pl WHERE EXISTS (SELECT 1 FROM offers x WHERE x.location_id = pl.location_id AND x.field = f.field))`
    : 'NULL::float8';
  const extraNearest = o.details ? `(SELECT ST_Distance(u.c, e.p) FROM extra e)` : 'NULL::float8';
  const languages = o.details ? `coalesce(lg.languages, '{}')` : 'NULL::text[]';
  const sql = `
WITH fields AS (
  SELECT f.code AS field, d.code AS term
    FROM unnest($1::text[]) AS f(code) CROSS JOIN LATERAL unnest(pa_with_descendants(ARRAY[f.code])) AS d(code)
), units AS MATERIALIZED (
  SELECT a.id, a.code, a.name, ST_Area(ST_Transform(a.geom, 25832)) AS area_m2, a.centre_utm AS c,
         pop.population, pop.year AS population_year
    FROM area a
    LEFT JOIN LATERAL (SELECT s.population, s.year FROM area_statistic s
                        WHERE s.area_id = a.id AND s.population IS NOT NULL ORDER BY s.year DESC LIMIT 1) pop ON true
   WHERE a.kind = $2::area_kind AND a.geom IS NOT NULL AND a.centre_utm IS NOT NULL
), offers AS MATERIALIZED (
  SELECT DISTINCT f.field, sal.location_id, s.id AS service_id,
         CASE WHEN $9::boolean AND s.capacity IS NOT NULL AND s.capacity > 0 THEN s.capacity::float8 ELSE 1::float8 END AS supply,
         s.languages
    FROM fields f
    JOIN service_taxonomy_term st ON st.term_code = f.term
    JOIN service s ON s.id = st.service_id AND s.status = 'PUBLISHED'
    JOIN organization o ON o.id = s.organisation_id AND o.status = ANY($10::publication_status[])
    JOIN service_at_location sal ON sal.service_id = s.id
    JOIN location l ON l.id = sal.location_id AND l.geom_utm IS NOT NULL
   WHERE ($7::text IS NULL OR EXISTS (SELECT 1 FROM service_taxonomy_term tg
                                       WHERE tg.service_id = s.id AND tg.term_code = ANY(pa_with_descendants(ARRAY[$7::text]))))
     AND ($8::text IS NULL OR $8::text = ANY(s.languages))
), offer_counts AS (
  SELECT field, count(*)::int AS n FROM offers GROUP BY field
), place_offers AS MATERIALIZED (
  -- providers at one place share one catchment: R = (Σ supply) / demand, identical to summing their single ratios
  SELECT o.field, o.location_id, sum(o.supply) AS supply, count(*)::int AS n,
         ${o.details ? `string_agg(array_to_string(o.languages, ','), ',')` : 'NULL::text'} AS languages
    FROM offers o GROUP BY o.field, o.location_id
), places AS MATERIALIZED (
  SELECT l.id AS location_id, l.geom_utm AS p FROM location l WHERE l.id IN (SELECT location_id FROM offers)
), extra AS (
  SELECT ST_Transform(ST_SetSRID(ST_MakePoint($11::float8, $12::float8), 4326), 25832) AS p, $13::float8 AS supply
   WHERE $11::float8 IS NOT NULL
), near AS MATERIALIZED (
  -- from each provider place, the unit centres within the catchment: one GiST scan of area.centre_utm per place
  SELECT a.id AS unit_id, pl.location_id, ST_Distance(a.centre_utm, pl.p) AS d
    FROM places pl
    JOIN area a ON a.kind = $2::area_kind AND a.geom IS NOT NULL AND ST_DWithin(a.centre_utm, pl.p, $3::float8)
  UNION ALL
  SELECT u.id, '00000000-0000-0000-0000-000000000000'::uuid, ST_Distance(u.c, e.p)
    FROM units u CROSS JOIN extra e WHERE ST_DWithin(u.c, e.p, $3::float8)
), near_w AS MATERIALIZED (
  -- each (unit, place) pair once, with its zone weight and the unit's population
  SELECT n.unit_id, n.location_id, n.d, u.population,
         CASE WHEN n.d <= $3::float8 / 3 THEN $4::float8 WHEN n.d <= 2 * $3::float8 / 3 THEN $5::float8 ELSE $6::float8 END AS w
    FROM near n JOIN units u ON u.id = n.unit_id
), demand AS (
  -- step 1's denominator depends on the place only (the same units surround it for every field): computed once per
  -- place, not per field; NULL when a unit in reach has no known population
  SELECT location_id, CASE WHEN bool_or(population IS NULL) THEN NULL ELSE sum(population * w) END AS demand
    FROM near_w GROUP BY location_id
), offers_at AS (
  SELECT field, location_id, supply, n, languages FROM place_offers
  UNION ALL
  SELECT f.field, '00000000-0000-0000-0000-000000000000'::uuid, e.supply, 1, NULL::text
    FROM extra e CROSS JOIN (SELECT DISTINCT field FROM fields) f
), scores AS (
  -- step 2: R = supply / demand per (field, place), summed over the places in reach with the zone weight
  SELECT nw.unit_id, x.field, sum(x.n)::int AS providers, sum(x.supply * nw.w) AS reach,
         CASE WHEN bool_or(dm.demand IS NULL OR dm.demand = 0) THEN NULL ELSE sum(x.supply / dm.demand * nw.w) END AS score,
         min(nw.d) AS nearest
    FROM near_w nw
    JOIN offers_at x ON x.location_id = nw.location_id
    JOIN demand dm ON dm.location_id = nw.location_id
   GROUP BY nw.unit_id, x.field
)${
    o.details
      ? `, langs AS (
  SELECT nw.unit_id, x.field, array_agg(DISTINCT lang ORDER BY lang) AS languages
    FROM near_w nw JOIN offers_at x ON x.location_id = nw.location_id
   CROSS JOIN LATERAL unnest(string_to_array(x.languages, ',')) AS lang
   WHERE lang <> '' GROUP BY nw.unit_id, x.field
)`
      : ''
  }
SELECT f.field, u.id AS "unitId", u.code, u.name, u.area_m2 AS "areaM2", u.population, u.population_year AS "populationYear",
       coalesce(s.providers, 0) AS "providersInReach", coalesce(s.reach, 0) AS "weightedReach",
       CASE WHEN s.unit_id IS NULL THEN 0 ELSE s.score END AS score,
       coalesce(s.nearest, (SELECT min(x) FROM (VALUES (${nearest}), (${extraNearest})) v(x))) AS "nearestMeters",
       ${languages} AS languages,
       coalesce(oc.n, 0) + (SELECT count(*)::int FROM extra) AS "providerCount"
  FROM units u
 CROSS JOIN (SELECT DISTINCT field FROM fields) f
  LEFT JOIN offer_counts oc ON oc.field = f.field
  LEFT JOIN scores s ON s.unit_id = u.id AND s.field = f.field
  ${o.details ? 'LEFT JOIN langs lg ON lg.unit_id = u.id AND lg.field = f.field' : ''}
 ORDER BY f.field, u.code`;
  return { sql, values };
}
