import { OrganisationOrder, PublicationStatus } from '@partneratlas/shared';
import { OrganisationFilter } from './dto/organisation-filter.input';

/** Collects positional parameters while SQL is being assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

export interface CompiledFilter {
  params: SqlParams;
  /** FROM … WHERE … over `organization o`. */
  from: string;
  rankExpr: string;
  distanceExpr: string;
}

/**
 * Compiles a validated, expanded filter into SQL. Codes must already be validated and expanded
 * (fieldsOfAction/targetGroups contain descendants).
 */
export function compileFilter(filter: OrganisationFilter, visibleStatuses: PublicationStatus[]): CompiledFilter {
  const p = new SqlParams();
  const where: string[] = [`o.status = ANY(${p.add(visibleStatuses, '::publication_status[]')})`];
  let rankExpr = '0::real';
  let distanceExpr = 'NULL::double precision';

  if (filter.includeDemo === false) where.push('NOT o.is_demo');
  if (filter.kinds?.length) where.push(`o.kind = ANY(${p.add(filter.kinds, '::organisation_kind[]')})`);
  if (filter.fieldsOfAction?.length) where.push(`o.field_codes && ${p.add(filter.fieldsOfAction, '::text[]')}`);
  if (filter.targetGroups?.length) where.push(`o.target_group_codes && ${p.add(filter.targetGroups, '::text[]')}`);
  if (filter.languages?.length) where.push(`o.search_languages && ${p.add(filter.languages, '::text[]')}`);
  if (filter.areaIds?.length) where.push(`o.area_ids && ${p.add(filter.areaIds, '::uuid[]')}`);
  if (filter.verificationStatus) where.push(`o.verification_status = ${p.add(filter.verificationStatus, '::verification_status')}`);
  if (filter.networkIds?.length) {
    where.push(
      `EXISTS (SELECT 1 FROM network_membership m WHERE m.organisation_id = o.id AND m.network_id = ANY(${p.add(filter.networkIds, '::uuid[]')})` +
        ` AND (m.until IS NULL OR m.until >= current_date))`,
    );
  }
  if (filter.bbox) {
    const { west, south, east, north } = filter.bbox;
    const env = `ST_MakeEnvelope(${p.add(west)}::float8, ${p.add(south)}::float8, ${p.add(east)}::float8, ${p.add(north)}::float8, 4326)`;
    where.push(
      `o.location_points_utm && ST_Transform(${env}, 25832)` +
        ` AND EXISTS (SELECT 1 FROM location lb WHERE lb.organisation_id = o.id AND ST_Intersects(lb.geom::geometry, ${env}))`,
    );
  }
  const text = filter.text?.trim();
  if (text) {
    const q = p.add(text, '::text');
    // every word of the query as a prefix of a stemmed word (German stems are not always stable:
    // "Deutschkurs" → deutschkur, "Deutschkurse" → deutschkurs); evaluated once per query (InitPlan)
    const tsq = `(SELECT string_agg(quote_literal(lexeme) || ':*', ' & ')::tsquery FROM unnest(to_tsvector('pa_german', ${q})))`;
    const key = `pa_fold(${q})`;
    // Typo tolerance (trigram word similarity) is the fallback when the words match nothing: checking and ranking
    // it for every candidate would cost more than the rest of the search (see OrganisationsService.search).
    const fuzzy = filter.fuzzyText === true;
    where.push(`(o.search_vector @@ ${tsq} OR o.search_key LIKE '%' || ${key} || '%'${fuzzy ? ` OR ${key} <% o.search_key` : ''})`);
    rankExpr =
      `(ts_rank_cd(o.search_vector, ${tsq})` +
      ` + CASE WHEN o.search_key LIKE ${key} || '%' THEN 1.0 WHEN o.search_key LIKE '%' || ${key} || '%' THEN 0.6 ELSE 0 END` +
      `${fuzzy ? ` + 0.5 * word_similarity(${key}, o.search_key)` : ''})::real`;
  }
  if (filter.near) {
    // planar distance in UTM 32N on the organisation's MultiPoint: combines with the other indexes
    const pt = `ST_Transform(ST_SetSRID(ST_MakePoint(${p.add(filter.near.lng)}::float8, ${p.add(filter.near.lat)}::float8), 4326), 25832)`;
    const r = p.add(filter.near.radiusMeters, '::float8');
    where.push(`ST_DWithin(o.location_points_utm, ${pt}, ${r})`);
    distanceExpr = `ST_Distance(o.location_points_utm, ${pt})`;
  }
  return { params: p, from: `FROM organization o WHERE ${where.join(' AND ')}`, rankExpr, distanceExpr };
}

/** ORDER BY over the candidate set `f` (rank, distance_meters, sort_name, id). */
export function orderClause(order: OrganisationOrder): string {
  switch (order) {
    case OrganisationOrder.RELEVANCE:
      return 'ORDER BY f.rank DESC, f.sort_name, f.id';
    case OrganisationOrder.DISTANCE:
      return 'ORDER BY f.distance_meters ASC, f.sort_name, f.id';
    case OrganisationOrder.NAME:
      return 'ORDER BY f.sort_name, f.id';
  }
}

export const ORG_COLUMNS = `o.id, o.kind, o.name, o.alternate_name AS "alternateName", o.description, o.website, o.email, o.phones,
  o.languages, o.year_founded AS "yearFounded", o.parent_organisation_id AS "parentOrganisationId",
  o.verification_status AS "verificationStatus", to_char(o.last_confirmed_at, 'YYYY-MM-DD') AS "lastConfirmedAt",
  o.status, o.is_demo AS "isDemo", o.source_note AS "sourceNote", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** The page query of the directory: rows of the page (plus one to detect a next page) and the total. */
export function buildPageQuery(
  filter: OrganisationFilter,
  order: OrganisationOrder,
  visibleStatuses: PublicationStatus[],
  first: number,
  offset: number,
): { sql: string; values: unknown[]; countSql: string; countValues: unknown[] } {
  const { params, from, rankExpr, distanceExpr } = compileFilter(filter, visibleStatuses);
  const countValues = [...params.values];
  const limit = params.add(first + 1, '::int');
  const off = params.add(offset, '::int');
  // The total is a scalar count beside the page, not `count(*) OVER ()`: the window aggregate buffered every
  // candidate row a second time (spilling to disk beyond work_mem at 100,000 rows) only to repeat one number.
  let sql: string;
  if (order === OrganisationOrder.NAME) {
    // Alphabetical (the landing page, filters without words): the page walks the sort_name index and stops after
    // `first + 1` rows; the count is a separate aggregate over the same filter. Materialising every candidate to
    // sort it cost ~10-30× more at 100,000 organisations.
    sql = `
    SELECT ${ORG_COLUMNS}, ${distanceExpr} AS "distanceMeters", (SELECT count(*) ${from}) AS "totalCount"
      ${from}
     ORDER BY o.sort_name, o.id LIMIT ${limit} OFFSET ${off}`;
  } else {
    // Relevance and distance: the sort key is computed once per candidate on narrow rows, the page is cut there
    // and only its rows are joined in full. Only the sort key is computed for every candidate (the rank costs as
    // much as the match, the distance a geometry operation); the distance shown beside a relevance-ordered page
    // is computed for the page's rows alone.
    const byRelevance = order === OrganisationOrder.RELEVANCE;
    sql = `
    WITH f AS MATERIALIZED (SELECT o.id, o.sort_name, ${byRelevance ? rankExpr : '0::real'} AS rank,
                                   ${byRelevance ? 'NULL::double precision' : distanceExpr} AS distance_meters ${from}),
    page AS (SELECT f.* FROM f ${orderClause(order)} LIMIT ${limit} OFFSET ${off})
    SELECT ${ORG_COLUMNS}, ${byRelevance ? distanceExpr : 'f.distance_meters'} AS "distanceMeters", (SELECT count(*) FROM f) AS "totalCount"
      FROM page f JOIN organization o ON o.id = f.id
     ${orderClause(order)}`;
  }
  return { sql, values: params.values, countSql: `SELECT count(*)::int AS count ${from}`, countValues };
}
