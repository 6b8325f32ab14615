import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_TERMS, AreaKind, pointInGeometry } from '@partneratlas/shared';
import { SEED_DATA_DIR, loadCityBoundary, loadDistricts, loadIntegrationskonzept, loadRealOrganisationRecords } from './data-files';
import {
  CITY_ATTRIBUTION,
  CITY_CODE,
  NETWORK_NAME,
  buildCityArea,
  buildDistrictAreas,
  buildDistrictStatistics,
  buildGuidingGoals,
  buildNetwork,
  buildTermRows,
  findNetworkCsvRow,
} from './reference';

const districts = loadDistricts();

describe('seed data files', () => {
  it('resolve to the same folder from src and from dist', () => {
    const fromDist = path.resolve(
      __dirname,
      '..',
      '..',
      '..',
      'dist',
      'database',
      'seed',
      '..',
      '..',
      '..',
      'src',
      'database',
      'seed',
      'data',
    );
    expect(fromDist).toBe(SEED_DATA_DIR);
    expect(SEED_DATA_DIR).toBe(path.join(__dirname, 'data'));
    expect(fs.existsSync(path.join(SEED_DATA_DIR, 'ATTRIBUTION.md'))).toBe(true);
  });

  it('contain the 18 Stadtbezirke, 13 of them with a representative point inside the boundary', () => {
    const boundary = loadCityBoundary().geometry;
    expect(districts).toHaveLength(18);
    const withPoint = districts.filter((d) => d.point !== null);
    expect(withPoint).toHaveLength(13);
    for (const d of withPoint) expect(pointInGeometry(d.point!.lon, d.point!.lat, boundary)).toBe(true);
  });
});

describe('buildTermRows', () => {
  it('keeps every shared term, parents before children, numbered within its taxonomy', () => {
    const rows = buildTermRows();
    expect(rows).toHaveLength(ALL_TERMS.length);
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.parentCode) expect(seen.has(row.parentCode)).toBe(true);
      seen.add(row.code);
    }
    const motion = rows
      .filter((r) => r.taxonomyId === 'ratsantrag')
      .map((r) => r.sortOrder)
      .sort((a, b) => a - b);
    expect(motion).toEqual(motion.map((_, i) => i + 1));
    expect(rows.find((r) => r.code === 'sprache')!.sortOrder).toBe(1);
  });
});

describe('buildCityArea', () => {
  it('is Göttingen with the real BKG boundary as a MultiPolygon and no made-up point', () => {
    const city = buildCityArea(loadCityBoundary());
    expect(city).toMatchObject({ kind: AreaKind.CITY, name: 'Göttingen', code: CITY_CODE, attribution: CITY_ATTRIBUTION, point: null });
    expect(CITY_ATTRIBUTION).toBe('© GeoBasis-DE / BKG');
    expect(city.geom?.type).toBe('MultiPolygon');
    expect(city.geom?.coordinates[0][0].length).toBeGreaterThan(200);
    expect(city.source).toMatch(/VG250/);
  });
});

describe('buildDistrictAreas', () => {
  it('creates 18 districts without geometry, with a point only where the data has one', () => {
    const areas = buildDistrictAreas(districts);
    expect(areas).toHaveLength(18);
    for (const area of areas) {
      const record = districts.find((d) => `goettingen-${d.slug}` === area.code)!;
      expect(area.kind).toBe(AreaKind.DISTRICT);
      expect(area.geom).toBeNull();
      expect(area.point).toEqual(record.point);
      expect(area.properties).toMatchObject({
        ortschaft: record.ortschaft,
        hasOrtsrat: record.hasOrtsrat,
        areaKm2: record.areaKm2,
        postcodes: record.postcodes,
        notes: record.notes,
        coordSource: record.coordSource,
      });
      expect(area.attribution).toMatch(/CC BY-SA 4\.0.*GÖSIS/);
    }
    const innenstadt = areas.find((a) => a.code === 'goettingen-innenstadt')!;
    expect(innenstadt.point).toBeNull();
    expect(innenstadt.properties.areaKm2).toBeNull();
  });
});

describe('buildDistrictStatistics', () => {
  it('has a row only for the 15 districts with a published population, never an estimate', () => {
    const rows = buildDistrictStatistics(districts);
    expect(rows).toHaveLength(15);
    const codes = rows.map((r) => r.areaCode);
    for (const missing of ['innenstadt', 'suedstadt', 'nordstadt']) expect(codes).not.toContain(`goettingen-${missing}`);
    for (const row of rows) {
      const record = districts.find((d) => `goettingen-${d.slug}` === row.areaCode)!;
      expect(row.population).toBe(record.population);
      expect(row.referenceDate).toBe(record.populationDate);
      expect(row.year).toBe(Number(record.populationDate!.slice(0, 4)));
      expect(row.source).toMatch(/^https?:\/\//);
      expect(row.definition).toMatch(/wohnberechtigte/);
    }
    expect(rows.find((r) => r.areaCode === 'goettingen-hetjershausen')).toMatchObject({ year: 2021, population: 1234 });
    expect(rows.reduce((sum, r) => sum + r.population, 0)).toBe(94_522);
  });
});

describe('buildNetwork', () => {
  it('describes the real Netzwerk Migration with the facts and sources of the data files', () => {
    const facts = loadIntegrationskonzept();
    const network = buildNetwork(facts, findNetworkCsvRow(loadRealOrganisationRecords()));
    expect(network.name).toBe(NETWORK_NAME);
    expect(network.website).toBe('https://integrationsrat.de/netzwerk-migration/');
    for (const leader of facts.netzwerk_migration.leadership_2018) expect(network.description).toContain(leader);
    for (const source of facts.netzwerk_migration.sources) expect(network.sourceNote).toContain(source);
  });
});

describe('buildGuidingGoals', () => {
  it('carries the three guiding goals named for the 2022 concept process: titles and source only, nothing invented', () => {
    const goals = buildGuidingGoals(loadIntegrationskonzept());
    expect(goals.map((g) => g.title)).toEqual(['Toleranz und Weltoffenheit', 'Gleichstellung', 'Chancengleichheit']);
    expect(goals.map((g) => g.sortOrder)).toEqual([1, 2, 3]);
    for (const g of goals) {
      expect(g).not.toHaveProperty('description');
      expect(g.sourceUrl).toMatch(/^https:\/\/www\.hna\.de\//);
      expect(g.source).toContain('Vielfalt gemeinsam gestalten');
      expect(g.source).toContain('10. Juni 2022');
    }
    // the German attribution restates facts of the data file: the kick-off date and that the final list is not known
    const doc = loadIntegrationskonzept().documents.find((d) => d.leitziele_mentioned)!;
    expect(doc.event).toContain('10 June (2022)');
    expect(doc.notes).toContain('NOT found');
    expect(new Set(goals.map((g) => g.seedKey)).size).toBe(3);
  });
});
