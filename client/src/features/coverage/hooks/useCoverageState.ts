import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CoverageUnitKind } from '../../../lib/graphql/graphql';

/** The default field: "Sprache und Sprachkurse". */
export const DEFAULT_FIELD = 'sprache';

export interface CoverageState {
  field: string;
  unit: CoverageUnitKind;
  language: string | null;
  targetGroup: string | null;
  selectedUnit: string | null;
  whatIf: { lat: number; lng: number } | null;
}

const PARAM = {
  field: 'feld',
  unit: 'einheit',
  language: 'sprache',
  targetGroup: 'zielgruppe',
  selected: 'zelle',
  whatIf: 'wasWaere',
} as const;

function parsePoint(text: string | null): { lat: number; lng: number } | null {
  const m = text ? /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(text) : null;
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

/** Field, unit, filters, the selected unit and the hypothetical provider, all in the URL. */
export function useCoverageState() {
  const [params, setParams] = useSearchParams();
  const state: CoverageState = useMemo(
    () => ({
      field: params.get(PARAM.field) || DEFAULT_FIELD,
      unit: params.get(PARAM.unit) === 'bezirke' ? 'DISTRICT' : 'GRID',
      language: params.get(PARAM.language) || null,
      targetGroup: params.get(PARAM.targetGroup) || null,
      selectedUnit: params.get(PARAM.selected) || null,
      whatIf: parsePoint(params.get(PARAM.whatIf)),
    }),
    [params],
  );
  const update = useCallback(
    (patch: Partial<CoverageState>, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
          if ('field' in patch) set(PARAM.field, patch.field === DEFAULT_FIELD ? null : (patch.field ?? null));
          if ('unit' in patch) set(PARAM.unit, patch.unit === 'DISTRICT' ? 'bezirke' : null);
          if ('language' in patch) set(PARAM.language, patch.language ?? null);
          if ('targetGroup' in patch) set(PARAM.targetGroup, patch.targetGroup ?? null);
          if ('selectedUnit' in patch) set(PARAM.selected, patch.selectedUnit ?? null);
          if ('whatIf' in patch) set(PARAM.whatIf, patch.whatIf ? `${patch.whatIf.lat.toFixed(5)},${patch.whatIf.lng.toFixed(5)}` : null);
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  return { state, update };
}
