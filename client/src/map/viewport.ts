/** The map viewport as it lives in the URL: `karte=zoom/lat/lng` (zoom to 2 decimals, degrees to 5). */
export interface Viewport {
  zoom: number;
  lat: number;
  lng: number;
}

export const VIEWPORT_PARAM = 'karte';
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 19;

export function parseViewport(value: string | null): Viewport | null {
  if (!value) return null;
  const parts = value.split('/');
  if (parts.length !== 3) return null;
  const [zoom, lat, lng] = parts.map(Number);
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom: round2(zoom), lat: round5(lat), lng: round5(lng) };
}

export function formatViewport(v: Viewport): string {
  return `${round2(v.zoom)}/${round5(v.lat).toFixed(5)}/${round5(v.lng).toFixed(5)}`;
}

export function sameViewport(a: Viewport | null, b: Viewport | null): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 2e-5 && Math.abs(a.lng - b.lng) < 2e-5;
}

/** Zoom may be fractional (the city is fitted in quarter steps). */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
