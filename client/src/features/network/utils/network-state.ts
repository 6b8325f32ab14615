/** The network page's state, kept in the URL (shareable, reload-safe). Pure functions. */

export const RELATIONSHIP_TYPES = ['COOPERATION', 'REFERRAL', 'FUNDING', 'MEMBERSHIP', 'UMBRELLA'] as const;
export type RelationshipTypeCode = (typeof RELATIONSHIP_TYPES)[number];
export type ColourBy = 'community' | 'kind';
export type SizeBy = 'degree' | 'betweenness';
export type SortKey = 'name' | 'degree' | 'betweenness' | 'community';

export interface NetworkViewState {
  types: RelationshipTypeCode[];
  field: string | null;
  networkId: string | null;
  areaId: string | null;
  date: string | null;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  selected: string | null;
  /** Ego mode around the selected organisation. */
  ego: 1 | 2 | null;
  sort: SortKey;
  descending: boolean;
}

const P = {
  types: 'typ',
  field: 'feld',
  network: 'netz',
  area: 'bezirk',
  date: 'datum',
  colour: 'farbe',
  size: 'groesse',
  org: 'org',
  ego: 'ego',
  sort: 'sort',
};

const isType = (v: string): v is RelationshipTypeCode => (RELATIONSHIP_TYPES as readonly string[]).includes(v);
const SORT_KEYS: readonly SortKey[] = ['name', 'degree', 'betweenness', 'community'];

export function parseNetworkState(params: URLSearchParams): NetworkViewState {
  const types = (params.get(P.types) ?? '').split(',').filter(isType);
  const date = params.get(P.date);
  const ego = params.get(P.ego);
  const sortRaw = params.get(P.sort) ?? '-betweenness';
  const descending = sortRaw.startsWith('-');
  const sortKey = sortRaw.replace(/^-/, '') as SortKey;
  return {
    types,
    field: params.get(P.field) || null,
    networkId: params.get(P.network) || null,
    areaId: params.get(P.area) || null,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    colourBy: params.get(P.colour) === 'kind' ? 'kind' : 'community',
    sizeBy: params.get(P.size) === 'degree' ? 'degree' : 'betweenness',
    selected: params.get(P.org) || null,
    ego: ego === '1' ? 1 : ego === '2' ? 2 : null,
    sort: SORT_KEYS.includes(sortKey) ? sortKey : 'betweenness',
    descending,
  };
}

export function formatNetworkState(s: NetworkViewState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.types.length) p.set(P.types, s.types.join(','));
  if (s.field) p.set(P.field, s.field);
  if (s.networkId) p.set(P.network, s.networkId);
  if (s.areaId) p.set(P.area, s.areaId);
  if (s.date) p.set(P.date, s.date);
  if (s.colourBy !== 'community') p.set(P.colour, s.colourBy);
  if (s.sizeBy !== 'betweenness') p.set(P.size, s.sizeBy);
  if (s.selected) p.set(P.org, s.selected);
  if (s.ego && s.selected) p.set(P.ego, String(s.ego));
  const sort = `${s.descending ? '-' : ''}${s.sort}`;
  if (sort !== '-betweenness') p.set(P.sort, sort);
  return p;
}

/** The GraphQL NetworkFilter for the state. */
export function toNetworkFilter(s: NetworkViewState) {
  return {
    ...(s.types.length ? { relationshipTypes: s.types } : {}),
    ...(s.field ? { fieldsOfAction: [s.field] } : {}),
    ...(s.networkId ? { networkIds: [s.networkId] } : {}),
    ...(s.areaId ? { areaIds: [s.areaId] } : {}),
    ...(s.date ? { date: s.date } : {}),
  };
}

export interface SortableRow {
  organisation: { id: string; name: string };
  degree: number;
  betweenness: number;
  community: number;
}

/** Sorted copy; ties by name (German collation), then id. */
export function sortRows<T extends SortableRow>(rows: readonly T[], key: SortKey, descending: boolean): T[] {
  const byName = (a: T, b: T) =>
    a.organisation.name.localeCompare(b.organisation.name, 'de') || a.organisation.id.localeCompare(b.organisation.id);
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const d = key === 'name' ? byName(a, b) : a[key] - b[key];
    return d !== 0 ? sign * d : byName(a, b);
  });
}

/**
 * Okabe–Ito colours (colour-blind safe) paired with a shape per community, so communities are told apart
 * without colour; beyond eight, colours and shapes repeat and the number in the table decides.
 */
export const COMMUNITY_STYLES = [
  { color: '#0072B2', shape: 'ellipse' },
  { color: '#D55E00', shape: 'rectangle' },
  { color: '#009E73', shape: 'diamond' },
  { color: '#CC79A7', shape: 'triangle' },
  { color: '#E69F00', shape: 'hexagon' },
  { color: '#56B4E9', shape: 'star' },
  { color: '#000000', shape: 'vee' },
  { color: '#8c6d00', shape: 'round-rectangle' },
] as const;

export const communityStyle = (community: number) => COMMUNITY_STYLES[community % COMMUNITY_STYLES.length];
