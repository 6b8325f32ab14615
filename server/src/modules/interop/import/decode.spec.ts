import { assertJsonDepth, decodeBase64, decodeText, decodeWindows1252, detectSeparator } from './decode';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFGöttingen', 'utf8'))).toEqual({ text: 'Göttingen', encoding: 'utf-8 (BOM)' });
    expect(decodeText(Buffer.from('Göttingen', 'utf8'))).toEqual({ text: 'Göttingen', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Göttingen', 'utf16le')]))).toEqual({
      text: 'Göttingen',
      encoding: 'utf-16le',
    });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (ö = 0xF6, € = 0x80, – = 0x96)', () => {
    expect(decodeText(Buffer.from([0x47, 0xf6, 0x74, 0x74, 0x20, 0x80, 0x20, 0x96]))).toEqual({
      text: 'Gött € –',
      encoding: 'windows-1252',
    });
    expect(decodeWindows1252(Buffer.from([0x84, 0x93, 0x9f]))).toBe('„“Ÿ');
  });

  it('names a ZIP archive instead of reading it as text', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow(/ZIP archive/);
  });
});

describe('detectSeparator', () => {
  it('takes the most frequent separator of the header line, ignoring quoted text', () => {
    expect(detectSeparator('Name;Art;Ort\na,b,c,d,e')).toBe(';');
    expect(detectSeparator('"Name; mit Semikolon",Art,Ort\n')).toBe(',');
    expect(detectSeparator('Name\tArt\n')).toBe('\t');
    expect(detectSeparator('Name\n')).toBe(';');
  });
});

describe('assertJsonDepth', () => {
  it('accepts HSDS-like nesting and rejects a deep bomb with its line', () => {
    expect(() => assertJsonDepth('[{"a": [{"b": "[[[[[["}]}]', 4)).not.toThrow();
    expect(() => assertJsonDepth('\n' + '['.repeat(40) + ']'.repeat(40), 32)).toThrow(/nested more than 32 levels deep \(line 2\)/);
  });
});

describe('decodeBase64', () => {
  it('decodes strict base64 (data URL prefix allowed) and rejects anything else', () => {
    expect(decodeBase64('data:text/csv;base64,R8O2', 'f').toString('utf8')).toBe('Gö');
    expect(() => decodeBase64('R8O2!', 'input.base64')).toThrow(/input.base64 is not valid base64/);
  });
});
