/**
 * Search support of the first migration: text folding, a German text-search configuration that
 * folds umlauts, the function that rebuilds an organisation's search document, and the indexes
 * the directory search relies on. Part of migration 1795775538283; never edit after landing.
 */
export const SEARCH_FUNCTIONS_UP: string[] = [
  `CREATE OR REPLACE FUNCTION pa_unaccent(text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
  // lower case, accents and umlauts removed (ä → a, ß → ss), spaces and punctuation dropped
  `CREATE OR REPLACE FUNCTION pa_fold(text) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT regexp_replace(lower(public.pa_unaccent($1)), '[[:space:][:punct:]–—‚‘’“”„«»·]+', '', 'g') $$`,
  `CREATE TEXT SEARCH CONFIGURATION pa_german (COPY = pg_catalog.german)`,
  `ALTER TEXT SEARCH CONFIGURATION pa_german ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, german_stem`,
  // a set of taxonomy codes with all their ancestors
  `CREATE OR REPLACE FUNCTION pa_with_ancestors(codes text[]) RETURNS text[]
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$
       WITH RECURSIVE t(code, parent_code) AS (
         SELECT tt.code, tt.parent_code FROM taxonomy_term tt WHERE tt.code = ANY(codes)
         UNION
         SELECT p.code, p.parent_code FROM taxonomy_term p JOIN t ON p.code = t.parent_code
       )
       SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}') FROM t
     $$`,
  // a set of taxonomy codes with all their descendants (filters: a parent code matches its children)
  `CREATE OR REPLACE FUNCTION pa_with_descendants(codes text[]) RETURNS text[]
     LANGUAGE sql STABLE PARALLEL SAFE
     AS $$
       WITH RECURSIVE t(code) AS (
         SELECT tt.code FROM taxonomy_term tt WHERE tt.code = ANY(codes)
         UNION
         SELECT c.code FROM taxonomy_term c JOIN t ON c.parent_code = t.code
       )
       SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}') FROM t
     $$`,
  // Rebuilds the denormalised search document of the given organisations (published services only).
  `CREATE OR REPLACE FUNCTION pa_refresh_organisations(org_ids uuid[]) RETURNS integer
     LANGUAGE sql VOLATILE
     AS $$
       WITH svc AS (
         SELECT s.organisation_id,
                string_agg(s.name || ' ' || coalesce(s.description, ''), ' ') AS text
           FROM service s
          WHERE s.organisation_id = ANY(org_ids) AND s.status = 'PUBLISHED'
          GROUP BY s.organisation_id
       ), terms AS (
         SELECT s.organisation_id, tx.kind, array_agg(DISTINCT st.term_code) AS codes
           FROM service s
           JOIN service_taxonomy_term st ON st.service_id = s.id
           JOIN taxonomy_term tt ON tt.code = st.term_code
           JOIN taxonomy tx ON tx.id = tt.taxonomy_id
          WHERE s.organisation_id = ANY(org_ids) AND s.status = 'PUBLISHED'
          GROUP BY s.organisation_id, tx.kind
       ), langs AS (
         SELECT s.organisation_id, array_agg(DISTINCT l) AS codes
           FROM service s, unnest(s.languages) l
          WHERE s.organisation_id = ANY(org_ids) AND s.status = 'PUBLISHED'
          GROUP BY s.organisation_id
       ), areas AS (
         SELECT l.organisation_id,
                array_agg(DISTINCT l.area_id) FILTER (WHERE l.area_id IS NOT NULL) AS area_list,
                ST_Transform(ST_Multi(ST_Collect(l.geom::geometry) FILTER (WHERE l.geom IS NOT NULL)), 25832) AS points_utm
           FROM location l
          WHERE l.organisation_id = ANY(org_ids)
          GROUP BY l.organisation_id
       ), upd AS (
         UPDATE organization o SET
           search_vector =
               setweight(to_tsvector('pa_german', o.name || ' ' || coalesce(o.alternate_name, '')), 'A')
            || setweight(to_tsvector('pa_german', coalesce(svc.text, '')), 'B')
            || setweight(to_tsvector('pa_german', coalesce(o.description, '')), 'C'),
           search_key = pa_fold(o.name || ' ' || coalesce(o.alternate_name, '')),
           sort_name = pa_fold(o.name),
           field_codes = pa_with_ancestors(coalesce(fa.codes, '{}')),
           target_group_codes = pa_with_ancestors(coalesce(tg.codes, '{}')),
           search_languages = ARRAY(SELECT DISTINCT x FROM unnest(o.languages || coalesce(langs.codes, '{}')) x ORDER BY x),
           area_ids = coalesce(areas.area_list, '{}'),
           location_points_utm = areas.points_utm
         FROM organization o2
         LEFT JOIN svc ON svc.organisation_id = o2.id
         LEFT JOIN terms fa ON fa.organisation_id = o2.id AND fa.kind = 'FIELD_OF_ACTION'
         LEFT JOIN terms tg ON tg.organisation_id = o2.id AND tg.kind = 'TARGET_GROUP'
         LEFT JOIN langs ON langs.organisation_id = o2.id
         LEFT JOIN areas ON areas.organisation_id = o2.id
         WHERE o.id = o2.id AND o2.id = ANY(org_ids)
         RETURNING 1
       )
       SELECT count(*)::int FROM upd
     $$`,
  `CREATE INDEX "IDX_organization_search_vector" ON "organization" USING GIN ("search_vector")`,
  `CREATE INDEX "IDX_organization_search_key_trgm" ON "organization" USING GIN ("search_key" gin_trgm_ops)`,
  `CREATE INDEX "IDX_organization_field_codes" ON "organization" USING GIN ("field_codes")`,
  `CREATE INDEX "IDX_organization_target_group_codes" ON "organization" USING GIN ("target_group_codes")`,
  `CREATE INDEX "IDX_organization_search_languages" ON "organization" USING GIN ("search_languages")`,
  `CREATE INDEX "IDX_organization_area_ids" ON "organization" USING GIN ("area_ids")`,
  `ALTER TABLE "area" ADD CONSTRAINT "CHK_area_geom_valid" CHECK ("geom" IS NULL OR ST_IsValid("geom"))`,
  `ALTER TABLE "organisation_relationship" ADD CONSTRAINT "CHK_relationship_not_self" CHECK ("source_organisation_id" <> "target_organisation_id")`,
];

export const SEARCH_FUNCTIONS_DOWN: string[] = [
  `ALTER TABLE "organisation_relationship" DROP CONSTRAINT "CHK_relationship_not_self"`,
  `ALTER TABLE "area" DROP CONSTRAINT "CHK_area_geom_valid"`,
  `DROP INDEX "IDX_organization_area_ids"`,
  `DROP INDEX "IDX_organization_search_languages"`,
  `DROP INDEX "IDX_organization_target_group_codes"`,
  `DROP INDEX "IDX_organization_field_codes"`,
  `DROP INDEX "IDX_organization_search_key_trgm"`,
  `DROP INDEX "IDX_organization_search_vector"`,
  `DROP FUNCTION pa_refresh_organisations(uuid[])`,
  `DROP FUNCTION pa_with_descendants(text[])`,
  `DROP FUNCTION pa_with_ancestors(text[])`,
  `DROP TEXT SEARCH CONFIGURATION pa_german`,
  `DROP FUNCTION pa_fold(text)`,
  `DROP FUNCTION pa_unaccent(text)`,
];
