import { AreaKind } from '@partneratlas/shared';
import { AreaImportService } from '../src/modules/areas/area-import.service';
import { createArea, createOrganisation, createTaxonomies } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** A square ring in UTM 32N (for EPSG:25832 input) or its corners converted to WGS84. */
const utmSquare = (x: number, y: number, h: number): number[][][] => [
  [
    [x - h, y - h],
    [x + h, y - h],
    [x + h, y + h],
    [x - h, y + h],
    [x - h, y - h],
  ],
];

describe('area import (district polygons and statistics)', () => {
  let t: TestApp;
  let importer: AreaImportService;
  const fingerprint = async () => {
    const [r] = await t.ds.query(
      `SELECT (SELECT md5(string_agg(code || coalesce(ST_AsText(geom), '') || version, ',' ORDER BY code)) FROM area) AS areas,
              (SELECT md5(coalesce(string_agg(area_id || ':' || year || ':' || coalesce(population::text, '?'), ',' ORDER BY area_id, year), ''))
                 FROM area_statistic) AS stats`,
    );
    return r;
  };
  const wgsRing = async (x: number, y: number, h: number) =>
    Promise.all(utmSquare(x, y, h)[0].map(async ([px, py]) => Object.values(await utmToLatLng(t.ds, px, py)).reverse()));

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    importer = t.server.app.get(AreaImportService);
    await createSquareArea(t.ds, { name: 'Stadt', code: 'test-city', kind: AreaKind.CITY, x: X0 + 1000, y: Y0, size: 6000 });
    await createArea(t.ds, { name: 'Nordstadt', code: 'bezirk-nord', kind: AreaKind.DISTRICT });
    await createArea(t.ds, { name: 'Südstadt', code: 'bezirk-sued', kind: AreaKind.DISTRICT, population: 900 });
    await createArea(t.ds, { name: 'Oststadt', code: 'bezirk-ost', kind: AreaKind.DISTRICT });
  });
  afterAll(() => t?.close());

  it('reports a dry run fully and leaves the database unchanged', async () => {
    const before = await fingerprint();
    const report = await importer.import({
      dryRun: true,
      districts: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'bezirk-nord' },
            geometry: { type: 'Polygon', coordinates: [await wgsRing(X0, Y0, 400)] },
          },
        ],
      },
      statisticsCsv: 'area_code,year,population,foreign_nationals,migration_background\nbezirk-nord,2024,1200,300,\n',
    });
    expect(report).toMatchObject({ dryRun: true, committed: false, errors: [], statistics: { inserted: 1, updated: 0 } });
    expect(report.districtsUpdated).toEqual([{ code: 'bezirk-nord', name: 'Nordstadt', matchedBy: 'code', repaired: false }]);
    expect(await fingerprint()).toEqual(before);
  });

  it('imports EPSG:25832 polygons reprojected, matches by code or name, repairs a self-intersection with a warning and reports unknown codes', async () => {
    const bowtie = [
      [
        [X0 + 1000, Y0 - 400],
        [X0 + 1800, Y0 + 400],
        [X0 + 1800, Y0 - 400],
        [X0 + 1000, Y0 + 400],
        [X0 + 1000, Y0 - 400],
      ],
    ];
    const report = await importer.import({
      districts: {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
        features: [
          { type: 'Feature', properties: { code: 'bezirk-nord' }, geometry: { type: 'Polygon', coordinates: utmSquare(X0, Y0, 400) } },
          { type: 'Feature', properties: { name: 'Südstadt' }, geometry: { type: 'Polygon', coordinates: bowtie } },
          {
            type: 'Feature',
            properties: { code: 'bezirk-gibtsnicht' },
            geometry: { type: 'Polygon', coordinates: utmSquare(X0, Y0 + 2000, 100) },
          },
        ],
      },
      statisticsCsv: 'area_code,year,population,foreign_nationals,migration_background\nbezirk-nord,2024,1200,300,\nnirgendwo,2024,5,,\n',
    });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ committed: true, srid: 25832, unknownCodes: ['bezirk-gibtsnicht', 'nirgendwo'] });
    expect(report.districtsUpdated).toEqual([
      { code: 'bezirk-nord', name: 'Nordstadt', matchedBy: 'code', repaired: false },
      { code: 'bezirk-sued', name: 'Südstadt', matchedBy: 'name', repaired: true },
    ]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        { item: 'feature 2 (Südstadt)', message: expect.stringMatching(/invalid geometry \(Self-intersection.*\) repaired/) },
        { item: 'feature 3 (code bezirk-gibtsnicht)', message: expect.stringContaining('matches no district') },
      ]),
    );
    const rows = await t.ds.query(
      `SELECT a.code, ST_Area(ST_Transform(a.geom, 25832)) AS area, ST_IsValid(a.geom) AS valid, s.population, s.foreign_nationals, s.migration_background
         FROM area a LEFT JOIN area_statistic s ON s.area_id = a.id WHERE a.kind = 'DISTRICT' ORDER BY a.code`,
    );
    const byCode = Object.fromEntries(rows.map((r: { code: string }) => [r.code, r]));
    expect(Number(byCode['bezirk-nord'].area)).toBeCloseTo(640_000, 0);
    expect(byCode['bezirk-nord']).toMatchObject({ population: 1200, foreign_nationals: 300, migration_background: null, valid: true });
    expect(Number(byCode['bezirk-sued'].area)).toBeCloseTo(320_000, 0); // the two triangles of the bow tie
    expect(byCode['bezirk-ost'].area).toBeNull();

    // the districts are now analysis units with their imported population
    await createOrganisation(t.ds, {
      name: 'Kurs',
      locations: [await utmToLatLng(t.ds, X0, Y0)],
      services: [{ name: 'Kurs', fields: ['sprache'] }],
    });
    const res = await t.gql(`{ coverage(input: { fieldOfAction: "sprache", unit: DISTRICT }) {
      units { code population score gap } summary { unitCount unitsWithoutGeometry } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.coverage.summary).toEqual({ unitCount: 2, unitsWithoutGeometry: 1 });
    const nord = res.data!.coverage.units.find((u: { code: string }) => u.code === 'bezirk-nord');
    expect(nord).toMatchObject({ population: 1200, gap: false });
    expect(nord.score).toBeCloseTo(1 / (1200 * 1.0 + 900 * 0.22), 12); // Südstadt's centre lies 1,400 m away
  });

  it('rejects a non-polygon and an unreadable geometry naming the feature, and writes nothing at all', async () => {
    const before = await fingerprint();
    const report = await importer.import({
      districts: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'bezirk-ost' },
            geometry: { type: 'Polygon', coordinates: [await wgsRing(X0 + 3000, Y0, 300)] },
          },
          {
            type: 'Feature',
            properties: { code: 'bezirk-nord' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [9.9, 51.5],
                [9.95, 51.55],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { code: 'bezirk-sued' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [9.9, 51.5],
                  [9.95, 51.55],
                ],
              ],
            },
          },
        ],
      },
    });
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      { item: 'feature 2 (code bezirk-nord)', message: 'geometry must be a Polygon or MultiPolygon, got LineString' },
      { item: 'feature 3 (code bezirk-sued)', message: expect.stringMatching(/unreadable geometry|cannot be repaired/) },
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('rejects projected coordinates declared as WGS84 and bad statistics, all or nothing', async () => {
    const before = await fingerprint();
    const projected = await importer.import({
      districts: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'bezirk-ost' }, geometry: { type: 'Polygon', coordinates: utmSquare(X0, Y0, 100) } },
        ],
      },
    });
    expect(projected.errors).toEqual([{ item: 'feature 1 (code bezirk-ost)', message: expect.stringContaining('use --srid 25832') }]);

    const stats = await importer.import({
      statisticsCsv: 'area_code,year,population\nbezirk-ost,2024,700\nbezirk-nord,2024,viele\n',
    });
    expect(stats.committed).toBe(false);
    expect(stats.errors).toEqual([{ item: 'statistics line 3', message: 'population must be a whole number ≥ 0, got "viele"' }]);
    expect(await fingerprint()).toEqual(before); // bezirk-ost's valid row was not written either
  });
});
