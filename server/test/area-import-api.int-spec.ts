import { AreaKind, UserRole } from '@partneratlas/shared';
import { createArea, createTaxonomies, createUser } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createTestApp, TestApp, TestSession } from './support/test-app';

/**
 * The area import through GraphQL (`importAreas`): administrators only, dry run without writing, all or nothing,
 * bad geometry named, unknown codes reported, group statistics with their language from the data, and one
 * `area_import_record` per applied import (who imported what when).
 */
const IMPORT = `
  mutation Import($input: ImportAreasInput!) {
    importAreas(input: $input) {
      dryRun committed srid
      districtsUpdated { code name matchedBy repaired }
      statistics { inserted updated }
      groupStatistics { inserted updated }
      unknownCodes
      warnings { item message }
      errors { item message }
    }
  }`;

const GROUPS_CSV = [
  'area_code,year,group_kind,group_code,group_label,language,persons',
  'bezirk-nord,2024,language,ar,Arabisch,,120',
  'bezirk-nord,2024,nationality,SY,Syrien,ar,80',
  'bezirk-nord,2024,nationality,AF,Afghanistan,fa,45',
  'niemandsland,2024,language,uk,Ukrainisch,,7',
].join('\n');

describe('area import through the API (importAreas)', () => {
  let t: TestApp;
  let admin: TestSession;
  let coordinator: TestSession;

  const square = async (x: number, y: number, h: number) =>
    Promise.all(
      [
        [x - h, y - h],
        [x + h, y - h],
        [x + h, y + h],
        [x - h, y + h],
        [x - h, y - h],
      ].map(async ([px, py]) => {
        const p = await utmToLatLng(t.ds, px, py);
        return [p.lng, p.lat];
      }),
    );
  const fingerprint = async () => {
    const [r] = await t.ds.query(
      `SELECT (SELECT md5(string_agg(code || coalesce(ST_AsText(geom), '') || name || version, ',' ORDER BY code)) FROM area) AS areas,
              (SELECT count(*)::int FROM area_statistic) AS stats,
              (SELECT count(*)::int FROM area_group_statistic) AS groups,
              (SELECT count(*)::int FROM area_import_record) AS records`,
    );
    return r;
  };
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (properties: Record<string, unknown>, coordinates: unknown) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates },
  });

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    await createSquareArea(t.ds, { name: 'Stadt', code: 'test-city', kind: AreaKind.CITY, x: X0, y: Y0, size: 6000 });
    await createArea(t.ds, { name: 'Nordstadt', code: 'bezirk-nord', kind: AreaKind.DISTRICT });
    await createArea(t.ds, { name: 'Oststadt', code: 'bezirk-ost', kind: AreaKind.DISTRICT });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN, displayName: 'Ada Admin' });
    await createUser(t.ds, { email: 'coordinator@example.org', role: UserRole.COORDINATOR });
    admin = await t.login('admin@example.org');
    coordinator = await t.login('coordinator@example.org');
  });
  afterAll(() => t?.close());

  it('refuses everyone but administrators (anonymous: UNAUTHENTICATED, coordinator: FORBIDDEN) and writes nothing', async () => {
    const before = await fingerprint();
    const input = { dryRun: false, statisticsCsv: 'area_code,year,population\nbezirk-nord,2024,1000\n' };
    const anonymous = await t.gql(IMPORT, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const staff = await coordinator.gql(IMPORT, { input });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const records = await coordinator.gql(`{ areaImportRecords { id } }`);
    expect(records.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toEqual(before);
  });

  it('reports a dry run in full (repair warning, unknown codes, group rows) and leaves the database unchanged', async () => {
    const before = await fingerprint();
    const a = await utmToLatLng(t.ds, X0 + 1200, Y0 - 300);
    const b = await utmToLatLng(t.ds, X0 + 1800, Y0 + 300);
    const c = await utmToLatLng(t.ds, X0 + 1800, Y0 - 300);
    const d = await utmToLatLng(t.ds, X0 + 1200, Y0 + 300);
    const selfIntersecting = [
      [
        [a.lng, a.lat],
        [b.lng, b.lat],
        [c.lng, c.lat],
        [d.lng, d.lat],
        [a.lng, a.lat],
      ],
    ];
    const res = await admin.gql(IMPORT, {
      input: {
        dryRun: true,
        districtsGeoJson: collection(
          feature({ code: 'bezirk-nord' }, [await square(X0, Y0, 400)]),
          feature({ code: 'bezirk-ost' }, selfIntersecting),
          feature({ code: 'bezirk-unbekannt' }, [await square(X0, Y0 + 2000, 100)]),
        ),
        districtsFileName: 'bezirke.geojson',
        statisticsCsv: 'area_code,year,population,foreign_nationals,migration_background\nbezirk-nord,2024,1200,300,\nnirgendwo,2024,5,,\n',
        groupStatisticsCsv: GROUPS_CSV,
      },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.importAreas;
    expect(r).toMatchObject({
      dryRun: true,
      committed: false,
      srid: 4326,
      errors: [],
      statistics: { inserted: 1, updated: 0 },
      groupStatistics: { inserted: 3, updated: 0 },
      unknownCodes: ['bezirk-unbekannt', 'nirgendwo', 'niemandsland'],
    });
    expect(r.districtsUpdated).toEqual([
      { code: 'bezirk-nord', name: 'Nordstadt', matchedBy: 'CODE', repaired: false },
      { code: 'bezirk-ost', name: 'Oststadt', matchedBy: 'CODE', repaired: true },
    ]);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        { item: 'feature 2 (code bezirk-ost)', message: expect.stringMatching(/Self-intersection.*repaired with ST_MakeValid/) },
        { item: 'feature 3 (code bezirk-unbekannt)', message: expect.stringContaining('matches no district') },
        { item: 'group statistics line 5', message: expect.stringContaining('"niemandsland" matches nothing') },
      ]),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('rejects a geometry that cannot be repaired naming the feature, and writes none of the valid ones either', async () => {
    const before = await fingerprint();
    const p = await utmToLatLng(t.ds, X0, Y0);
    const q = await utmToLatLng(t.ds, X0 + 100, Y0);
    const res = await admin.gql(IMPORT, {
      input: {
        dryRun: false,
        districtsGeoJson: collection(
          feature({ code: 'bezirk-nord' }, [await square(X0, Y0, 400)]),
          // a "polygon" whose corners lie on one line: ST_MakeValid makes a line of it, no polygon
          feature({ code: 'bezirk-ost' }, [
            [
              [p.lng, p.lat],
              [q.lng, q.lat],
              [p.lng, p.lat],
              [p.lng, p.lat],
            ],
          ]),
        ),
        statisticsCsv: 'area_code,year,population\nbezirk-nord,2024,1200\n',
      },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.importAreas;
    expect(r.committed).toBe(false);
    expect(r.errors).toEqual([{ item: 'feature 2 (code bezirk-ost)', message: expect.stringMatching(/cannot be repaired|unreadable/) }]);
    expect(await fingerprint()).toEqual(before);
  });

  it('names the group-statistics lines that break the rules (nationality without its language, unknown kind) and writes nothing', async () => {
    const before = await fingerprint();
    const res = await admin.gql(IMPORT, {
      input: {
        dryRun: false,
        groupStatisticsCsv: [
          'area_code,year,group_kind,group_code,group_label,language,persons',
          'bezirk-nord,2024,language,ar,Arabisch,,120',
          'bezirk-nord,2024,nationality,SY,Syrien,,80',
          'bezirk-nord,2024,religion,x,X,de,3',
          'bezirk-nord,2024,language,arabisch,Arabisch,,4',
        ].join('\n'),
      },
    });
    const r = res.data!.importAreas;
    expect(r.committed).toBe(false);
    expect(r.errors).toEqual([
      { item: 'group statistics line 3', message: expect.stringContaining('needs its language (ISO 639-1) from the data') },
      { item: 'group statistics line 4', message: expect.stringContaining('group_kind must be "language" or "nationality"') },
      { item: 'group statistics line 5', message: expect.stringContaining('must be ISO 639-1') },
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('reports a file that is not JSON as an error of the districts', async () => {
    const res = await admin.gql(IMPORT, { input: { dryRun: true, districtsGeoJson: '{ kein json' } });
    expect(res.data!.importAreas.errors).toEqual([{ item: 'districts', message: expect.stringContaining('not valid JSON') }]);
  });

  it('refuses an empty request with BAD_USER_INPUT', async () => {
    const res = await admin.gql(IMPORT, { input: { dryRun: true } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('applies the import, renames the grid cells after the new districts and records who imported what', async () => {
    const res = await admin.gql(IMPORT, {
      input: {
        dryRun: false,
        districtsGeoJson: collection(feature({ code: 'bezirk-nord' }, [await square(X0, Y0, 400)])),
        districtsFileName: 'bezirke.geojson',
        statisticsCsv: 'area_code,year,population\nbezirk-nord,2024,1200\n',
        statisticsFileName: 'einwohner.csv',
        groupStatisticsCsv: GROUPS_CSV,
        groupStatisticsFileName: 'gruppen.csv',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importAreas).toMatchObject({
      committed: true,
      errors: [],
      statistics: { inserted: 1 },
      groupStatistics: { inserted: 3 },
    });
    const groups = await t.ds.query(
      `SELECT g.group_kind AS kind, g.group_code AS code, g.language, g.persons FROM area_group_statistic g
         JOIN area a ON a.id = g.area_id WHERE a.code = 'bezirk-nord' ORDER BY g.persons DESC`,
    );
    expect(groups).toEqual([
      { kind: 'LANGUAGE', code: 'ar', language: 'ar', persons: 120 },
      { kind: 'NATIONALITY', code: 'SY', language: 'ar', persons: 80 },
      { kind: 'NATIONALITY', code: 'AF', language: 'fa', persons: 45 },
    ]);
    const records = await admin.gql(`{ areaImportRecords { actorLabel fileNames srid summary at } }`);
    expect(records.errors).toBeUndefined();
    expect(records.data!.areaImportRecords).toHaveLength(1);
    expect(records.data!.areaImportRecords[0]).toMatchObject({
      actorLabel: 'Ada Admin <admin@example.org>',
      fileNames: ['bezirke.geojson', 'einwohner.csv', 'gruppen.csv'],
      srid: 4326,
      summary: { districts: ['bezirk-nord'], statistics: { inserted: 1, updated: 0 }, groupStatistics: { inserted: 3, updated: 0 } },
    });

    // the grid (cut on the first coverage request) names cells in the imported polygon after it
    const grid = await t.gql(`{ coverage(input: { fieldOfAction: "sprache" }) { units { id name } } }`);
    expect(grid.errors).toBeUndefined();
    const names: string[] = grid.data!.coverage.units.map((u: { name: string }) => u.name);
    expect(names.some((n) => /^Rasterzelle \d+ in Nordstadt$/.test(n))).toBe(true);
    expect(names.every((n) => /^Rasterzelle \d+( in Nordstadt)?$/.test(n))).toBe(true);
  });
});

describe('area import size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IMPORT_MAX_MB: '1' });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
  });
  afterAll(() => t?.close());

  it('refuses files larger than IMPORT_MAX_MB together with BAD_USER_INPUT naming the limit', async () => {
    const admin = await t.login('admin@example.org');
    const row = 'bezirk-nord,2024,1200\n';
    const csv = 'area_code,year,population\n' + row.repeat(Math.ceil((1.05 * 1024 * 1024) / row.length));
    const res = await admin.gql(IMPORT, { input: { dryRun: true, statisticsCsv: csv } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/the limit is 1 MB/);
  });
});
