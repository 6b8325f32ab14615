/** A file's bytes as base64 (the server detects the encoding: UTF-8, Windows-1252 …). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('file not readable'));
    reader.readAsDataURL(file);
  });
}

/** The format a set of files most likely is (the user can change it). */
export function guessFormat(names: string[]): 'HSDS_JSON' | 'HSDS_PACKAGE' | 'CSV' {
  if (names.some((n) => n.toLowerCase() === 'datapackage.json') || names.length > 2) return 'HSDS_PACKAGE';
  if (names.length === 1 && names[0].toLowerCase().endsWith('.json')) return 'HSDS_JSON';
  return 'CSV';
}
