/** A file's text (UTF-8), through FileReader (works in every browser and in the test DOM). */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('file not readable'));
    reader.readAsText(file, 'utf-8');
  });
}
