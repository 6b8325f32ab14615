import { BadUserInputException } from '../../../common/exceptions/domain.exception';

/**
 * Bytes → text as spreadsheets write it: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode text"), else
 * Windows-1252 (Excel's "CSV" on German Windows) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new BadUserInputException('The file is a ZIP archive: unpack it and import its files (datapackage.json and the CSV files).');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F of Windows-1252 (the rest is Latin-1); undefined bytes stay as their C1 code points. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 by table: Node's TextDecoder('windows-1252') decodes as Latin-1 (0x80 → U+0080 instead of €,
 * 0x96 → U+0096 instead of –), which would corrupt exactly the characters Excel uses.
 */
export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : latin1;
}

/** The separator of a spreadsheet CSV: the most frequent of `;`, `,` and tab in the header line (ties: `;`). */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/**
 * Rejects JSON nested deeper than `max` before it is parsed: a deeply nested "JSON bomb" would otherwise
 * exhaust the stack of every recursive step after JSON.parse. Linear, no allocation.
 */
export function assertJsonDepth(text: string, max: number): void {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x0a) line++;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        throw new BadUserInputException(`The JSON is nested more than ${max} levels deep (line ${line}); HSDS data never is.`, {
          line,
          maxDepth: max,
        });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (a `data:…;base64,` prefix and line breaks allowed), so that a broken upload is named, not mis-read. */
export function decodeBase64(value: string, what: string): Buffer {
  const body = value.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (body.length % 4 !== 0 || !BASE64.test(body)) throw new BadUserInputException(`${what} is not valid base64`, { field: what });
  return Buffer.from(body, 'base64');
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
