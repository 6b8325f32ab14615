/** Public surface of the directory feature: pages compose these. */
export { ActiveFilterChips } from './components/ActiveFilterChips';
export { DemoBanner } from './components/DemoBanner';
export { DownloadLinks } from './components/DownloadLinks';
export { FilterPanel } from './components/FilterPanel';
export { KindLegend } from './components/KindLegend';
export { OrganisationMarkersLayer } from './components/OrganisationMarkersLayer';
export { ResultList } from './components/ResultList';
export { SearchBox } from './components/SearchBox';
export { useDemoPresence, useDirectoryMarkers, type DirectoryMarker } from './hooks/useDirectoryData';
export { useDirectoryFilters } from './hooks/useDirectoryFilters';
export { countActiveFilters, EMPTY_FILTERS, type DirectoryFilters, type SortChoice } from './utils/search-state';
