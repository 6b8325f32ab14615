/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF, newlines inside quotes) with a
 * choosable separator. `parseCsv` is lenient (the seed's own data files); `parseCsvTable` with `strict`
 * rejects what a spreadsheet program would never write and says where (record row, column, line).
 */

export interface CsvOptions {
  /** Field separator (default ","). */
  separator?: string;
  /** Reject a quote inside an unquoted field and text after a closing quote. */
  strict?: boolean;
}

/** One record with its place in the file: `row` counts records (the header is row 1), `line` physical lines. */
export interface CsvRecord {
  cells: string[];
  row: number;
  line: number;
}

/** A quoting error, with where it happened. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly row: number,
    readonly column: number,
    readonly line: number,
  ) {
    super(`CSV: ${problem} (row ${row}, column ${column}, line ${line})`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV into records (blank lines are left out but counted). Slices whole fields rather than adding characters. */
export function parseCsvTable(text: string, options: CsvOptions = {}): CsvRecord[] {
  const sep = options.separator ?? ',';
  const sepCode = sep.charCodeAt(0);
  const strict = options.strict ?? false;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // drop a byte-order mark
  const n = input.length;
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const fail = (problem: string, at = line): never => {
    throw new CsvSyntaxError(problem, records.length + 1, row.length + 1, at);
  };
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (input.charCodeAt(k) === 10) line++;
  };
  if (n === 0) return [];
  for (;;) {
    // one field, starting at i
    let field: string;
    if (input.charCodeAt(i) === 34) {
      const quoteLine = line;
      let j = i + 1;
      field = '';
      for (;;) {
        const k = input.indexOf('"', j);
        if (k < 0) fail('a quoted field is never closed (missing closing quote)', quoteLine);
        countLines(j, k);
        field += input.slice(j, k);
        if (input.charCodeAt(k + 1) === 34) {
          field += '"';
          j = k + 2;
          continue;
        }
        i = k + 1;
        break;
      }
      // after the closing quote: only a separator or the end of the record
      let k = i;
      while (k < n) {
        const c = input.charCodeAt(k);
        if (c === sepCode || c === 10 || c === 13) break;
        k++;
      }
      if (k > i) {
        if (strict) fail(`text after the closing quote of a quoted field ("${input.slice(i, Math.min(k, i + 20))}")`);
        field += input.slice(i, k);
      }
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = input.charCodeAt(k);
        if (c === sepCode || c === 10 || c === 13) break;
        if (c === 34 && strict)
          fail('a quote inside an unquoted field: a field with quotes must be enclosed in quotes, its quotes doubled');
        k++;
      }
      field = input.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) {
      records.push({ cells: row, row: records.length + 1, line: recordLine });
      break;
    }
    const c = input.charCodeAt(i);
    if (c === sepCode) {
      i++;
      continue;
    }
    // end of record (CR, LF or CRLF)
    records.push({ cells: row, row: records.length + 1, line: recordLine });
    row = [];
    i += c === 13 && input.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    recordLine = line;
    if (i >= n) break;
  }
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

/** Parses CSV into rows of fields (lenient; blank lines dropped). */
export function parseCsv(text: string): string[][] {
  try {
    return parseCsvTable(text).map((r) => r.cells);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new Error('CSV: unterminated quoted field');
    throw error;
  }
}

/** Parses CSV with a header row into records keyed by column name; every row must have the header's width. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells, index) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV: row ${index + 2} has ${cells.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, col) => [name, cells[col]]));
  });
}
