import type { DataSource } from 'typeorm';
import { ALL_TERMS, AreaKind, type MultiPolygon, TAXONOMIES, type TaxonomyDefinition, type TermDefinition } from '@partneratlas/shared';
import {
  type CityBoundary,
  type DistrictRecord,
  type IntegrationskonzeptFacts,
  type RealOrganisationRecord,
  loadCityBoundary,
  loadDistricts,
  loadIntegrationskonzept,
  loadRealOrganisationRecords,
} from './data-files';
import { stableUuid } from './prng';
import { type Sql, cast, inTransaction, insertRows, pointEwkt } from './sql';

/** Current official municipality key (AGS) of Göttingen; the area code of the CITY row. */
export const CITY_CODE = '03159016';
export const CITY_NAME = 'Göttingen';
/** Required attribution of the BKG boundary. */
export const CITY_ATTRIBUTION = '© GeoBasis-DE / BKG';
export const DISTRICT_CODE_PREFIX = 'goettingen-';
export const DISTRICT_ATTRIBUTION = 'Wikipedia contributors (CC BY-SA 4.0); data: Stadt Göttingen, GÖSIS';
/** Sources of the list of the 18 Stadtbezirke (see data/ATTRIBUTION.md). */
export const DISTRICT_LIST_SOURCES: readonly string[] = [
  'http://regiowiki.hna.de/Grone',
  'https://www.goettingen.de/rathaus/buergerservice/buergerinformationsportal/ortsraete/',
];
export const NETWORK_NAME = 'Netzwerk Migration Region Göttingen';

export const districtCode = (slug: string): string => `${DISTRICT_CODE_PREFIX}${slug}`;

// ------------------------------------------------------------------------------------------ row builders

export interface TermRow extends TermDefinition {
  sortOrder: number;
}

/** Terms in insertion order (parents before children) with their position inside their taxonomy. */
export function buildTermRows(terms: readonly TermDefinition[] = ALL_TERMS): TermRow[] {
  const position = new Map<string, number>();
  const withOrder = terms.map((term) => {
    const next = (position.get(term.taxonomyId) ?? 0) + 1;
    position.set(term.taxonomyId, next);
    return { ...term, sortOrder: next };
  });
  const byCode = new Map(withOrder.map((t) => [t.code, t]));
  const ordered: TermRow[] = [];
  const placed = new Set<string>();
  const place = (term: TermRow, trail: string[]): void => {
    if (placed.has(term.code)) return;
    if (trail.includes(term.code)) throw new Error(`Taxonomy terms: parent cycle at ${term.code}`);
    if (term.parentCode) {
      const parent = byCode.get(term.parentCode);
      if (!parent) throw new Error(`Taxonomy term ${term.code}: unknown parent ${term.parentCode}`);
      place(parent, [...trail, term.code]);
    }
    placed.add(term.code);
    ordered.push(term);
  };
  withOrder.forEach((t) => place(t, []));
  return ordered;
}

export interface AreaRow {
  id: string;
  kind: AreaKind;
  name: string;
  code: string;
  /** Only for the city (the real boundary). Districts never get a made-up shape. */
  geom: MultiPolygon | null;
  point: { lat: number; lon: number } | null;
  properties: Record<string, unknown>;
  source: string | null;
  attribution: string;
}

export function buildCityArea(boundary: CityBoundary): AreaRow {
  const p = boundary.properties;
  if (p.ags_current !== CITY_CODE) throw new Error(`City boundary: expected AGS ${CITY_CODE}, got ${p.ags_current}`);
  return {
    id: stableUuid(`area:${CITY_CODE}`),
    kind: AreaKind.CITY,
    name: CITY_NAME,
    code: CITY_CODE,
    geom: boundary.geometry,
    point: null, // no representative point in the data: none is made up
    properties: {
      bez: p.bez,
      agsInSource: p.ags_in_source,
      agsCurrent: p.ags_current,
      rsInSource: p.rs_in_source,
      debkgId: p.debkg_id,
      nutsInSource: p.nuts_in_source,
      wsk: p.wsk,
      boundaryNote: p.note,
      boundaryAttributionDetail: p.attribution,
    },
    source: p.source,
    attribution: CITY_ATTRIBUTION,
  };
}

const firstUrl = (text: string | null): string | null => text?.match(/https?:\/\/\S+/)?.[0] ?? null;

const unique = (values: readonly (string | null)[]): string[] =>
  values.filter((v): v is string => v !== null && v !== '').filter((v, i, all) => all.indexOf(v) === i);

export function buildDistrictAreas(districts: readonly DistrictRecord[]): AreaRow[] {
  return districts.map((d) => ({
    id: stableUuid(`area:${districtCode(d.slug)}`),
    kind: AreaKind.DISTRICT,
    name: d.name,
    code: districtCode(d.slug),
    geom: null,
    point: d.point,
    properties: {
      ortschaft: d.ortschaft,
      hasOrtsrat: d.hasOrtsrat,
      areaKm2: d.areaKm2,
      postcodes: d.postcodes,
      incorporated: d.incorporated,
      notes: d.notes,
      coordSource: d.coordSource,
    },
    source: unique([d.populationSource, firstUrl(d.coordSource), ...DISTRICT_LIST_SOURCES]).join(' ; '),
    attribution: DISTRICT_ATTRIBUTION,
  }));
}

export interface StatisticRow {
  id: string;
  areaCode: string;
  year: number;
  referenceDate: string;
  population: number;
  definition: string | null;
  source: string | null;
}

/** One row per district with a published population figure; districts without one get no row at all. */
export function buildDistrictStatistics(districts: readonly DistrictRecord[]): StatisticRow[] {
  return districts.flatMap((d): StatisticRow[] => {
    if (d.population === null) return [];
    if (d.populationDate === null) throw new Error(`District ${d.slug}: population without a reference date`);
    const year = Number(d.populationDate.slice(0, 4));
    return [
      {
        id: stableUuid(`area-statistic:${districtCode(d.slug)}:${year}`),
        areaCode: districtCode(d.slug),
        year,
        referenceDate: d.populationDate,
        population: d.population,
        definition: d.populationDefinition,
        source: d.populationSource,
      },
    ];
  });
}

export interface NetworkRow {
  id: string;
  name: string;
  description: string;
  website: string | null;
  sourceNote: string;
}

/**
 * The real network, described only with the facts of the Integrationskonzept JSON. The organisations CSV
 * also lists the network as a row: it is not made an organisation; its website and sources go here.
 */
export function buildNetwork(facts: IntegrationskonzeptFacts, csvRow: RealOrganisationRecord | undefined): NetworkRow {
  const n = facts.netzwerk_migration;
  if (n.name !== NETWORK_NAME) throw new Error(`Integrationskonzept: unexpected network name ${n.name}`);
  const description = [
    `Netzwerk von Organisationen aus Stadt und Landkreis Göttingen. Mitglieder laut Quellen: ${n.members}.`,
    `Kooperative Leitung 2018: ${n.leadership_2018.join('; ')}.`,
    `Veröffentlichung: ${n.handbook}.`,
    `Kontakt (Archivstand): ${n.contact}.`,
  ].join(' ');
  const sources = unique([...n.sources, ...(csvRow?.sourceUrls ?? [])]);
  return {
    id: stableUuid(`network:${NETWORK_NAME}`),
    name: n.name,
    description,
    website: csvRow?.website ?? null,
    sourceNote: `Quellen: ${sources.join(' ; ')}. Angaben aus goettingen_integrationskonzept.json (Abruf: ${facts.retrieved}).`,
  };
}

export interface GuidingGoalRow {
  seedKey: string;
  title: string;
  source: string;
  sourceUrl: string | null;
  sortOrder: number;
}

/**
 * The guiding goals named publicly for the 2022 concept process, from the Integrationskonzept JSON: titles only
 * (no wording is invented; the description stays empty), with their source. Not linked to fields of action: the
 * source does not say which fields they relate to; admins link them.
 */
export function buildGuidingGoals(facts: IntegrationskonzeptFacts): GuidingGoalRow[] {
  const doc = facts.documents.find((d) => d.leitziele_mentioned?.length);
  if (!doc) return [];
  const process = doc.title.replace(/\s*\(process\)\s*$/, '');
  const source =
    `Genannt als Beispiele für Leitziele („Leitzielen wie …“) im Prozess „${process}“, Auftaktkonferenz am 10. Juni 2022 ` +
    `(Bericht der HNA). Die endgültig beschlossenen Leitziele liegen in den ausgewerteten Quellen nicht vor ` +
    `(goettingen_integrationskonzept.json, Abruf: ${facts.retrieved}).`;
  return doc.leitziele_mentioned!.map((title, i) => ({
    seedKey: `leitziel-2022:${title}`,
    title,
    source,
    sourceUrl: doc.sources[0] ?? null,
    sortOrder: i + 1,
  }));
}

export function findNetworkCsvRow(records: readonly RealOrganisationRecord[]): RealOrganisationRecord | undefined {
  return records.find((r) => r.name === NETWORK_NAME);
}

// ------------------------------------------------------------------------------------------ database

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

function countUpserts(returned: { inserted: unknown }[], total: number): UpsertCounts {
  const inserted = returned.filter((r) => r.inserted === true).length;
  const updated = returned.length - inserted;
  return { inserted, updated, unchanged: total - returned.length };
}

export interface ReferenceSummary {
  taxonomies: UpsertCounts;
  terms: UpsertCounts;
  areas: UpsertCounts;
  statistics: UpsertCounts;
  network: 'inserted' | 'updated' | 'unchanged';
  guidingGoals: UpsertCounts;
}

async function upsertTaxonomies(sql: Sql, taxonomies: readonly TaxonomyDefinition[]): Promise<UpsertCounts> {
  const { returned } = await insertRows<TaxonomyDefinition, { inserted: boolean }>(
    sql,
    {
      table: 'taxonomy',
      columns: [
        { name: 'id', value: (t) => t.id },
        { name: 'kind', value: (t) => t.kind, sql: cast('taxonomy_kind') },
        { name: 'name_de', value: (t) => t.nameDe },
        { name: 'name_en', value: (t) => t.nameEn },
        { name: 'description', value: (t) => t.description },
        { name: 'source', value: (t) => t.source },
      ],
      suffix: `ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name_de = EXCLUDED.name_de, name_en = EXCLUDED.name_en,
                 description = EXCLUDED.description, source = EXCLUDED.source
               WHERE (taxonomy.kind, taxonomy.name_de, taxonomy.name_en, taxonomy.description, taxonomy.source)
                     IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name_de, EXCLUDED.name_en, EXCLUDED.description, EXCLUDED.source)
               RETURNING (xmax = 0) AS inserted`,
    },
    taxonomies,
  );
  return countUpserts(returned, taxonomies.length);
}

async function upsertTerms(sql: Sql, terms: readonly TermRow[]): Promise<UpsertCounts> {
  // one row per statement: a child may only be inserted after its parent (FK checked per statement)
  const { returned } = await insertRows<TermRow, { inserted: boolean }>(
    sql,
    {
      table: 'taxonomy_term',
      batchSize: 1,
      columns: [
        { name: 'code', value: (t) => t.code },
        { name: 'taxonomy_id', value: (t) => t.taxonomyId },
        { name: 'name_de', value: (t) => t.nameDe },
        { name: 'name_en', value: (t) => t.nameEn },
        { name: 'description', value: (t) => t.description },
        { name: 'parent_code', value: (t) => t.parentCode },
        { name: 'spatial', value: (t) => t.spatial },
        { name: 'sort_order', value: (t) => t.sortOrder },
      ],
      suffix: `ON CONFLICT (code) DO UPDATE SET taxonomy_id = EXCLUDED.taxonomy_id, name_de = EXCLUDED.name_de,
                 name_en = EXCLUDED.name_en, description = EXCLUDED.description, parent_code = EXCLUDED.parent_code,
                 spatial = EXCLUDED.spatial, sort_order = EXCLUDED.sort_order
               WHERE (taxonomy_term.taxonomy_id, taxonomy_term.name_de, taxonomy_term.name_en, taxonomy_term.description,
                      taxonomy_term.parent_code, taxonomy_term.spatial, taxonomy_term.sort_order)
                     IS DISTINCT FROM (EXCLUDED.taxonomy_id, EXCLUDED.name_de, EXCLUDED.name_en, EXCLUDED.description,
                      EXCLUDED.parent_code, EXCLUDED.spatial, EXCLUDED.sort_order)
               RETURNING (xmax = 0) AS inserted`,
    },
    terms,
  );
  return countUpserts(returned, terms.length);
}

/**
 * Areas are upserted by code. The city's boundary is (re)written from the data file; a district's geom is
 * NULL when inserted and never touched afterwards, so official polygons imported later survive a re-seed.
 */
async function upsertAreas(sql: Sql, rows: readonly AreaRow[], parentId: string | null, writeGeom: boolean): Promise<UpsertCounts> {
  const geomSet = writeGeom ? 'geom = EXCLUDED.geom,' : '';
  const geomCompare = writeGeom ? ', ST_AsEWKB(area.geom)' : '';
  const geomExcluded = writeGeom ? ', ST_AsEWKB(EXCLUDED.geom)' : '';
  const { returned } = await insertRows<AreaRow, { inserted: boolean }>(
    sql,
    {
      table: 'area',
      columns: [
        { name: 'id', value: (a) => a.id, sql: cast('uuid') },
        { name: 'kind', value: (a) => a.kind, sql: cast('area_kind') },
        { name: 'name', value: (a) => a.name },
        { name: 'code', value: (a) => a.code },
        {
          name: 'geom',
          value: (a) => (a.geom ? JSON.stringify(a.geom) : null),
          sql: (p) => `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${p}::text), 4326))`,
        },
        {
          name: 'point',
          value: (a) => (a.point ? pointEwkt(a.point.lon, a.point.lat) : null),
          sql: (p) => `ST_GeomFromEWKT(${p}::text)`,
        },
        { name: 'parent_id', value: () => parentId, sql: cast('uuid') },
        { name: 'properties', value: (a) => JSON.stringify(a.properties), sql: cast('jsonb') },
        { name: 'source', value: (a) => a.source },
        { name: 'attribution', value: (a) => a.attribution },
      ],
      suffix: `ON CONFLICT (code) DO UPDATE SET ${geomSet} kind = EXCLUDED.kind, name = EXCLUDED.name, point = EXCLUDED.point,
                 parent_id = EXCLUDED.parent_id, properties = EXCLUDED.properties, source = EXCLUDED.source,
                 attribution = EXCLUDED.attribution, updated_at = now(), version = area.version + 1
               WHERE (area.kind, area.name, ST_AsEWKB(area.point), area.parent_id, area.properties, area.source,
                      area.attribution ${geomCompare})
                     IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, ST_AsEWKB(EXCLUDED.point), EXCLUDED.parent_id,
                      EXCLUDED.properties, EXCLUDED.source, EXCLUDED.attribution ${geomExcluded})
               RETURNING (xmax = 0) AS inserted`,
    },
    rows,
  );
  return countUpserts(returned, rows.length);
}

async function upsertStatistics(sql: Sql, rows: readonly StatisticRow[]): Promise<UpsertCounts> {
  const areas = await sql.query<{ id: string; code: string }>(`SELECT id, code FROM area WHERE code = ANY($1::text[])`, [
    rows.map((r) => r.areaCode),
  ]);
  const areaId = new Map(areas.map((a) => [a.code, a.id]));
  const { returned } = await insertRows<StatisticRow, { inserted: boolean }>(
    sql,
    {
      table: 'area_statistic',
      columns: [
        { name: 'id', value: (s) => s.id, sql: cast('uuid') },
        {
          name: 'area_id',
          value: (s) => {
            const id = areaId.get(s.areaCode);
            if (!id) throw new Error(`area ${s.areaCode} missing`);
            return id;
          },
          sql: cast('uuid'),
        },
        { name: 'year', value: (s) => s.year, sql: cast('int') },
        { name: 'reference_date', value: (s) => s.referenceDate, sql: cast('date') },
        { name: 'population', value: (s) => s.population, sql: cast('int') },
        { name: 'definition', value: (s) => s.definition },
        { name: 'source', value: (s) => s.source },
      ],
      suffix: `ON CONFLICT (area_id, year) DO UPDATE SET reference_date = EXCLUDED.reference_date,
                 population = EXCLUDED.population, definition = EXCLUDED.definition, source = EXCLUDED.source
               WHERE (area_statistic.reference_date, area_statistic.population, area_statistic.definition, area_statistic.source)
                     IS DISTINCT FROM (EXCLUDED.reference_date, EXCLUDED.population, EXCLUDED.definition, EXCLUDED.source)
               RETURNING (xmax = 0) AS inserted`,
    },
    rows,
  );
  return countUpserts(returned, rows.length);
}

/** The network has no unique key in the schema: it is found by name (the natural key), else inserted. */
async function upsertNetwork(sql: Sql, network: NetworkRow): Promise<ReferenceSummary['network']> {
  const existing = await sql.query<{ id: string }>(`SELECT id FROM network WHERE name = $1 ORDER BY created_at, id LIMIT 1`, [
    network.name,
  ]);
  if (existing.length === 0) {
    await sql.execute(
      `INSERT INTO network (id, name, description, website, is_demo, source_note) VALUES ($1::uuid, $2, $3, $4, false, $5)`,
      [network.id, network.name, network.description, network.website, network.sourceNote],
    );
    return 'inserted';
  }
  const changed = await sql.execute(
    `UPDATE network SET description = $2, website = $3, is_demo = false, source_note = $4,
            updated_at = now(), version = version + 1
      WHERE id = $1::uuid
        AND (description, website, is_demo, source_note) IS DISTINCT FROM ($2::text, $3::text, false, $4::text)`,
    [existing[0].id, network.description, network.website, network.sourceNote],
  );
  return changed > 0 ? 'updated' : 'unchanged';
}

/** Inserted once by their seed key and never overwritten: admins may edit or delete them (deleted ones stay deleted). */
async function insertGuidingGoals(sql: Sql, goals: readonly GuidingGoalRow[]): Promise<UpsertCounts> {
  const { returned } = await insertRows<GuidingGoalRow, { inserted: boolean }>(
    sql,
    {
      table: 'guiding_goal',
      columns: [
        { name: 'seed_key', value: (g) => g.seedKey },
        { name: 'title', value: (g) => g.title },
        { name: 'source', value: (g) => g.source },
        { name: 'source_url', value: (g) => g.sourceUrl },
        { name: 'sort_order', value: (g) => g.sortOrder, sql: cast('int') },
      ],
      suffix: `ON CONFLICT (seed_key) DO NOTHING RETURNING true AS inserted`,
    },
    goals,
  );
  return countUpserts(returned, goals.length);
}

export interface ReferenceData {
  boundary: CityBoundary;
  districts: DistrictRecord[];
  facts: IntegrationskonzeptFacts;
  organisations: RealOrganisationRecord[];
}

export function loadReferenceData(): ReferenceData {
  return {
    boundary: loadCityBoundary(),
    districts: loadDistricts(),
    facts: loadIntegrationskonzept(),
    organisations: loadRealOrganisationRecords(),
  };
}

/**
 * Taxonomies and terms, the city and its 18 districts, the published district populations, the real
 * Netzwerk Migration and the guiding goals named for the 2022 concept process: upserted by natural key in one transaction; a second run changes nothing.
 */
export async function seedReference(ds: DataSource, data: ReferenceData = loadReferenceData()): Promise<ReferenceSummary> {
  const city = buildCityArea(data.boundary);
  const districts = buildDistrictAreas(data.districts);
  const statistics = buildDistrictStatistics(data.districts);
  const network = buildNetwork(data.facts, findNetworkCsvRow(data.organisations));
  const guidingGoals = buildGuidingGoals(data.facts);
  return inTransaction(ds, async (sql) => {
    const taxonomies = await upsertTaxonomies(sql, TAXONOMIES);
    const terms = await upsertTerms(sql, buildTermRows());
    const cityCounts = await upsertAreas(sql, [city], null, true);
    const [cityRow] = await sql.query<{ id: string }>(`SELECT id FROM area WHERE code = $1`, [CITY_CODE]);
    const districtCounts = await upsertAreas(sql, districts, cityRow.id, false);
    return {
      taxonomies,
      terms,
      areas: {
        inserted: cityCounts.inserted + districtCounts.inserted,
        updated: cityCounts.updated + districtCounts.updated,
        unchanged: cityCounts.unchanged + districtCounts.unchanged,
      },
      statistics: await upsertStatistics(sql, statistics),
      network: await upsertNetwork(sql, network),
      guidingGoals: await insertGuidingGoals(sql, guidingGoals),
    };
  });
}
