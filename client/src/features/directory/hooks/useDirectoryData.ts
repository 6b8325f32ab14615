import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { COUNCIL_MOTION_TAXONOMY } from '@partneratlas/shared';
import {
  DemoPresenceDocument,
  DirectoryFacetsDocument,
  DirectoryMarkersDocument,
  FilterOptionsDocument,
  type DirectoryMarkersQuery,
} from '../../../lib/graphql/graphql';
import { toGraphQLFilter, type DirectoryFilters } from '../utils/search-state';

export type DirectoryMarker = DirectoryMarkersQuery['organisationMarkers']['markers'][number];

/** All located places of the matching organisations (for the map), with counts of the unmapped ones. */
export function useDirectoryMarkers(filters: DirectoryFilters) {
  const filter = useMemo(() => toGraphQLFilter(filters), [filters]);
  // Up to 20,000 markers: they bypass the normalised cache (writing and re-reading them costs more than
  // the request), Apollo still de-duplicates and keeps the previous answer while a new filter loads.
  const { data, previousData, loading, error } = useQuery(DirectoryMarkersDocument, { variables: { filter }, fetchPolicy: 'no-cache' });
  const current = data ?? previousData;
  return {
    markers: current?.organisationMarkers.markers ?? EMPTY,
    organisationCount: current?.organisationMarkers.organisationCount ?? null,
    unmappedCount: current?.organisationMarkers.unmappedCount ?? 0,
    truncated: current?.organisationMarkers.truncated ?? false,
    loading,
    error,
  };
}
const EMPTY: DirectoryMarker[] = [];

/** The vocabularies offered by the filter panel (field-of-action tree, target groups, districts). */
export function useFilterOptions() {
  return useQuery(FilterOptionsDocument, { variables: { taxonomy: COUNCIL_MOTION_TAXONOMY } });
}

export interface FacetCounts {
  fields: Map<string, number>;
  kinds: Map<string, number>;
  languages: Map<string, number>;
  targetGroups: Map<string, number>;
  areas: Map<string, number>;
}

/** Per-group facet counts (each group counted without its own filter). Null until the first answer. */
export function useFacetCounts(filters: DirectoryFilters): FacetCounts | null {
  const variables = useMemo(
    () => ({
      forFields: toGraphQLFilter(filters, 'fields'),
      forKinds: toGraphQLFilter(filters, 'kinds'),
      forLanguages: toGraphQLFilter(filters, 'languages'),
      forTargetGroups: toGraphQLFilter(filters, 'targetGroups'),
      forAreas: toGraphQLFilter(filters, 'areas'),
    }),
    [filters],
  );
  const { data, previousData } = useQuery(DirectoryFacetsDocument, { variables });
  const current = data ?? previousData;
  return useMemo(() => {
    if (!current) return null;
    return {
      fields: new Map(current.fields.facets.fieldsOfAction.map((c) => [c.code, c.count])),
      kinds: new Map(current.kinds.facets.kinds.map((c) => [c.value as string, c.count])),
      languages: new Map(current.languages.facets.languages.map((c) => [c.value, c.count])),
      targetGroups: new Map(current.targetGroups.facets.targetGroups.map((c) => [c.code, c.count])),
      areas: new Map(current.areas.facets.areas.map((c) => [c.id, c.count])),
    };
  }, [current]);
}

/** True when fictional example entries are among the results (the counts with and without them differ). */
export function useDemoPresence(filters: DirectoryFilters): boolean {
  const variables = useMemo(() => {
    const withDemo = toGraphQLFilter(filters);
    return { withDemo, withoutDemo: { ...withDemo, includeDemo: false } };
  }, [filters]);
  const { data, previousData } = useQuery(DemoPresenceDocument, { variables });
  const current = data ?? previousData;
  return current ? current.withDemo.totalCount > current.withoutDemo.totalCount : false;
}
