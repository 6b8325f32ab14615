/** The partner finder's state in the URL. Pure functions. */

export type FinderMode = 'org' | 'bedarf';

export interface FinderState {
  mode: FinderMode;
  organisationId: string | null;
  fields: string[];
  languages: string[];
  targetGroups: string[];
  point: { lat: number; lng: number } | null;
  radiusMeters: number;
  includeConnected: boolean;
}

export const RADIUS_CHOICES = [500, 1000, 2000, 5000, 10000] as const;
export const DEFAULT_RADIUS = 2000;
/** Languages offered in the form (the most frequent ones in Göttingen's counselling landscape). */
export const COMMON_LANGUAGES = ['ar', 'fa', 'tr', 'uk', 'ru', 'ku', 'ti', 'en', 'fr', 'pl'] as const;

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

export function parseFinderState(p: URLSearchParams): FinderState {
  const lat = Number(p.get('lat'));
  const lng = Number(p.get('lng'));
  const radius = Number(p.get('radius'));
  const hasPoint =
    p.has('lat') && p.has('lng') && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  return {
    mode: p.get('fuer') === 'org' ? 'org' : 'bedarf',
    organisationId: p.get('org') || null,
    fields: list(p.get('felder')),
    languages: list(p.get('sprachen')),
    targetGroups: list(p.get('ziel')),
    point: hasPoint ? { lat, lng } : null,
    radiusMeters: radius > 0 && radius <= 50_000 ? radius : DEFAULT_RADIUS,
    includeConnected: p.get('verbunden') === '1',
  };
}

export function formatFinderState(s: FinderState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('fuer', s.mode);
  if (s.mode === 'org') {
    if (s.organisationId) p.set('org', s.organisationId);
    if (s.includeConnected) p.set('verbunden', '1');
    return p;
  }
  if (s.fields.length) p.set('felder', s.fields.join(','));
  if (s.languages.length) p.set('sprachen', s.languages.join(','));
  if (s.targetGroups.length) p.set('ziel', s.targetGroups.join(','));
  if (s.point) {
    p.set('lat', s.point.lat.toFixed(5));
    p.set('lng', s.point.lng.toFixed(5));
    p.set('radius', String(s.radiusMeters));
  }
  return p;
}

/** The GraphQL input, or null when the form does not say enough yet. */
export function toSuggestionInput(s: FinderState) {
  if (s.mode === 'org') return s.organisationId ? { organisationId: s.organisationId, includeConnected: s.includeConnected } : null;
  if (!s.fields.length && !s.languages.length && !s.targetGroups.length && !s.point) return null;
  return {
    need: {
      ...(s.fields.length ? { fieldsOfAction: s.fields } : {}),
      ...(s.languages.length ? { languages: s.languages } : {}),
      ...(s.targetGroups.length ? { targetGroups: s.targetGroups } : {}),
      ...(s.point ? { near: { ...s.point, radiusMeters: s.radiusMeters } } : {}),
    },
  };
}
