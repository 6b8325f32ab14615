import request from 'supertest';
import { AreaKind } from '@partneratlas/shared';
import { createArea, createNetwork, createTaxonomies } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('reference data, health and schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
  });
  afterAll(() => t?.close());

  it('lists the fields of action of the council motion as the default taxonomy, with parents and the city-wide flag', async () => {
    const res = await t.gql(`{ fieldsOfAction(taxonomy: "ratsantrag") { code nameDe nameEn parentCode spatial } }`);
    expect(res.errors).toBeUndefined();
    const list = res.data!.fieldsOfAction;
    expect(list.map((f: any) => f.nameDe)).toEqual(expect.arrayContaining(['Sprache und Sprachkurse', 'Kooperative Migrationsarbeit']));
    expect(list.find((f: any) => f.code === 'beratung-flucht').parentCode).toBe('beratung');
    expect(list.filter((f: any) => !f.spatial).map((f: any) => f.code)).toEqual(['interkulturelle-oeffnung', 'personalwirtschaft']);
  });

  it('lists the four fields of the 2008 concept as a second taxonomy and rejects an unknown taxonomy', async () => {
    const res = await t.gql(`{ fieldsOfAction(taxonomy: "integrationskonzept-2008") { nameDe } }`);
    expect(res.data!.fieldsOfAction.map((f: any) => f.nameDe)).toEqual([
      'Sprache und Bildung',
      'Arbeit und Soziales',
      'Freizeit, Kultur und Religion',
      'Politik und Recht',
    ]);
    const bad = await t.gql(`{ fieldsOfAction(taxonomy: "nope") { code } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists target groups', async () => {
    const res = await t.gql(`{ targetGroups { code nameDe } }`);
    expect(res.data!.targetGroups.length).toBeGreaterThan(5);
  });

  it('returns areas by kind with GeoJSON geometry and an unknown population as null', async () => {
    await createArea(t.ds, { name: 'Bekanntstadt', population: 500, point: { lat: 51.55, lng: 9.93 } });
    await createArea(t.ds, { name: 'Unbekanntstadt', point: null });
    await t.ds.query(
      `INSERT INTO area (kind, name, code, geom) VALUES ('CITY', 'Teststadt', 'test-city',
        ST_Multi(ST_GeomFromText('POLYGON((9.8 51.5, 10 51.5, 10 51.6, 9.8 51.6, 9.8 51.5))', 4326)))`,
    );
    const res = await t.gql(`{ districts: areas(kind: DISTRICT) { name point geometry latestPopulation { population } }
                               city: areas(kind: CITY) { name geometry } }`);
    expect(res.errors).toBeUndefined();
    const d = Object.fromEntries(res.data!.districts.map((a: any) => [a.name, a]));
    expect(d.Bekanntstadt.latestPopulation.population).toBe(500);
    expect(d.Bekanntstadt.point).toEqual({ type: 'Point', coordinates: [9.93, 51.55] });
    expect(d.Unbekanntstadt.latestPopulation).toBeNull();
    expect(d.Unbekanntstadt.geometry).toBeNull();
    expect(res.data!.city[0].geometry.type).toBe('MultiPolygon');
    expect(res.data!.city[0].geometry.coordinates[0][0]).toHaveLength(5);
    expect(AreaKind.DISTRICT).toBe('DISTRICT');
  });

  it('rejects an invalid area geometry in the database', async () => {
    await expect(
      t.ds.query(`INSERT INTO area (kind, name, code, geom) VALUES ('IMPORTED', 'Bowtie', 'bowtie',
        ST_Multi(ST_GeomFromText('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))', 4326)))`),
    ).rejects.toThrow(/CHK_area_geom_valid/);
  });

  it('lists networks with their member counts', async () => {
    await createNetwork(t.ds, 'Netzwerk Liste');
    const res = await t.gql(`{ networks { name memberCount } }`);
    expect(res.data!.networks).toEqual([{ name: 'Netzwerk Liste', memberCount: 0 }]);
  });

  it('answers GET /health with the database and PostGIS versions', async () => {
    const res = await request(t.server.app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database).toMatch(/^PostgreSQL \d+/);
    expect(res.body.postgis).toMatch(/^3\.\d+/);
  });
});
