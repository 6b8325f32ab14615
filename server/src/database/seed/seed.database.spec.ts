import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ALL_TERMS, TAXONOMIES } from '@partneratlas/shared';
import { createDataSource } from '../data-source';
import { EmbeddedDatabase } from '../embedded/embedded-database';
import { CITY_CODE } from './reference';
import { isDatabaseEmpty, removeDemo, seedDemo, seedRealOrganisations, seedReference } from './seed';

/**
 * The seed against a real database: PostgreSQL + PostGIS when DATABASE_URL is set (a scratch database is
 * created next to it and dropped afterwards), else the embedded PGlite + PostGIS in memory.
 */
interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function openScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const db = await EmbeddedDatabase.start({});
    return { url: db.url, drop: () => db.stop() };
  }
  const name = `pa_seed_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const TABLES = [
  'taxonomy',
  'taxonomy_term',
  'area',
  'area_statistic',
  'network',
  'organization',
  'location',
  'service',
  'service_taxonomy_term',
  'service_at_location',
  'schedule',
  'network_membership',
  'organisation_relationship',
  'guiding_goal',
] as const;

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = (await ds.query(`SELECT count(*)::int AS n FROM "${table}"`)) as { n: number }[];
    counts[table] = row.n;
  }
  return counts;
}

/** Everything the seed writes that must not change on a second run (ids, contents, versions). */
async function fingerprint(ds: DataSource): Promise<string> {
  const rows = (await ds.query(`
    SELECT
      (SELECT md5(string_agg(id::text || name || version::text || coalesce(parent_organisation_id::text, '') || languages::text
                             || coalesce(last_confirmed_at::text, ''), ',' ORDER BY id)) FROM organization) AS orgs,
      (SELECT md5(string_agg(id::text || coalesce(ST_AsText(geom), '') || coalesce(area_id::text, ''), ',' ORDER BY id)) FROM location) AS locations,
      (SELECT md5(string_agg(id::text || name || array_to_string(languages, ' '), ',' ORDER BY id)) FROM service) AS services,
      (SELECT md5(string_agg(service_id::text || term_code, ',' ORDER BY service_id, term_code)) FROM service_taxonomy_term) AS terms,
      (SELECT md5(string_agg(id::text || type::text || coalesce(valid_from::text, ''), ',' ORDER BY id)) FROM organisation_relationship) AS rels,
      (SELECT md5(string_agg(id::text || version::text || coalesce(ST_AsText(point), '') || properties::text, ',' ORDER BY id)) FROM area) AS areas,
      (SELECT md5(string_agg(area_id::text || year || coalesce(population::text, ''), ',' ORDER BY area_id, year)) FROM area_statistic) AS stats
  `)) as Record<string, string>[];
  return JSON.stringify(rows[0]);
}

describe('seed (database)', () => {
  let scratch: ScratchDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    scratch = await openScratchDatabase();
    ds = createDataSource({ url: scratch.url, poolSize: 1 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await scratch?.drop();
  });

  it('reports an unseeded database as empty', async () => {
    expect(await isDatabaseEmpty(ds)).toBe(true);
  });

  it('seeds reference, demo and real organisations twice with identical results', async () => {
    const first = {
      reference: await seedReference(ds),
      demo: await seedDemo(ds),
      real: await seedRealOrganisations(ds),
    };
    const countsAfterFirst = await tableCounts(ds);
    const fingerprintAfterFirst = await fingerprint(ds);

    const second = {
      reference: await seedReference(ds),
      demo: await seedDemo(ds),
      real: await seedRealOrganisations(ds),
    };
    expect(await tableCounts(ds)).toEqual(countsAfterFirst);
    expect(await fingerprint(ds)).toBe(fingerprintAfterFirst);

    expect(first.reference.areas).toEqual({ inserted: 19, updated: 0, unchanged: 0 });
    expect(second.reference).toEqual({
      taxonomies: { inserted: 0, updated: 0, unchanged: TAXONOMIES.length },
      terms: { inserted: 0, updated: 0, unchanged: ALL_TERMS.length },
      areas: { inserted: 0, updated: 0, unchanged: 19 },
      statistics: { inserted: 0, updated: 0, unchanged: 15 },
      network: 'unchanged',
      guidingGoals: { inserted: 0, updated: 0, unchanged: 3 },
    });
    expect(first.reference.guidingGoals).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(first.real).toMatchObject({ inserted: 25, existing: 0, locations: 6 });
    expect(second.real).toMatchObject({ inserted: 0, existing: 25, locations: 0 });
    expect(second.demo.removedStale).toBe(0);

    expect(countsAfterFirst).toMatchObject({
      taxonomy: TAXONOMIES.length,
      taxonomy_term: ALL_TERMS.length,
      area: 19,
      area_statistic: 15,
      network: 1,
      organization: 175,
      location: first.demo.locations + 6,
      service: first.demo.services,
      schedule: first.demo.schedules,
      network_membership: 60,
      organisation_relationship: 200,
      guiding_goal: 3,
    });
    expect(await isDatabaseEmpty(ds)).toBe(false);
  });

  it('stores the real boundary, districts without shapes and populations only where published', async () => {
    const [city] = (await ds.query(
      `SELECT ST_GeometryType(geom) AS type, ST_IsValid(geom) AS valid, attribution, round((ST_Area(geom::geography) / 1e6)::numeric, 1)::float8 AS km2
         FROM area WHERE code = $1`,
      [CITY_CODE],
    )) as { type: string; valid: boolean; attribution: string; km2: number }[];
    expect(city).toMatchObject({ type: 'ST_MultiPolygon', valid: true, attribution: '© GeoBasis-DE / BKG' });
    expect(city.km2).toBeGreaterThan(115);
    expect(city.km2).toBeLessThan(118);

    const [districts] = (await ds.query(`
      SELECT count(*)::int AS n, count(geom)::int AS with_geom, count(point)::int AS with_point,
             count(*) FILTER (WHERE parent_id = (SELECT id FROM area WHERE kind = 'CITY'))::int AS in_city
        FROM area WHERE kind = 'DISTRICT'`)) as { n: number; with_geom: number; with_point: number; in_city: number }[];
    expect(districts).toEqual({ n: 18, with_geom: 0, with_point: 13, in_city: 18 });

    const withoutPopulation = (await ds.query(`
      SELECT a.code FROM area a LEFT JOIN area_statistic s ON s.area_id = a.id
       WHERE a.kind = 'DISTRICT' AND s.id IS NULL ORDER BY a.code`)) as { code: string }[];
    expect(withoutPopulation.map((r) => r.code)).toEqual(['goettingen-innenstadt', 'goettingen-nordstadt', 'goettingen-suedstadt']);
    const [stats] = (await ds.query(
      `SELECT sum(population)::int AS total, count(foreign_nationals)::int AS foreigners, count(migration_background)::int AS migration
         FROM area_statistic`,
    )) as { total: number; foreigners: number; migration: number }[];
    expect(stats).toEqual({ total: 94_522, foreigners: 0, migration: 0 });
  });

  it('keeps every demo location inside the city boundary and real locations without coordinates', async () => {
    const [demo] = (await ds.query(`
      SELECT count(*)::int AS n,
             count(*) FILTER (WHERE NOT ST_Covers((SELECT geom FROM area WHERE kind = 'CITY'), l.geom::geometry))::int AS outside,
             count(*) FILTER (WHERE l.area_id IS NOT NULL AND a.kind <> 'DISTRICT')::int AS wrong_area
        FROM location l JOIN organization o ON o.id = l.organisation_id LEFT JOIN area a ON a.id = l.area_id
       WHERE o.is_demo`)) as { n: number; outside: number; wrong_area: number }[];
    expect(demo.n).toBeGreaterThanOrEqual(150);
    expect(demo).toMatchObject({ outside: 0, wrong_area: 0 });

    const [real] = (await ds.query(`
      SELECT count(*)::int AS n, count(l.geom)::int AS with_geom, count(l.area_id)::int AS with_area
        FROM location l JOIN organization o ON o.id = l.organisation_id WHERE NOT o.is_demo`)) as Record<string, number>[];
    expect(real).toEqual({ n: 6, with_geom: 0, with_area: 0 });
    const [services] = (await ds.query(
      `SELECT count(*)::int AS n FROM service s JOIN organization o ON o.id = s.organisation_id WHERE NOT o.is_demo`,
    )) as { n: number }[];
    expect(services.n).toBe(0);
  });

  it('refreshes the search documents of the seeded organisations', async () => {
    const [row] = (await ds.query(`
      SELECT count(*) FILTER (WHERE cardinality(field_codes) > 0)::int AS with_fields,
             count(*) FILTER (WHERE search_vector IS NOT NULL)::int AS with_vector
        FROM organization WHERE is_demo`)) as { with_fields: number; with_vector: number }[];
    expect(row).toEqual({ with_fields: 150, with_vector: 150 });
  });

  it('keeps an imported district polygon and an edited real organisation on a re-seed', async () => {
    await ds.query(`UPDATE area SET geom = ST_Multi(ST_Buffer(point, 0.001)) WHERE code = 'goettingen-grone'`);
    await ds.query(`UPDATE organization SET description = 'edited', version = version + 1 WHERE name = 'Medinetz Göttingen'`);
    await seedReference(ds);
    await seedRealOrganisations(ds);
    const [grone] = (await ds.query(`SELECT geom IS NOT NULL AS has_geom FROM area WHERE code = 'goettingen-grone'`)) as {
      has_geom: boolean;
    }[];
    const [medinetz] = (await ds.query(`SELECT description FROM organization WHERE name = 'Medinetz Göttingen'`)) as {
      description: string;
    }[];
    expect(grone.has_geom).toBe(true);
    expect(medinetz.description).toBe('edited');
    await ds.query(`UPDATE area SET geom = NULL WHERE code = 'goettingen-grone'`);
  });

  it('removes all demo organisations with everything attached and keeps reference data and real entries', async () => {
    expect(await removeDemo(ds)).toBe(150);
    expect(await removeDemo(ds)).toBe(0);
    const counts = await tableCounts(ds);
    expect(counts).toMatchObject({
      organization: 25,
      location: 6,
      service: 0,
      schedule: 0,
      network_membership: 0,
      organisation_relationship: 0,
      network: 1,
      area: 19,
      area_statistic: 15,
    });
  });
});
