import { classOf, colourClasses } from './palette';
import { toCsv } from './csv';

describe('coverage palette', () => {
  it('splits 0…max into five viridis classes and leaves gaps and unknown values unclassed', () => {
    const classes = colourClasses(10);
    expect(classes.map((c) => c.to)).toEqual([2, 4, 6, 8, 10]);
    expect(classOf(0, classes)).toBeNull();
    expect(classOf(null, classes)).toBeNull();
    expect(classOf(2, classes)?.index).toBe(0);
    expect(classOf(2.1, classes)?.index).toBe(1);
    expect(classOf(10, classes)?.colour).toBe('#fde725');
    expect(colourClasses(0)).toEqual([]);
  });

  it('writes CSV with quoting and a byte-order mark', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        [1, null],
      ]),
    ).toBe('\ufeffa,"b,c"\r\n1,\r\n');
  });
});
