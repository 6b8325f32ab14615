import { foldForSearch } from './text';
import { pointInGeometry } from './geojson';
import { isIso6391, unknownLanguageCodes } from './languages';
import { ALL_TERMS, FIELD_OF_ACTION_TERMS } from './taxonomies';

describe('foldForSearch', () => {
  it('folds case, hyphens, umlauts and ß to one key', () => {
    expect(foldForSearch('Migrations-Zentrum')).toBe('migrationszentrum');
    expect(foldForSearch('MIGRATIONSZENTRUM')).toBe('migrationszentrum');
    expect(foldForSearch('Göttingen')).toBe('gottingen');
    expect(foldForSearch('Straße')).toBe('strasse');
  });
});

describe('pointInGeometry', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ] as [number, number][][],
  };
  it('is true inside, false outside and false in a hole', () => {
    expect(pointInGeometry(1, 1, square)).toBe(true);
    expect(pointInGeometry(11, 1, square)).toBe(false);
    expect(pointInGeometry(5, 5, square)).toBe(false);
  });
});

describe('languages', () => {
  it('knows ISO 639-1 codes and reports unknown ones', () => {
    expect(isIso6391('ar')).toBe(true);
    expect(isIso6391('xx')).toBe(false);
    expect(unknownLanguageCodes(['de', 'qq', 'tr'])).toEqual(['qq']);
  });
});

describe('taxonomies', () => {
  it('has unique codes and parents that exist', () => {
    const codes = ALL_TERMS.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const term of ALL_TERMS) if (term.parentCode) expect(codes).toContain(term.parentCode);
  });
  it('marks exactly the two city-wide fields of the motion as not spatial', () => {
    expect(FIELD_OF_ACTION_TERMS.filter((t) => !t.spatial).map((t) => t.code)).toEqual(['interkulturelle-oeffnung', 'personalwirtschaft']);
  });
});
