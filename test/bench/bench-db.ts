import { Client } from 'pg';
import { ALL_TERMS, TAXONOMIES } from '@partneratlas/shared';
import { createDataSource } from '../../server/src/database/data-source';

/** The separate benchmark database: BENCH_DATABASE_URL, else partneratlas_bench on DATABASE_URL's server or the local one. */
export function benchDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const u = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = '/partneratlas_bench';
  return u.toString();
}

export async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe benchmark database name: ${name}`);
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export async function migrate(url: string): Promise<void> {
  const ds = createDataSource({ url, poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export async function loadTaxonomies(c: Client): Promise<void> {
  for (const t of TAXONOMIES) {
    await c.query(`INSERT INTO taxonomy (id, kind, name_de, name_en) VALUES ($1,$2,$3,$4)`, [t.id, t.kind, t.nameDe, t.nameEn]);
  }
  let i = 0;
  for (const t of ALL_TERMS) {
    await c.query(
      `INSERT INTO taxonomy_term (code, taxonomy_id, name_de, name_en, parent_code, spatial, sort_order) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [t.code, t.taxonomyId, t.nameDe, t.nameEn, t.parentCode, t.spatial, i++],
    );
  }
}

/**
 * Synthetic directory at scale, generated in SQL (deterministic: setseed). Organisations are
 * spread over the Göttingen bounding box; names and services mix common words so text search
 * has realistic selectivity.
 */
export async function generateDirectory(c: Client, organisations: number, locationsPerOrg: number): Promise<void> {
  await c.query(`SELECT setseed(0.42)`);
  await c.query(
    `INSERT INTO organization (kind, name, description, languages, status, is_demo, verification_status, last_confirmed_at)
     SELECT (enum_range(NULL::organisation_kind))[1 + (i % 6)],
            (ARRAY['Beratungsstelle','Sprachschule','Familienzentrum','Migrationsdienst','Kulturverein','Jugendtreff','Bildungswerk','Frauencafé',
                   'Nachbarschaftshilfe','Elterninitiative'])[1 + (i * 7) % 10] || ' ' ||
            (ARRAY['Nord','Süd','Ost','West','Mitte','am Markt','Leinetal','Hainberg','Weststadt','Grone'])[1 + (i * 3) % 10] || ' ' || i,
            'Synthetische Benchmark-Organisation ' || i || ' mit Angeboten für Zugewanderte.',
            ARRAY['de', (ARRAY['ar','tr','fa','ru','uk','en','fr','ku','ti','pl'])[1 + i % 10]],
            'PUBLISHED', true, 'VERIFIED', DATE '2026-01-01' - (i % 700)
       FROM generate_series(1, $1::int) i`,
    [organisations],
  );
  await c.query(
    `INSERT INTO location (organisation_id, street, postcode, city, geom)
     SELECT o.id, 'Benchweg ' || k, '37073', 'Göttingen',
            ST_SetSRID(ST_MakePoint(9.83 + random() * 0.20, 51.49 + random() * 0.09), 4326)::geography
       FROM organization o, generate_series(1, $1::int) k`,
    [locationsPerOrg],
  );
  await c.query(
    `INSERT INTO service (organisation_id, name, description, languages, attending_access)
     SELECT o.id, s.name, s.name || ' für Neuzugewanderte und Familien', ARRAY[(ARRAY['de','ar','tr','fa','ru','uk','en'])[1 + (abs(hashtext(o.id::text || k)) % 7)]],
            ARRAY['APPOINTMENT']::attending_access[]
       FROM organization o, generate_series(1, 2) k,
            LATERAL (SELECT (ARRAY['Sprachkurs','Migrationsberatung','Bewerbungstraining','Elterncafé','Hausaufgabenhilfe','Integrationskurs',
                                   'Flüchtlingsberatung','Frauentreff','Kinderbetreuung','Dialogforum'])[1 + (abs(hashtext(o.id::text || k)) % 10)] AS name) s`,
  );
  await c.query(
    `INSERT INTO service_taxonomy_term (service_id, term_code)
     SELECT s.id, CASE s.name WHEN 'Sprachkurs' THEN 'sprache' WHEN 'Integrationskurs' THEN 'sprache-integrationskurs'
       WHEN 'Migrationsberatung' THEN 'beratung-migration' WHEN 'Flüchtlingsberatung' THEN 'beratung-flucht'
       WHEN 'Bewerbungstraining' THEN 'arbeit' WHEN 'Elterncafé' THEN 'frauen-familie' WHEN 'Frauentreff' THEN 'frauen-familie'
       WHEN 'Kinderbetreuung' THEN 'fruehkindlich' WHEN 'Hausaufgabenhilfe' THEN 'sozialpaedagogik' ELSE 'dialog' END
       FROM service s
     UNION
     SELECT s.id, (ARRAY['gefluechtete','neuzugewanderte','frauen','familien','kinder','jugendliche'])[1 + abs(hashtext(s.id::text)) % 6] FROM service s`,
  );
  await c.query(
    `INSERT INTO service_at_location (service_id, location_id) SELECT s.id, l.id FROM service s JOIN location l ON l.organisation_id = s.organisation_id`,
  );
  await c.query(`SELECT pa_refresh_organisations(array_agg(id)) FROM organization`);
  await c.query(`VACUUM ANALYZE`);
}
