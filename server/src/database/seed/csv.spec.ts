import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n"x, y","say ""hi""","line1\nline2"\r\nplain,,end\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['plain', '', 'end'],
    ]);
  });

  it('keeps a last row without a trailing newline and drops blank lines', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });
});

describe('parseCsvRecords', () => {
  it('maps rows to header names and rejects rows of the wrong width', () => {
    expect(parseCsvRecords('name,n\nA,1\n')).toEqual([{ name: 'A', n: '1' }]);
    expect(() => parseCsvRecords('name,n\nA\n')).toThrow(/row 2 has 1 fields/);
  });
});
