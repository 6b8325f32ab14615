import { createHash } from 'node:crypto';

/**
 * A deterministic UUID (version 5 layout, SHA-1) for HSDS records that have no row of their own
 * here (an address folded into a location, a phone in a JSON list, a language code): the same
 * source always exports with the same id, so exports are stable and round-trip.
 */
export function stableId(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(parts.join('\u001f')).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
