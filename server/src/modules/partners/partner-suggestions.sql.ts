import { PublicationStatus } from '@partneratlas/shared';
import { ORG_COLUMNS, SqlParams } from '../organisations/organisation-search.sql';
import { ScoreComponent, WEIGHTS } from './partner-scoring';

/**
 * Candidates scored per request: the organisations of the NEAREST_PLACES places nearest to each reference
 * place (KNN on the GiST index of location.geom) that pass the filter, or — without a place — the
 * CANDIDATE_CAP most recently confirmed matches; plus, for an organisation, all partners of its partners.
 */
export const CANDIDATE_CAP = 2000;
export const NEAREST_PLACES = 2400;
/** At most this many reference places of an organisation. */
export const MAX_REFERENCE_PLACES = 6;

export interface SuggestionQuery {
  visibleStatuses: PublicationStatus[];
  /** The organisation asking (organisation mode); null for a need. */
  me: string | null;
  includeConnected: boolean;
  includeDemo: boolean;
  /** Codes behind the field component: needed fields, or (organisation mode) the top-level fields the organisation lacks. */
  fields: string[];
  /** Candidates must cover one of `fields`. */
  requireFields: boolean;
  /** cardinality(matched fields) / fieldDivisor, capped at 1. */
  fieldDivisor: number;
  targets: string[];
  languages: string[];
  /** Reference place(s): the organisation's places (hex EWKB of its UTM MultiPoint; `count` places), or a need's point. */
  point: { ewkb: string; count: number } | { lat: number; lng: number } | null;
  /** Only candidates within this radius of the point (a need's circle). */
  radiusMeters: number | null;
  /** Distance at which the distance component reaches 0. */
  distanceScale: number;
  /** Without fields and point: candidates must share a language or target group. */
  requireLanguageOrTarget: boolean;
  networkName: string;
  applicable: ScoreComponent[];
  first: number;
}

export interface SuggestionRow {
  id: string;
  fieldCodesMatched: string[];
  targetCodesMatched: string[];
  languagesMatched: string[];
  distanceMeters: number | null;
  via: string[] | null;
  connected: boolean;
  networkRole: 'MEMBER' | 'COORDINATING_BODY' | null;
  lastConfirmed: string | null;
  vFields: number;
  vDistance: number;
  vTargets: number;
  vLanguages: number;
  vProximity: number;
  vNetwork: number;
  vFreshness: number;
}

/** `r` counts today. */
const VALID_TODAY = `(r.valid_from IS NULL OR r.valid_from <= current_date) AND (r.valid_to IS NULL OR r.valid_to >= current_date)`;

/**
 * One statement: candidates through the indexes (GIN on codes, GiST KNN on the UTM MultiPoint, relationship
 * indexes for partners of partners), component values for at most CANDIDATE_CAP + |partners of partners| rows,
 * the weighted order and the page with the organisation columns.
 */
export function buildSuggestionQuery(q: SuggestionQuery): { sql: string; values: unknown[] } {
  const p = new SqlParams();
  const me = p.add(q.me, '::uuid');
  const vis = p.add(q.visibleStatuses, '::publication_status[]');
  const fields = p.add(q.fields, '::text[]');
  const targets = p.add(q.targets, '::text[]');
  const langs = p.add(q.languages, '::text[]');
  let pt = 'NULL::geometry';
  /** The reference places as WGS84 geographies, one row each (for KNN on location.geom). */
  let places = 'SELECT NULL::geography AS geom WHERE false';
  if (q.point && 'ewkb' in q.point) {
    pt = `${p.add(q.point.ewkb, '::geometry')}`;
    places = `SELECT l.geom FROM location l WHERE l.organisation_id = ${me} AND l.geom IS NOT NULL ORDER BY l.id LIMIT ${MAX_REFERENCE_PLACES}`;
  } else if (q.point) {
    const wgs = `ST_SetSRID(ST_MakePoint(${p.add(q.point.lng, '::float8')}, ${p.add(q.point.lat, '::float8')}), 4326)`;
    pt = `ST_Transform(${wgs}, 25832)`;
    places = `SELECT ${wgs}::geography AS geom`;
  }

  const where = [`o.status = ANY(${vis})`, `o.id IS DISTINCT FROM ${me}`];
  if (!q.includeDemo) where.push('NOT o.is_demo');
  if (q.requireFields) where.push(`o.field_codes && ${fields}`);
  if (q.radiusMeters !== null && q.point) where.push(`ST_DWithin(o.location_points_utm, ${pt}, ${p.add(q.radiusMeters, '::float8')})`);
  if (q.requireLanguageOrTarget) where.push(`(o.search_languages && ${langs} OR o.target_group_codes && ${targets})`);
  if (q.me && !q.includeConnected) where.push('o.id NOT IN (SELECT id FROM direct)');
  const prefilter = where.join(' AND ');
  const perPlace = Math.ceil(
    NEAREST_PLACES / Math.max(1, Math.min(MAX_REFERENCE_PLACES, q.point && 'count' in q.point ? q.point.count : 1)),
  );
  const candidates = q.point
    ? `SELECT o.id FROM (SELECT DISTINCT x.organisation_id FROM (${places}) mine
                  CROSS JOIN LATERAL (SELECT l.organisation_id FROM location l WHERE l.geom IS NOT NULL
                                       ORDER BY l.geom <-> mine.geom LIMIT ${p.add(perPlace, '::int')}) x) n
         JOIN organization o ON o.id = n.organisation_id WHERE ${prefilter}`
    : `SELECT o.id FROM organization o WHERE ${prefilter} ORDER BY o.last_confirmed_at DESC NULLS LAST, o.id LIMIT ${p.add(CANDIDATE_CAP, '::int')}`;

  const w = (c: ScoreComponent) => p.add(q.applicable.includes(c) ? WEIGHTS[c] : 0, '::float8');
  const fieldComponent = q.me ? ScoreComponent.COMPLEMENTARY_FIELDS : ScoreComponent.MATCHING_FIELDS;
  const scoreExpr = [
    `${w(fieldComponent)} * v_fields`,
    `${w(ScoreComponent.DISTANCE)} * v_distance`,
    `${w(ScoreComponent.TARGET_GROUPS)} * v_targets`,
    `${w(ScoreComponent.LANGUAGES)} * v_languages`,
    `${w(ScoreComponent.NETWORK_PROXIMITY)} * v_proximity`,
    `${w(ScoreComponent.NETWORK_MIGRATION)} * v_network`,
    `${w(ScoreComponent.FRESHNESS)} * v_freshness`,
  ].join(' + ');

  const sql = `
    WITH direct AS MATERIALIZED (
      SELECT r.target_organisation_id AS id FROM organisation_relationship r WHERE r.source_organisation_id = ${me} AND ${VALID_TODAY}
      UNION
      SELECT r.source_organisation_id FROM organisation_relationship r WHERE r.target_organisation_id = ${me} AND ${VALID_TODAY}
    ),
    two AS MATERIALIZED (
      SELECT x.id, array_agg(DISTINCT x.via) AS via FROM (
        SELECT r.target_organisation_id AS id, r.source_organisation_id AS via FROM organisation_relationship r
         WHERE r.source_organisation_id IN (SELECT id FROM direct) AND ${VALID_TODAY}
        UNION ALL
        SELECT r.source_organisation_id, r.target_organisation_id FROM organisation_relationship r
         WHERE r.target_organisation_id IN (SELECT id FROM direct) AND ${VALID_TODAY}
      ) x JOIN organization v ON v.id = x.via AND v.status = ANY(${vis})
      WHERE x.id IS DISTINCT FROM ${me} AND x.id NOT IN (SELECT id FROM direct)
      GROUP BY x.id
    ),
    cand AS MATERIALIZED (
      (${candidates})
      UNION
      (SELECT o.id FROM two t JOIN organization o ON o.id = t.id WHERE ${prefilter})
    ),
    scored AS (
      SELECT o.id, o.sort_name, o.last_confirmed_at,
             ARRAY(SELECT c FROM unnest(${fields}) c WHERE c = ANY(o.field_codes)) AS f_codes,
             ARRAY(SELECT c FROM unnest(${targets}) c WHERE c = ANY(o.target_group_codes)) AS t_codes,
             ARRAY(SELECT c FROM unnest(${langs}) c WHERE c = ANY(o.search_languages)) AS l_codes,
             ST_Distance(o.location_points_utm, ${pt}) AS dist,
             t.via, d.id IS NOT NULL AS connected, m.role AS nm_role
        FROM cand c
        JOIN organization o ON o.id = c.id
        LEFT JOIN two t ON t.id = o.id
        LEFT JOIN direct d ON d.id = o.id
        LEFT JOIN network_membership m ON m.organisation_id = o.id
              AND m.network_id = (SELECT n.id FROM network n WHERE n.name = ${p.add(q.networkName, '::text')} ORDER BY n.id LIMIT 1)
              AND (m.since IS NULL OR m.since <= current_date) AND (m.until IS NULL OR m.until >= current_date)
    ),
    valued AS (
      SELECT s.*,
             least(1.0, cardinality(s.f_codes) / ${p.add(q.fieldDivisor, '::float8')}) AS v_fields,
             CASE WHEN s.dist IS NULL THEN 0 ELSE greatest(0.0, 1 - s.dist / ${p.add(q.distanceScale, '::float8')}) END AS v_distance,
             CASE WHEN cardinality(${targets}) = 0 THEN 0 ELSE cardinality(s.t_codes)::float8 / cardinality(${targets}) END AS v_targets,
             CASE WHEN cardinality(${langs}) = 0 THEN 0 ELSE cardinality(s.l_codes)::float8 / cardinality(${langs}) END AS v_languages,
             CASE WHEN s.connected OR s.via IS NULL THEN 0 ELSE least(1.0, cardinality(s.via) / 2.0) END AS v_proximity,
             CASE WHEN s.nm_role IS NULL THEN 0 ELSE 1 END AS v_network,
             CASE WHEN s.last_confirmed_at IS NULL THEN 0
                  ELSE greatest(0.0, least(1.0, 1 - ((current_date - s.last_confirmed_at) - 365) / 730.0)) END AS v_freshness
        FROM scored s
    ),
    top AS (
      SELECT v.*, (${scoreExpr}) AS raw_score FROM valued v ORDER BY raw_score DESC, v.sort_name, v.id LIMIT ${p.add(q.first, '::int')}
    )
    SELECT ${ORG_COLUMNS},
           top.f_codes AS "fieldCodesMatched", top.t_codes AS "targetCodesMatched", top.l_codes AS "languagesMatched",
           top.dist AS "distanceMeters", top.via, top.connected, top.nm_role AS "networkRole",
           to_char(top.last_confirmed_at, 'YYYY-MM-DD') AS "lastConfirmed",
           top.v_fields::float8 AS "vFields", top.v_distance::float8 AS "vDistance", top.v_targets::float8 AS "vTargets",
           top.v_languages::float8 AS "vLanguages", top.v_proximity::float8 AS "vProximity", top.v_network::float8 AS "vNetwork",
           top.v_freshness::float8 AS "vFreshness"
      FROM top JOIN organization o ON o.id = top.id
     ORDER BY top.raw_score DESC, top.sort_name, top.id`;
  return { sql, values: p.values };
}
