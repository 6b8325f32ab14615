import { CityWideStatus } from './dto/coverage.model';
import { cityWideStatus, summarise, validateZoneWeights } from './coverage.service';
import { InvalidZoneWeightsException } from './coverage.exception';

const unit = (over: Partial<Parameters<typeof summarise>[0][number]>) => ({
  id: 'u',
  code: 'u',
  name: 'u',
  score: 0,
  providersInReach: 0,
  weightedReach: 0,
  nearestMeters: null,
  population: null,
  populationYear: null,
  gap: true,
  areaSquareMeters: 100,
  languagesInReach: [],
  ...over,
});

describe('coverage service helpers', () => {
  it('defaults the zone weights to 1.0 / 0.68 / 0.22 and accepts three non-increasing values in (0, 1]', () => {
    expect(validateZoneWeights(undefined)).toEqual([1, 0.68, 0.22]);
    expect(validateZoneWeights([1, 1, 1])).toEqual([1, 1, 1]);
    expect(validateZoneWeights([0.9, 0.5, 0.1])).toEqual([0.9, 0.5, 0.1]);
  });

  it.each([[[1, 0.5]], [[1, 0.5, 0.2, 0.1]], [[0, 0, 0]], [[1.2, 1, 0.5]], [[0.5, 0.6, 0.1]], [[1, Number.NaN, 0.1]]])(
    'rejects zone weights %j with BAD_USER_INPUT',
    (weights) => {
      expect(() => validateZoneWeights(weights)).toThrow(InvalidZoneWeightsException);
    },
  );

  it('rates a field city-wide: none uncovered, one thin, more covered', () => {
    expect([0, 1, 2].map(cityWideStatus)).toEqual([CityWideStatus.UNCOVERED, CityWideStatus.THIN, CityWideStatus.COVERED]);
  });

  it('summarises gaps and known population without counting unknown population as zero people', () => {
    const s = summarise(
      [
        unit({ population: 100, gap: true }),
        unit({ population: null, gap: true }),
        unit({ population: 300, gap: false, providersInReach: 2, score: 0.01, weightedReach: 1.5 }),
      ],
      2,
    );
    expect(s).toMatchObject({
      unitCount: 3,
      gapUnitCount: 2,
      knownPopulation: 400,
      populationWithoutReach: 100,
      populationShareWithoutReach: 0.25,
      gapUnitsWithUnknownPopulation: 1,
      unitsWithoutGeometry: 2,
      maxScore: 0.01,
      maxWeightedReach: 1.5,
    });
    expect(summarise([unit({})], 0).populationShareWithoutReach).toBeNull();
  });
});
