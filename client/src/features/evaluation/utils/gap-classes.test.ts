import { changeClassOf, gapClasses, gapClassOf } from './gap-classes';

describe('gap map classes', () => {
  it('splits 0…9 gaps into five ranges that cover every count once', () => {
    const classes = gapClasses(9);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
    expect(gapClassOf(7, classes)?.index).toBe(3);
  });

  it('uses fewer classes when there are few fields', () => {
    expect(gapClasses(2).map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(gapClasses(0).map((c) => [c.from, c.to])).toEqual([[0, 0]]);
  });

  it('tells fewer from more gaps, and unknown from unchanged', () => {
    expect(changeClassOf(8, 7)).toBe('fewer');
    expect(changeClassOf(8, 9)).toBe('more');
    expect(changeClassOf(8, 8)).toBe('same');
    expect(changeClassOf(null, 8)).toBe('none');
  });
});
