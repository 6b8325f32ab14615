import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilters, serialiseFilters, type DirectoryFilters } from '../utils/search-state';

export interface DirectoryFiltersApi {
  filters: DirectoryFilters;
  /** Replaces the filters; pushes a history entry unless `replace`. Keeps selection and viewport. */
  setFilters: (next: DirectoryFilters, options?: { replace?: boolean }) => void;
  update: (patch: Partial<DirectoryFilters>, options?: { replace?: boolean }) => void;
}

/** The directory filters, read from and written to the URL's query parameters. */
export function useDirectoryFilters(): DirectoryFiltersApi {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Re-parse only when the query string changes, so that unchanged filters keep their identity.
  const filters = useMemo(() => parseFilters(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (next: DirectoryFilters, options?: { replace?: boolean }) => {
      setParams((current) => serialiseFilters(next, current), { replace: options?.replace ?? false });
    },
    [setParams],
  );
  const update = useCallback(
    (patch: Partial<DirectoryFilters>, options?: { replace?: boolean }) => {
      setParams((current) => serialiseFilters({ ...parseFilters(current), ...patch }, current), { replace: options?.replace ?? false });
    },
    [setParams],
  );
  return { filters, setFilters, update };
}
