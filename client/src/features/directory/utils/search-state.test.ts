import { OrganisationKind } from '@partneratlas/shared';
import {
  EMPTY_FILTERS,
  effectiveSort,
  parseFilters,
  serialiseFilters,
  toGraphQLFilter,
  toOrder,
  type DirectoryFilters,
} from './search-state';

const FULL: DirectoryFilters = {
  text: 'Deutschkurs für Frauen',
  fields: ['sprache', 'beratung-flucht'],
  kinds: [OrganisationKind.COUNSELLING_SERVICE, OrganisationKind.MIGRANT_SELF_ORGANISATION],
  languages: ['ar', 'fa'],
  targetGroups: ['frauen'],
  areas: ['goettingen-weende'],
  near: { lat: 51.53412, lng: 9.93567, radiusMeters: 1000 },
  sort: 'distance',
};

describe('directory URL state', () => {
  it('restores every filter after a serialise → parse round trip', () => {
    const params = serialiseFilters(FULL);
    expect(parseFilters(new URLSearchParams(params.toString()))).toEqual(FULL);
  });

  it('leaves no parameter behind for empty filters and round-trips them', () => {
    const params = serialiseFilters(EMPTY_FILTERS);
    expect(params.toString()).toBe('');
    expect(parseFilters(params)).toEqual(EMPTY_FILTERS);
  });

  it('keeps selection, viewport and view parameters when the filters change', () => {
    const base = new URLSearchParams('org=abc&karte=13%2F51.5%2F9.9&ansicht=liste&hf=arbeit');
    const next = serialiseFilters({ ...EMPTY_FILTERS, fields: ['sprache'] }, base);
    expect(next.get('org')).toBe('abc');
    expect(next.get('karte')).toBe('13/51.5/9.9');
    expect(next.get('ansicht')).toBe('liste');
    expect(next.get('hf')).toBe('sprache');
  });

  it('drops invalid values from a hand-edited link instead of failing', () => {
    const parsed = parseFilters(
      new URLSearchParams('art=COUNSELLING_SERVICE,NOPE&sprache=ar,arabic,FA&nahe=99,200&sort=random&hf=sprache,%3Cscript%3E'),
    );
    expect(parsed.kinds).toEqual([OrganisationKind.COUNSELLING_SERVICE]);
    expect(parsed.languages).toEqual(['ar']);
    expect(parsed.near).toBeNull();
    expect(parsed.sort).toBeNull();
    expect(parsed.fields).toEqual(['sprache']);
  });

  it('falls back to the default radius when the radius is missing or out of range', () => {
    expect(parseFilters(new URLSearchParams('nahe=51.5,9.9')).near).toEqual({ lat: 51.5, lng: 9.9, radiusMeters: 2000 });
    expect(parseFilters(new URLSearchParams('nahe=51.5,9.9&radius=999999')).near?.radiusMeters).toBe(2000);
  });

  it('uses relevance with text, distance with a point, else name, and never an impossible order', () => {
    expect(effectiveSort(EMPTY_FILTERS)).toBe('name');
    expect(effectiveSort({ ...EMPTY_FILTERS, text: 'x' })).toBe('relevance');
    expect(effectiveSort({ ...EMPTY_FILTERS, near: FULL.near })).toBe('distance');
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'distance' })).toBe('name');
    expect(toOrder({ ...EMPTY_FILTERS, text: 'x', sort: 'name' })).toBe('NAME');
  });

  it('builds the API filter and leaves out one group for that group’s facet counts', () => {
    expect(toGraphQLFilter(FULL)).toEqual({
      text: FULL.text,
      fieldsOfAction: FULL.fields,
      kinds: FULL.kinds,
      languages: FULL.languages,
      targetGroups: FULL.targetGroups,
      areaIds: FULL.areas,
      near: FULL.near,
    });
    expect(toGraphQLFilter(FULL, 'fields').fieldsOfAction).toBeUndefined();
    expect(toGraphQLFilter(FULL, 'fields').kinds).toEqual(FULL.kinds);
    expect(toGraphQLFilter(EMPTY_FILTERS)).toEqual({});
  });
});
