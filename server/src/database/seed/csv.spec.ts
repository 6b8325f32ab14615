import { parseCsv, parseCsvRecords, parseCsvTable } from './csv';

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

describe('parseCsvTable (strict, for imports)', () => {
  it('reads semicolon-separated records and tells each record its row and line', () => {
    expect(parseCsvTable('a;b\n"x;\ny";2\n\n3;4', { separator: ';', strict: true })).toEqual([
      { cells: ['a', 'b'], row: 1, line: 1 },
      { cells: ['x;\ny', '2'], row: 2, line: 2 },
      { cells: ['3', '4'], row: 4, line: 5 },
    ]);
  });

  it('rejects a quote inside an unquoted field with row and column', () => {
    expect(() => parseCsvTable('a,b\nok,ab"c\n', { strict: true })).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', row: 2, column: 2, line: 2 }),
    );
  });

  it('rejects text after a closing quote and an unclosed quote (where it was opened)', () => {
    expect(() => parseCsvTable('a,b\n"x"y,1\n', { strict: true })).toThrow(/text after the closing quote.*row 2, column 1/);
    expect(() => parseCsvTable('a,b\n1,2\n3,"open\nmore\n', { strict: true })).toThrow(
      expect.objectContaining({ row: 3, column: 2, line: 3 }),
    );
  });

  it('keeps an empty quoted last field', () => {
    expect(parseCsvTable('a,""', { strict: true }).map((r) => r.cells)).toEqual([['a', '']]);
  });
});
