import { AreaKind, PublicationStatus } from '@partneratlas/shared';
import { createOrganisation, createTaxonomies } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Hand-computed E2SFCA (Luo & Qi 2009), default catchment 1,500 m, zones ≤500 / ≤1,000 / ≤1,500 m with
 * weights 1.0 / 0.68 / 0.22. Units are 200 m squares (DISTRICT polygons) on one east–west line; distances
 * are between unit centres and providers in UTM 32N metres.
 *
 *   unit A  x = 0      population 1,000
 *   unit B  x = 850    population   500
 *   unit C  x = 2,000  population   200
 *   unit D  x = 5,000  population unknown (no statistics row)
 *   unit Z  x = 20,000 population   100
 *   P1 (sprache) x = 300, P2 (sprache-integrationskurs, counts for sprache) x = 1,700
 *
 *   distances  A–P1 300 (1.0)  B–P1 550 (0.68)  B–P2 850 (0.68)  C–P2 300 (1.0); A–P2 1,700 and C–P1 1,700 out of reach
 *   step 1     R1 = 1 / (1000·1.0 + 500·0.68) = 1/1340      R2 = 1 / (500·0.68 + 200·1.0) = 1/540
 *   step 2     A = R1·1.0   B = R1·0.68 + R2·0.68   C = R2·1.0   D = Z = 0 (gap)
 */
const R1 = 1 / (1000 * 1.0 + 500 * 0.68);
const R2 = 1 / (500 * 0.68 + 200 * 1.0);
const EXPECTED = { A: R1 * 1.0, B: R1 * 0.68 + R2 * 0.68, C: R2 * 1.0 };

const COVERAGE = `
  query Coverage($input: CoverageInput!) {
    coverage(input: $input) {
      fieldOfAction { code spatial }
      unit catchmentMeters zoneWeights populationKnown providerCount
      units { id code name score providersInReach weightedReach nearestMeters population gap languagesInReach geometry }
      summary { unitCount gapUnitCount gapUnitShare unitsWithPopulation knownPopulation populationWithoutReach
                populationShareWithoutReach gapUnitsWithUnknownPopulation unitsWithoutGeometry }
      cityWide { status providerCount }
    }
  }`;

type Unit = {
  id: string;
  code: string;
  name: string;
  score: number | null;
  providersInReach: number;
  weightedReach: number;
  nearestMeters: number | null;
  population: number | null;
  gap: boolean;
  languagesInReach: string[];
  geometry: { type: string } | null;
};

describe('coverage (E2SFCA through GraphQL)', () => {
  let t: TestApp;
  const unitIds: Record<string, string> = {};

  const place = (dx: number, dy = 0) => utmToLatLng(t.ds, X0 + dx, Y0 + dy);
  const coverage = async (input: Record<string, unknown>) => {
    const res = await t.gql(COVERAGE, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.coverage;
  };
  const byName = (units: Unit[]) => Object.fromEntries(units.map((u) => [u.name, u])) as Record<string, Unit>;

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    unitIds.A = await createSquareArea(t.ds, { name: 'A', x: X0, y: Y0, population: 1000 });
    unitIds.B = await createSquareArea(t.ds, { name: 'B', x: X0 + 850, y: Y0, population: 500 });
    unitIds.C = await createSquareArea(t.ds, { name: 'C', x: X0 + 2000, y: Y0, population: 200 });
    unitIds.D = await createSquareArea(t.ds, { name: 'D', x: X0 + 5000, y: Y0 });
    unitIds.Z = await createSquareArea(t.ds, { name: 'Z', x: X0 + 20_000, y: Y0, population: 100 });
    // a district without a polygon: not analysed, counted
    await t.ds.query(`INSERT INTO area (kind, name, code) VALUES ('DISTRICT', 'Ohne Umriss', 'test-ohne-umriss')`);

    await createOrganisation(t.ds, {
      name: 'Sprachschule P1',
      locations: [await place(300)],
      services: [{ name: 'Deutschkurs', fields: ['sprache'], languages: ['ar', 'de'], targetGroups: ['gefluechtete'] }],
    });
    await createOrganisation(t.ds, {
      name: 'Integrationskurse P2',
      locations: [await place(1700)],
      services: [{ name: 'Integrationskurs', fields: ['sprache-integrationskurs'], languages: ['uk'] }],
    });
    // not visible: a draft organisation and an archived service right next to A
    await createOrganisation(t.ds, {
      name: 'Entwurf',
      status: PublicationStatus.DRAFT,
      locations: [await place(0, 10)],
      services: [{ name: 'Deutsch', fields: ['sprache'] }],
    });
    await createOrganisation(t.ds, {
      name: 'Archiviert',
      locations: [await place(0, 20)],
      services: [{ name: 'Deutsch alt', fields: ['sprache'], status: PublicationStatus.ARCHIVED }],
    });
    // distance zones: providers of "arbeit" east of Z at 499.9, 500.1, 999.9, 1000.1, 1499.9 and 1500.1 m
    for (const d of [499.9, 500.1, 999.9, 1000.1, 1499.9, 1500.1]) {
      await createOrganisation(t.ds, {
        name: `Arbeit ${d}`,
        locations: [await place(20_000 + d)],
        services: [{ name: 'Jobberatung', fields: ['arbeit'] }],
      });
    }
    // a city-wide field with exactly one provider (no location needed)
    await createOrganisation(t.ds, {
      name: 'Interkulturelle Öffnung',
      services: [{ name: 'Schulung', fields: ['interkulturelle-oeffnung'] }],
    });
  });
  afterAll(() => t?.close());

  it('computes the hand-computed E2SFCA scores per district, counting only published services', async () => {
    const c = await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT' });
    expect(c).toMatchObject({ unit: 'DISTRICT', catchmentMeters: 1500, zoneWeights: [1, 0.68, 0.22], providerCount: 2 });
    const u = byName(c.units);
    expect(Object.keys(u).sort()).toEqual(['A', 'B', 'C', 'D', 'Z']);
    expect(u.A.score).toBeCloseTo(EXPECTED.A, 12);
    expect(u.B.score).toBeCloseTo(EXPECTED.B, 12);
    expect(u.C.score).toBeCloseTo(EXPECTED.C, 12);
    expect(u.A).toMatchObject({ providersInReach: 1, gap: false, population: 1000, languagesInReach: ['ar', 'de'] });
    expect(u.B).toMatchObject({ providersInReach: 2, gap: false, languagesInReach: ['ar', 'de', 'uk'] });
    expect(u.A.weightedReach).toBeCloseTo(1.0, 9);
    expect(u.B.weightedReach).toBeCloseTo(1.36, 9);
    expect(u.A.nearestMeters).toBeCloseTo(300, 3);
    expect(u.B.nearestMeters).toBeCloseTo(550, 3);
    expect(u.A.geometry?.type).toBe('MultiPolygon');
  });

  it('reports gaps with score 0, the distance to the nearest provider beyond the catchment and unknown population as null', async () => {
    const c = await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT' });
    const u = byName(c.units);
    expect(u.D).toMatchObject({ gap: true, score: 0, providersInReach: 0, population: null, weightedReach: 0, languagesInReach: [] });
    expect(u.D.nearestMeters).toBeCloseTo(3300, 3);
    expect(u.Z).toMatchObject({ gap: true, score: 0, population: 100 });
    expect(c.populationKnown).toBe(false);
    expect(c.summary).toEqual({
      unitCount: 5,
      gapUnitCount: 2,
      gapUnitShare: 0.4,
      unitsWithPopulation: 4,
      knownPopulation: 1800,
      populationWithoutReach: 100,
      populationShareWithoutReach: 100 / 1800,
      gapUnitsWithUnknownPopulation: 1,
      unitsWithoutGeometry: 1,
    });
  });

  it('weights the distance zones with inclusive upper bounds and nothing beyond the catchment', async () => {
    const z = byName((await coverage({ fieldOfAction: 'arbeit', unit: 'DISTRICT' })).units).Z;
    // 499.9 → 1.0; 500.1, 999.9 → 0.68; 1000.1, 1499.9 → 0.22; 1500.1 out of reach
    expect(z.providersInReach).toBe(5);
    expect(z.weightedReach).toBeCloseTo(1 + 0.68 * 2 + 0.22 * 2, 9);
    expect(z.score).toBeCloseTo(1 / (100 * 1) + 0.68 / (100 * 0.68) + 0.68 / (100 * 0.68) + (0.22 / (100 * 0.22)) * 2, 9);

    // catchment 1,000 m: zones ≤333.3 / ≤666.7 / ≤1,000 m, custom weights
    const small = byName(
      (await coverage({ fieldOfAction: 'arbeit', unit: 'DISTRICT', catchmentMeters: 1000, zoneWeights: [0.9, 0.5, 0.1] })).units,
    ).Z;
    expect(small.providersInReach).toBe(3);
    expect(small.weightedReach).toBeCloseTo(0.5 + 0.5 + 0.1, 9);
  });

  it('leaves scores unknown where a unit in a provider’s catchment has no known population, instead of guessing', async () => {
    const e = await createSquareArea(t.ds, { name: 'E', x: X0 + 1900, y: Y0 + 400 }); // 447 m from P2, 1,649 m from P1; population unknown
    try {
      const u = byName((await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT' })).units);
      expect(u.A.score).toBeCloseTo(EXPECTED.A, 12); // P1's catchment has only known populations
      expect(u.B.score).toBeNull(); // depends on R2, whose demand is unknown
      expect(u.C.score).toBeNull();
      expect(u.E).toMatchObject({ score: null, population: null, providersInReach: 1, gap: false });
      expect(u.C.providersInReach).toBe(1); // the plain reach is still reported
    } finally {
      await t.ds.query(`DELETE FROM area WHERE id = $1`, [e]);
    }
  });

  it('filters providers by target group and by language', async () => {
    const refugees = byName((await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT', targetGroup: 'gefluechtete' })).units);
    expect(refugees.A.providersInReach).toBe(1);
    expect(refugees.C.gap).toBe(true);
    // only P2 offers Ukrainian: with P1 gone, R2 = 1/540 and A is a gap
    const uk = byName((await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT', language: 'uk' })).units);
    expect(uk.A.gap).toBe(true);
    expect(uk.C.score).toBeCloseTo(1 / 540, 12);
    expect(uk.B.score).toBeCloseTo(0.68 / 540, 12);
  });

  it('adds a hypothetical provider without saving it and reports the units and people newly in reach', async () => {
    const at = await place(20_000);
    const res = await t.gql(
      `query W($input: CoverageWhatIfInput!) { coverageWhatIf(input: $input) {
         unitsNewlyInReach populationNewlyInReach unitsNewlyInReachWithUnknownPopulation
         before { gapUnitCount populationWithoutReach }
         coverage { providerCount summary { gapUnitCount populationWithoutReach } units { name score gap } }
         changedUnits { name newlyInReach scoreBefore scoreAfter providersBefore providersAfter population } } }`,
      { input: { fieldOfAction: 'sprache', unit: 'DISTRICT', ...at } },
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.coverageWhatIf;
    expect(w).toMatchObject({
      unitsNewlyInReach: 1,
      populationNewlyInReach: 100,
      unitsNewlyInReachWithUnknownPopulation: 0,
      before: { gapUnitCount: 2, populationWithoutReach: 100 },
      coverage: { providerCount: 3, summary: { gapUnitCount: 1, populationWithoutReach: 0 } },
    });
    expect(w.changedUnits).toEqual([
      { name: 'Z', newlyInReach: true, scoreBefore: 0, scoreAfter: 0.01, providersBefore: 0, providersAfter: 1, population: 100 },
    ]);
    // nothing was saved
    expect(byName((await coverage({ fieldOfAction: 'sprache', unit: 'DISTRICT' })).units).Z.gap).toBe(true);
  });

  it('reports city-wide fields as covered / thin / uncovered instead of mapping them', async () => {
    const c = await coverage({ fieldOfAction: 'interkulturelle-oeffnung', unit: 'DISTRICT' });
    expect(c).toMatchObject({ fieldOfAction: { spatial: false }, units: [], cityWide: { status: 'THIN', providerCount: 1 } });
    const res = await t.gql(`{ uncoveredFieldsOfAction { fieldOfAction { code spatial } status providerCount } }`);
    const list = res.data!.uncoveredFieldsOfAction as { fieldOfAction: { code: string }; status: string; providerCount: number }[];
    const status = Object.fromEntries(list.map((f) => [f.fieldOfAction.code, f.status]));
    expect(status['interkulturelle-oeffnung']).toBe('THIN');
    expect(status.personalwirtschaft).toBe('UNCOVERED');
    expect(status['sprache-integrationskurs']).toBe('THIN');
    expect(status.sprache).toBeUndefined(); // two organisations: covered
    expect(status.arbeit).toBeUndefined();
  });

  it('ranks gaps by affected known population, then by area, and agrees with the matrix', async () => {
    const res = await t.gql(`{
      coverageGaps(unit: DISTRICT, first: 100) { totalCount nodes { unitName population fieldOfAction { code } } }
      coverageMatrix(unit: DISTRICT) { fields { fieldOfAction { code } summary { gapUnitCount } } rows { name cells { fieldOfAction gap providersInReach } } }
    }`);
    expect(res.errors).toBeUndefined();
    const { coverageGaps: gaps, coverageMatrix: matrix } = res.data!;
    const matrixGaps = matrix.rows.flatMap((r: { name: string; cells: { fieldOfAction: string; gap: boolean }[] }) =>
      r.cells.filter((c) => c.gap).map((c) => `${r.name}:${c.fieldOfAction}`),
    );
    expect(gaps.totalCount).toBe(matrixGaps.length);
    const populations = gaps.nodes.map((g: { population: number | null }) => g.population ?? -1);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(gaps.nodes[0].population).toBe(1000); // A lacks most fields
    const sprache = matrix.fields.find((f: { fieldOfAction: { code: string } }) => f.fieldOfAction.code === 'sprache');
    expect(sprache.summary.gapUnitCount).toBe(2);
    expect(matrix.fields.some((f: { fieldOfAction: { code: string } }) => f.fieldOfAction.code === 'interkulturelle-oeffnung')).toBe(false);
  });

  it('lists the providers in reach of one unit, nearest first', async () => {
    const res = await t.gql(
      `query P($input: CoverageInput!, $unitId: ID!) { coverageProviders(input: $input, unitId: $unitId) { organisationName distanceMeters weight } }`,
      { input: { fieldOfAction: 'sprache', unit: 'DISTRICT' }, unitId: unitIds.B },
    );
    expect(res.errors).toBeUndefined();
    const list = res.data!.coverageProviders;
    expect(list.map((p: { organisationName: string }) => p.organisationName)).toEqual(['Sprachschule P1', 'Integrationskurse P2']);
    expect(list[0].distanceMeters).toBeCloseTo(550, 3);
    expect(list[1].weight).toBe(0.68);
  });

  it.each([
    [{ fieldOfAction: 'gibt-es-nicht' }, /Unknown field of action/],
    [{ fieldOfAction: 'sprache', catchmentMeters: 50 }, /catchmentMeters must be at least 100/],
    [{ fieldOfAction: 'sprache', catchmentMeters: 20_000 }, /catchmentMeters must be at most 10000/],
    [{ fieldOfAction: 'sprache', zoneWeights: [1, 0.5] }, /exactly 3 values/],
    [{ fieldOfAction: 'sprache', zoneWeights: [0.5, 0.8, 0.2] }, /must not increase/],
    [{ fieldOfAction: 'sprache', zoneWeights: [1.5, 0.8, 0.2] }, /greater than 0 and at most 1/],
    [{ fieldOfAction: 'sprache', zoneWeights: [1, 0.5, 0] }, /greater than 0 and at most 1/],
    [{ fieldOfAction: 'sprache', targetGroup: 'niemand' }, /Unknown target group/],
    [{ fieldOfAction: 'sprache', language: 'xx' }, /ISO 639-1/],
  ])('rejects %j with BAD_USER_INPUT', async (input, message) => {
    const res = await t.gql(COVERAGE, { input });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(message);
  });

  it('cuts a hexagonal grid (250 m edge) from the city boundary, idempotently, with unknown population', async () => {
    // a 2 × 2 km square "city" far from the other fixtures
    await createSquareArea(t.ds, { name: 'Teststadt', code: 'test-city', kind: AreaKind.CITY, x: X0 + 50_000, y: Y0, size: 2000 });
    await createOrganisation(t.ds, {
      name: 'Sprachtreff Teststadt',
      locations: [await place(50_000 - 900, -900)],
      services: [{ name: 'Sprachtreff', fields: ['sprache'] }],
    });
    const c = await coverage({ fieldOfAction: 'sprache' });
    expect(c.unit).toBe('GRID');
    expect(c.units.length).toBeGreaterThan(20);
    expect(c.populationKnown).toBe(false);
    expect(c.units.every((u: Unit) => u.population === null)).toBe(true);
    // in reach: plain reach, score unknown; out of reach: gap with score 0
    const reached = c.units.filter((u: Unit) => !u.gap);
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.every((u: Unit) => u.score === null && u.weightedReach > 0)).toBe(true);
    expect(c.units.some((u: Unit) => u.gap && u.score === 0)).toBe(true);

    const [grid] = await t.ds.query(
      `SELECT count(*)::int AS n, sum(ST_Area(ST_Transform(geom, 25832))) AS area, max(ST_Area(ST_Transform(geom, 25832))) AS largest,
              bool_and(ST_IsValid(geom)) AS valid, bool_and(ST_CoveredBy(ST_Transform(geom, 25832), ST_Buffer(
                (SELECT ST_Transform(geom, 25832) FROM area WHERE code = 'test-city'), 0.01))) AS inside
         FROM area WHERE kind = 'GRID_CELL'`,
    );
    expect(grid.n).toBe(c.units.length);
    expect(Number(grid.area)).toBeCloseTo(4_000_000, -1); // clipped cells tile the boundary exactly
    expect(Number(grid.largest)).toBeCloseTo((3 * Math.sqrt(3) * 250 * 250) / 2, -1); // a whole hexagon, edge 250 m
    expect(grid).toMatchObject({ valid: true, inside: true });

    // a second request does not cut the grid again
    const again = await coverage({ fieldOfAction: 'sprache' });
    expect(again.units.map((u: Unit) => u.id)).toEqual(c.units.map((u: Unit) => u.id));
  });
});
