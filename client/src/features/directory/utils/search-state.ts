import { LIMITS, OrganisationKind } from '@partneratlas/shared';
import type { OrganisationFilter, OrganisationOrder } from '../../../lib/graphql/graphql';
import { isOrganisationKind } from '../../../lib/organisation-kind';

export type SortChoice = 'relevance' | 'distance' | 'name';

export interface NearPoint {
  lat: number;
  lng: number;
  radiusMeters: number;
}

/** The directory filter as it lives in the URL. Empty lists and null mean "not filtered". */
export interface DirectoryFilters {
  text: string;
  fields: string[];
  kinds: OrganisationKind[];
  languages: string[];
  targetGroups: string[];
  areas: string[];
  near: NearPoint | null;
  sort: SortChoice | null;
}

export const EMPTY_FILTERS: DirectoryFilters = {
  text: '',
  fields: [],
  kinds: [],
  languages: [],
  targetGroups: [],
  areas: [],
  near: null,
  sort: null,
};

export const RADIUS_CHOICES = [500, 1000, 2000, 5000, 10000] as const;
export const DEFAULT_RADIUS = 2000;

/** Query parameter names. Short, stable: shared links depend on them. */
export const FILTER_PARAMS = {
  text: 'q',
  fields: 'hf',
  kinds: 'art',
  languages: 'sprache',
  targetGroups: 'zg',
  areas: 'bezirk',
  near: 'nahe',
  radius: 'radius',
  sort: 'sort',
} as const;

const SORTS: readonly SortChoice[] = ['relevance', 'distance', 'name'];
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANGUAGE = /^[a-z]{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function list(params: URLSearchParams, name: string, valid: (v: string) => boolean): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '' && valid(v));
  return [...new Set(values)].slice(0, LIMITS.filterListMax);
}

function parseNear(params: URLSearchParams): NearPoint | null {
  const raw = params.get(FILTER_PARAMS.near);
  if (!raw) return null;
  const [latText, lngText] = raw.split(',');
  const lat = Number(latText);
  const lng = Number(lngText);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  const radiusText = params.get(FILTER_PARAMS.radius);
  const radius = radiusText === null ? DEFAULT_RADIUS : Number(radiusText);
  const radiusMeters = Number.isFinite(radius) && radius > 0 && radius <= LIMITS.radiusMetersMax ? Math.round(radius) : DEFAULT_RADIUS;
  return { lat: roundCoord(lat), lng: roundCoord(lng), radiusMeters };
}

/** 5 decimals ≈ 1 m: precise enough, and keeps links short. */
export function roundCoord(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export function parseFilters(params: URLSearchParams): DirectoryFilters {
  const sort = params.get(FILTER_PARAMS.sort);
  return {
    text: (params.get(FILTER_PARAMS.text) ?? '').trim().slice(0, LIMITS.textMaxLength),
    fields: list(params, FILTER_PARAMS.fields, (v) => CODE.test(v)),
    kinds: list(params, FILTER_PARAMS.kinds, isOrganisationKind) as OrganisationKind[],
    languages: list(params, FILTER_PARAMS.languages, (v) => LANGUAGE.test(v)),
    targetGroups: list(params, FILTER_PARAMS.targetGroups, (v) => CODE.test(v)),
    areas: list(params, FILTER_PARAMS.areas, (v) => ID.test(v)),
    near: parseNear(params),
    sort: sort !== null && (SORTS as readonly string[]).includes(sort) ? (sort as SortChoice) : null,
  };
}

/**
 * Writes the filters into a copy of `base`, leaving every other parameter (selection, viewport, view) as
 * it is. Empty filters leave no parameter behind.
 */
export function serialiseFilters(filters: DirectoryFilters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const name of Object.values(FILTER_PARAMS)) next.delete(name);
  const text = filters.text.trim();
  if (text) next.set(FILTER_PARAMS.text, text);
  const lists: [string, readonly string[]][] = [
    [FILTER_PARAMS.fields, filters.fields],
    [FILTER_PARAMS.kinds, filters.kinds],
    [FILTER_PARAMS.languages, filters.languages],
    [FILTER_PARAMS.targetGroups, filters.targetGroups],
    [FILTER_PARAMS.areas, filters.areas],
  ];
  for (const [name, values] of lists) if (values.length > 0) next.set(name, values.join(','));
  if (filters.near) {
    next.set(FILTER_PARAMS.near, `${roundCoord(filters.near.lat)},${roundCoord(filters.near.lng)}`);
    next.set(FILTER_PARAMS.radius, String(Math.round(filters.near.radiusMeters)));
  }
  if (filters.sort) next.set(FILTER_PARAMS.sort, filters.sort);
  return next;
}

export function countActiveFilters(filters: DirectoryFilters): number {
  return (
    (filters.text ? 1 : 0) +
    filters.fields.length +
    filters.kinds.length +
    filters.languages.length +
    filters.targetGroups.length +
    filters.areas.length +
    (filters.near ? 1 : 0)
  );
}

/** The sort actually used: a choice that needs text or a point falls back to the server's default. */
export function effectiveSort(filters: DirectoryFilters): SortChoice {
  if (filters.sort === 'relevance' && filters.text) return 'relevance';
  if (filters.sort === 'distance' && filters.near) return 'distance';
  if (filters.sort === 'name') return 'name';
  if (filters.text) return 'relevance';
  if (filters.near) return 'distance';
  return 'name';
}

const ORDER: Record<SortChoice, OrganisationOrder> = { relevance: 'RELEVANCE', distance: 'DISTANCE', name: 'NAME' };

export function toOrder(filters: DirectoryFilters): OrganisationOrder {
  return ORDER[effectiveSort(filters)];
}

export type FacetGroup = 'fields' | 'kinds' | 'languages' | 'targetGroups' | 'areas';

/** The API filter; `without` drops one group (for that group's own facet counts). */
export function toGraphQLFilter(filters: DirectoryFilters, without?: FacetGroup): OrganisationFilter {
  const filter: OrganisationFilter = {};
  if (filters.text) filter.text = filters.text;
  if (filters.fields.length && without !== 'fields') filter.fieldsOfAction = filters.fields;
  if (filters.kinds.length && without !== 'kinds') filter.kinds = filters.kinds;
  if (filters.languages.length && without !== 'languages') filter.languages = filters.languages;
  if (filters.targetGroups.length && without !== 'targetGroups') filter.targetGroups = filters.targetGroups;
  if (filters.areas.length && without !== 'areas') filter.areaIds = filters.areas;
  if (filters.near) filter.near = { lat: filters.near.lat, lng: filters.near.lng, radiusMeters: filters.near.radiusMeters };
  return filter;
}

/** Adds or removes one value of a list filter. */
export function toggleValue<T extends string>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
