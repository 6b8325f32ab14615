import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  CoverageDocument,
  CoverageMatrixDocument,
  CoverageOptionsDocument,
  CoverageProvidersDocument,
  CoverageWhatIfDocument,
  type CoverageFieldsFragment,
  type CoverageInput,
  type CoverageUnitKind,
} from '../../../lib/graphql/graphql';
import type { CoverageState } from './useCoverageState';
import { useKeptResult } from './useKeptResult';

export type CoverageData = CoverageFieldsFragment;
export type CoverageUnitData = CoverageFieldsFragment['units'][number];

/** When the figures shown were computed; `upToDate` false while a newer computation runs (the view polls meanwhile). */
export interface CoverageFreshness {
  computedAt: string;
  upToDate: boolean;
}

export function coverageInput(s: CoverageState): CoverageInput {
  return {
    fieldOfAction: s.field,
    unit: s.unit,
    ...(s.language ? { language: s.language } : {}),
    ...(s.targetGroup ? { targetGroup: s.targetGroup } : {}),
  };
}

export function useCoverageOptions() {
  const { data, loading } = useQuery(CoverageOptionsDocument);
  return { fields: data?.fields ?? [], targetGroups: data?.targetGroups ?? [], loading };
}

/**
 * The coverage of the chosen field, or (with a hypothetical provider) the what-if result. `computing` while the
 * server is still computing it (retried by itself); `freshness` of the kept result (what-if results are computed
 * for the request, so they have none).
 */
export function useCoverage(s: CoverageState) {
  const input = coverageInput(s);
  const base = useQuery(CoverageDocument, { variables: { input }, skip: s.whatIf !== null });
  const whatIf = useQuery(CoverageWhatIfDocument, {
    variables: { input: { ...input, lat: s.whatIf?.lat ?? 0, lng: s.whatIf?.lng ?? 0 } },
    skip: s.whatIf === null,
  });
  const active = s.whatIf ? whatIf : base;
  const baseCoverage = s.whatIf ? null : (base.data?.coverage ?? null);
  const kept = useKeptResult({
    key: JSON.stringify([input, s.whatIf]),
    error: active.error,
    hasData: active.data !== undefined,
    upToDate: baseCoverage?.upToDate ?? null,
    refetch: active.refetch,
    startPolling: base.startPolling,
    stopPolling: base.stopPolling,
  });
  return useMemo(() => {
    const w = whatIf.data?.coverageWhatIf ?? null;
    const coverage: CoverageData | null = s.whatIf ? (w?.coverage ?? null) : baseCoverage;
    const freshness: CoverageFreshness | null = baseCoverage
      ? { computedAt: baseCoverage.computedAt, upToDate: baseCoverage.upToDate }
      : null;
    return {
      coverage,
      freshness,
      whatIf: s.whatIf && w ? w : null,
      newlyReached: new Set(s.whatIf && w ? w.changedUnits.filter((c) => c.newlyInReach).map((c) => c.unitId) : []),
      loading: s.whatIf ? whatIf.loading : base.loading,
      computing: kept.computing,
      error: kept.error,
    };
  }, [s.whatIf, baseCoverage, whatIf.data, whatIf.loading, base.loading, kept.computing, kept.error]);
}

/**
 * The matrix (units × spatial fields) and the ranked gap list, retried while the server is computing it and
 * polled while the figures shown are not up to date.
 */
export function useCoverageMatrix(unit: CoverageUnitKind) {
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(CoverageMatrixDocument, { variables: { unit } });
  const matrix = data?.coverageMatrix ?? null;
  const kept = useKeptResult({
    key: unit,
    error,
    hasData: data !== undefined,
    upToDate: matrix?.upToDate ?? null,
    refetch,
    startPolling,
    stopPolling,
  });
  const freshness: CoverageFreshness | null = matrix ? { computedAt: matrix.computedAt, upToDate: matrix.upToDate } : null;
  return { matrix, gaps: data?.coverageGaps ?? null, freshness, loading, computing: kept.computing, error: kept.error };
}

/** The providers in reach of one unit; in what-if mode the hypothetical provider too (when it is in reach). */
export function useCoverageProviders(s: CoverageState, unitId: string | null) {
  const { data, loading } = useQuery(CoverageProvidersDocument, {
    variables: { input: coverageInput(s), unitId: unitId ?? '', whatIf: s.whatIf },
    skip: !unitId,
  });
  return { providers: data?.coverageProviders ?? [], loading };
}
