import { AreaKind } from '@partneratlas/shared';
import { AreaImportService } from '../src/modules/areas/area-import.service';
import { createArea, createOrganisation, createTaxonomies } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The language gap by groups, readable grid cell names and the providers list of the what-if mode.
 *
 * Districts (200 m squares on one east–west line, UTM 32N):
 *   A  x = 0      P1 at x = 300 offers ar, de; P2 at x = 600 offers uk → languages in reach of A: ar, de, uk
 *   B  x = 5,000  nothing in reach (a gap), no group statistics
 *   C  x = 9,000  nothing in reach (a gap), group statistics
 * Group statistics (imported): A 2023 ti 999 (older year: ignored); A 2024 language ar 120, language fa 80,
 * nationality SY (language ar, from the data) 50, nationality AF (language ps, from the data) 30; C 2024 language ar 10.
 * Expected language gaps: A fa 80, AF/ps 30 (ar, SY/ar have an offer in reach); B none imported (null);
 * C ar 10 (no offer at all). Summary: 2 districts with groups, 3 groups without an offer, 120 persons.
 */
const COVERAGE = `
  query C($input: CoverageInput!) {
    coverage(input: $input) {
      units { id name languagesInReach languageGaps { groupKind groupCode label language persons year } }
      summary { unitsWithGroupStatistics languageGapGroups languageGapPersons }
    }
  }`;

describe('coverage: language gap by groups, grid cell names, what-if providers', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const place = (dx: number, dy = 0) => utmToLatLng(t.ds, X0 + dx, Y0 + dy);
  const coverage = async (input: Record<string, unknown>) => {
    const res = await t.gql(COVERAGE, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.coverage;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    ids.A = await createSquareArea(t.ds, { name: 'A', code: 'bezirk-a', x: X0, y: Y0, population: 1000 });
    ids.B = await createSquareArea(t.ds, { name: 'B', code: 'bezirk-b', x: X0 + 5000, y: Y0, population: 500 });
    ids.C = await createSquareArea(t.ds, { name: 'C', code: 'bezirk-c', x: X0 + 9000, y: Y0, population: 200 });
    await createOrganisation(t.ds, {
      name: 'Sprachschule P1',
      locations: [await place(300)],
      services: [{ name: 'Deutschkurs', fields: ['sprache'], languages: ['ar', 'de'] }],
    });
    await createOrganisation(t.ds, {
      name: 'Sprachcafé P2',
      locations: [await place(600)],
      services: [{ name: 'Sprachcafé', fields: ['sprache'], languages: ['uk'] }],
    });
    const report = await t.server.app.get(AreaImportService).import({
      groupStatisticsCsv: [
        'area_code,year,group_kind,group_code,group_label,language,persons',
        'bezirk-a,2023,language,ti,Tigrinya,,999',
        'bezirk-a,2024,language,ar,Arabisch,,120',
        'bezirk-a,2024,language,fa,Persisch,,80',
        'bezirk-a,2024,nationality,SY,Syrien,ar,50',
        'bezirk-a,2024,nationality,AF,Afghanistan,ps,30',
        'bezirk-c,2024,language,ar,Arabisch,,10',
      ].join('\n'),
    });
    expect(report).toMatchObject({ committed: true, errors: [], groupStatistics: { inserted: 6 } });
  });
  afterAll(() => t?.close());

  it('lists per district the imported groups (newest year) whose language no provider in reach offers, with the hand-checked totals', async () => {
    const c = await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT' });
    const byName = Object.fromEntries(c.units.map((u: { name: string }) => [u.name, u]));
    expect(byName.A.languagesInReach).toEqual(['ar', 'de', 'uk']);
    expect(byName.A.languageGaps).toEqual([
      { groupKind: 'LANGUAGE', groupCode: 'fa', label: 'Persisch', language: 'fa', persons: 80, year: 2024 },
      { groupKind: 'NATIONALITY', groupCode: 'AF', label: 'Afghanistan', language: 'ps', persons: 30, year: 2024 },
    ]);
    expect(byName.B.languageGaps).toBeNull(); // nothing imported: unknown, not "no gap"
    expect(byName.C.languageGaps).toEqual([
      { groupKind: 'LANGUAGE', groupCode: 'ar', label: 'Arabisch', language: 'ar', persons: 10, year: 2024 },
    ]);
    expect(c.summary).toEqual({ unitsWithGroupStatistics: 2, languageGapGroups: 3, languageGapPersons: 120 });
  });

  it('judges the languages by the providers that count under the filters (language filter uk: only P2 in reach)', async () => {
    const c = await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT', language: 'uk' });
    const a = c.units.find((u: { name: string }) => u.name === 'A');
    expect(a.languagesInReach).toEqual(['uk']);
    expect(a.languageGaps.map((g: { groupCode: string; persons: number }) => [g.groupCode, g.persons])).toEqual([
      ['ar', 120],
      ['fa', 80],
      ['SY', 50],
      ['AF', 30],
    ]);
  });

  it('never spreads district group figures over grid cells: languageGaps is null for every cell', async () => {
    await createSquareArea(t.ds, { name: 'Teststadt', code: 'test-city', kind: AreaKind.CITY, x: X0 + 40_000, y: Y0, size: 1500 });
    const c = await coverage({ fieldOfAction: 'sprache' });
    expect(c.units.length).toBeGreaterThan(5);
    expect(c.units.every((u: { languageGaps: unknown }) => u.languageGaps === null)).toBe(true);
    expect(c.summary).toEqual({ unitsWithGroupStatistics: 0, languageGapGroups: null, languageGapPersons: null });
  });

  it('names grid cells by the nearest district point, then by the imported polygon they lie in, keeping ids and numbers', async () => {
    // two district points (published representative points) west and east of the test city
    await createArea(t.ds, { name: 'Westdorf', code: 'bezirk-west', kind: AreaKind.DISTRICT, point: await place(40_000 - 2000) });
    await createArea(t.ds, { name: 'Ostdorf', code: 'bezirk-ostdorf', kind: AreaKind.DISTRICT, point: await place(40_000 + 2000) });
    // the cells were cut by the previous test; naming runs after the grid changes, the import or a re-run
    await t.ds.query(`UPDATE area SET properties = properties - 'number' WHERE kind = 'GRID_CELL'`);
    const cells = async () =>
      (await t.ds.query(
        `SELECT id, name, (properties->>'number')::int AS n, ST_X(centre_utm) - $1::float8 AS dx FROM area WHERE kind = 'GRID_CELL' ORDER BY id`,
        [X0 + 40_000],
      )) as { id: string; name: string; n: number; dx: number }[];
    await coverage({ fieldOfAction: 'sprache' });
    const before = await cells();
    expect(new Set(before.map((c) => c.n)).size).toBe(before.length); // unique numbers 1..n
    expect(Math.max(...before.map((c) => c.n))).toBe(before.length);
    for (const c of before) {
      if (Math.abs(c.dx) < 1) continue; // equidistant: tie broken by code
      expect(c.name).toBe(`Rasterzelle ${c.n} bei ${c.dx < 0 ? 'Westdorf' : 'Ostdorf'}`);
    }

    // an official polygon for Westdorf covering the western half of the city: those cells lie *in* Westdorf now
    const ring = await Promise.all(
      [
        [-800, -800],
        [0, -800],
        [0, 800],
        [-800, 800],
        [-800, -800],
      ].map(async ([dx, dy]) => {
        const p = await place(40_000 + dx, dy);
        return [p.lng, p.lat];
      }),
    );
    const report = await t.server.app.get(AreaImportService).import({
      districts: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { code: 'bezirk-west' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
      },
    });
    expect(report).toMatchObject({ committed: true, errors: [] });
    const after = await cells();
    expect(after.map((c) => [c.id, c.n])).toEqual(before.map((c) => [c.id, c.n])); // ids and numbers kept
    for (const c of after) {
      if (c.dx < -1) expect(c.name).toBe(`Rasterzelle ${c.n} in Westdorf`);
      if (c.dx > 1) expect(c.name).toBe(`Rasterzelle ${c.n} bei Ostdorf`);
    }
  });

  it('lists the hypothetical provider among the providers in reach of a unit in what-if mode, nearest first', async () => {
    const query = `query P($input: CoverageInput!, $unitId: ID!, $whatIf: CoverageHypotheticalPoint) {
      coverageProviders(input: $input, unitId: $unitId, whatIf: $whatIf) { hypothetical organisationName distanceMeters weight } }`;
    const input = { fieldOfAction: 'sprache', unit: 'DISTRICT' };
    const res = await t.gql(query, { input, unitId: ids.A, whatIf: await place(100) });
    expect(res.errors).toBeUndefined();
    const list = res.data!.coverageProviders;
    expect(list.map((p: { hypothetical: boolean; organisationName: string | null }) => [p.hypothetical, p.organisationName])).toEqual([
      [true, null],
      [false, 'Sprachschule P1'],
      [false, 'Sprachcafé P2'],
    ]);
    expect(list[0].distanceMeters).toBeCloseTo(100, 3);
    expect(list[0].weight).toBe(1);
    // out of reach (B lies 5 km away): not listed; without whatIf: only the real providers
    const far = await t.gql(query, { input, unitId: ids.B, whatIf: await place(100) });
    expect(far.data!.coverageProviders).toEqual([]);
    const plain = await t.gql(query, { input, unitId: ids.A });
    expect(plain.data!.coverageProviders.every((p: { hypothetical: boolean }) => !p.hypothetical)).toBe(true);
  });
});
