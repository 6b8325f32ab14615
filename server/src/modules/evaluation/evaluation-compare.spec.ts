import { emptySnapshotData } from '../../../test/support/evaluation';
import { assess, ChangeAssessment, ChangeDirection, compareSnapshots, CoverageCellChangeKind, numberChange } from './evaluation-compare';
import { SnapshotData } from './evaluation.types';

const withDistricts = (rows: [string, number][]): SnapshotData => {
  const data = emptySnapshotData();
  data.coverage.districts = {
    unit: 'DISTRICT',
    unitCount: rows.length,
    unitsWithoutGeometry: 0,
    columns: [
      {
        field: 'sprache',
        providerCount: 1,
        unitCount: rows.length,
        gapUnitCount: 0,
        reachedUnitShare: 1,
        knownPopulation: 0,
        populationWithoutReach: 0,
        populationReachedShare: null,
      },
    ],
    rows: rows.map(([code, providers]) => ({
      unitId: code,
      code,
      name: code,
      population: null,
      cells: [{ providersInReach: providers, gap: providers === 0 }],
    })),
  };
  return data;
};

describe('comparison of snapshots', () => {
  it('gives the direction of a change, and UNKNOWN when one side is unknown', () => {
    expect(numberChange(1, 3)).toEqual({ before: 1, after: 3, delta: 2, direction: ChangeDirection.UP });
    expect(numberChange(0.3, 0.1 + 0.2)).toMatchObject({ delta: 0, direction: ChangeDirection.SAME });
    expect(numberChange(null, 3)).toEqual({ before: null, after: 3, delta: null, direction: ChangeDirection.UNKNOWN });
  });

  it('rates a falling value as better only where lower is better', () => {
    expect(assess(ChangeDirection.DOWN, false)).toBe(ChangeAssessment.BETTER);
    expect(assess(ChangeDirection.DOWN, true)).toBe(ChangeAssessment.WORSE);
    expect(assess(ChangeDirection.SAME, true)).toBe(ChangeAssessment.UNCHANGED);
    expect(assess(ChangeDirection.UNKNOWN, true)).toBe(ChangeAssessment.UNKNOWN);
  });

  it('marks districts that exist in only one snapshot as not comparable', () => {
    const c = compareSnapshots(
      withDistricts([
        ['a', 0],
        ['b', 2],
      ]),
      withDistricts([
        ['a', 1],
        ['c', 1],
      ]),
    );
    expect(c.coverage.districtCells.map((x) => [x.unitCode, x.change])).toEqual([
      ['a', CoverageCellChangeKind.NEWLY_REACHED],
      ['c', CoverageCellChangeKind.NOT_COMPARABLE],
      ['b', CoverageCellChangeKind.NOT_COMPARABLE],
    ]);
  });
});
