import { fieldIndicators, goalIndicators, IndicatorInputs, subnetwork } from './evaluation-indicators';
import { CoverageColumn, FieldRef, IndicatorKind } from './evaluation.types';

const field = (code: string, spatial = true): FieldRef => ({
  code,
  nameDe: code,
  nameEn: code,
  spatial,
  parentCode: null,
  taxonomyId: 'ratsantrag',
});
const column = (code: string, c: Partial<CoverageColumn>): CoverageColumn => ({
  field: code,
  providerCount: 0,
  unitCount: 0,
  gapUnitCount: 0,
  reachedUnitShare: null,
  knownPopulation: 0,
  populationWithoutReach: 0,
  populationReachedShare: null,
  ...c,
});

function inputs(over: Partial<IndicatorInputs> = {}): IndicatorInputs {
  return {
    fields: new Map([
      ['sprache', field('sprache')],
      ['personal', field('personal', false)],
    ]),
    counts: new Map([['sprache', { field: 'sprache', organisations: 2, services: 3, languages: ['de', 'ar'] }]]),
    districtColumns: new Map([
      ['sprache', column('sprache', { unitCount: 4, gapUnitCount: 1, knownPopulation: 800, populationWithoutReach: 200 })],
    ]),
    gridColumns: new Map([['sprache', column('sprache', { unitCount: 10, gapUnitCount: 4 })]]),
    organisations: [
      { id: 'a', fieldCodes: ['sprache'], confirmedLast12Months: true },
      { id: 'b', fieldCodes: ['sprache'], confirmedLast12Months: false },
      { id: 'c', fieldCodes: ['arbeit'], confirmedLast12Months: true },
      { id: 'd', fieldCodes: [], confirmedLast12Months: false },
    ],
    edges: [
      { source: 'a', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'b', target: 'c' },
    ],
    ...over,
  };
}

describe('indicators of guiding goals', () => {
  it('computes the shares of a place-bound field from the district population (600 of 800) and the grid (6 of 10)', () => {
    const byKind = Object.fromEntries(fieldIndicators('sprache', inputs()).map((i) => [i.kind, i]));
    expect(byKind[IndicatorKind.POPULATION_IN_REACH_SHARE]).toMatchObject({
      value: 0.75,
      numerator: 600,
      denominator: 800,
      basis: 'DISTRICT',
    });
    expect(byKind[IndicatorKind.GRID_IN_REACH_SHARE]).toMatchObject({ value: 0.6, numerator: 6, denominator: 10, basis: 'GRID' });
    expect(byKind[IndicatorKind.PROVIDERS].value).toBe(2);
    expect(byKind[IndicatorKind.SERVICES].value).toBe(3);
    expect(byKind[IndicatorKind.LANGUAGES]).toMatchObject({ value: 2, languages: ['ar', 'de'] });
  });

  it('falls back to grid population, and says "unknown" (null) when no population is known anywhere', () => {
    const grid = new Map([
      ['sprache', column('sprache', { unitCount: 10, gapUnitCount: 4, knownPopulation: 100, populationWithoutReach: 10 })],
    ]);
    const withGrid = fieldIndicators('sprache', inputs({ districtColumns: new Map(), gridColumns: grid }));
    expect(withGrid[0]).toMatchObject({ value: 0.9, basis: 'GRID' });
    const none = fieldIndicators('sprache', inputs({ districtColumns: new Map() }));
    expect(none[0]).toMatchObject({ kind: IndicatorKind.POPULATION_IN_REACH_SHARE, value: null, basis: null });
  });

  it('leaves out coverage shares for city-wide fields and counts 0 for fields nobody offers', () => {
    expect(fieldIndicators('personal', inputs()).map((i) => [i.kind, i.value])).toEqual([
      [IndicatorKind.PROVIDERS, 0],
      [IndicatorKind.SERVICES, 0],
      [IndicatorKind.LANGUAGES, 0],
    ]);
  });

  it('computes density, isolated organisations and freshness over the organisations of the linked fields', () => {
    const goal = Object.fromEntries(
      goalIndicators(['sprache'], inputs())
        .filter((i) => !i.field)
        .map((i) => [i.kind, i]),
    );
    // a and b only; the relationships go to c, outside the set
    expect(goal[IndicatorKind.NETWORK_DENSITY]).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(goal[IndicatorKind.ISOLATED_ORGANISATIONS]).toMatchObject({ value: 2, denominator: 2 });
    expect(goal[IndicatorKind.CONFIRMED_LAST_12_MONTHS_SHARE]).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('uses every organisation for a goal without fields (a–c counted once, b–c; d isolated)', () => {
    const goal = goalIndicators([], inputs());
    expect(goal.map((i) => [i.kind, i.value])).toEqual([
      [IndicatorKind.NETWORK_DENSITY, 2 / 6],
      [IndicatorKind.ISOLATED_ORGANISATIONS, 1],
      [IndicatorKind.CONFIRMED_LAST_12_MONTHS_SHARE, 0.5],
    ]);
    expect(subnetwork(['x'], [])).toEqual({ nodes: 1, edges: 0, density: 0, isolated: 1 });
  });
});
