import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  CoverageDocument,
  CoverageOptionsDocument,
  CoverageProvidersDocument,
  CoverageWhatIfDocument,
  type CoverageFieldsFragment,
  type CoverageInput,
} from '../../../lib/graphql/graphql';
import type { CoverageState } from './useCoverageState';

export type CoverageData = CoverageFieldsFragment;
export type CoverageUnitData = CoverageFieldsFragment['units'][number];

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

/** The coverage of the chosen field, or (with a hypothetical provider) the what-if result. */
export function useCoverage(s: CoverageState) {
  const input = coverageInput(s);
  const base = useQuery(CoverageDocument, { variables: { input }, skip: s.whatIf !== null });
  const whatIf = useQuery(CoverageWhatIfDocument, {
    variables: { input: { ...input, lat: s.whatIf?.lat ?? 0, lng: s.whatIf?.lng ?? 0 } },
    skip: s.whatIf === null,
  });
  return useMemo(() => {
    const w = whatIf.data?.coverageWhatIf ?? null;
    const coverage: CoverageData | null = s.whatIf ? (w?.coverage ?? null) : (base.data?.coverage ?? null);
    return {
      coverage,
      whatIf: s.whatIf && w ? w : null,
      newlyReached: new Set(s.whatIf && w ? w.changedUnits.filter((c) => c.newlyInReach).map((c) => c.unitId) : []),
      loading: s.whatIf ? whatIf.loading : base.loading,
      error: (s.whatIf ? whatIf.error : base.error) ?? null,
    };
  }, [s.whatIf, base.data, base.loading, base.error, whatIf.data, whatIf.loading, whatIf.error]);
}

/** The providers in reach of one unit; in what-if mode the hypothetical provider too (when it is in reach). */
export function useCoverageProviders(s: CoverageState, unitId: string | null) {
  const { data, loading } = useQuery(CoverageProvidersDocument, {
    variables: { input: coverageInput(s), unitId: unitId ?? '', whatIf: s.whatIf },
    skip: !unitId,
  });
  return { providers: data?.coverageProviders ?? [], loading };
}
