import { useCallback, useMemo } from 'react';
import L from 'leaflet';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { ClusterLayer, type ClusterPoint } from '../../../map/ClusterLayer';
import { HighlightLayer } from '../../../map/HighlightLayer';
import { kindSymbolSvg } from '../../../lib/organisation-kind';
import { useFormatters } from '../../../lib/intl';
import type { DirectoryMarker } from '../hooks/useDirectoryData';

export interface OrganisationMarkersLayerProps {
  markers: readonly DirectoryMarker[];
  /** The markers query has not answered yet. */
  loading?: boolean;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (organisationId: string) => void;
}

// Icons are shared per kind, letter (it depends on the language), demo and stale flag: thousands of points
// use a handful of SVGs. Module-level, outside React: a cache that render would otherwise have to mutate.
const ICONS = new Map<string, L.DivIcon>();

function kindIcon(kind: OrganisationKind, letter: string, isDemo: boolean, stale: boolean): L.DivIcon {
  const key = `${kind}|${letter}|${isDemo}|${stale}`;
  let icon = ICONS.get(key);
  if (!icon) {
    icon = L.divIcon({
      // Stale entries are faded; the reason is in the marker's name and tooltip (title), not in the colour.
      className: `pa-point${isDemo ? ' pa-point--demo' : ''}${stale ? ' pa-point--stale' : ''}`,
      html: kindSymbolSvg(kind, letter, 28),
      iconSize: [28, 28],
      iconAnchor: [14, 14],
    });
    ICONS.set(key, icon);
  }
  return icon;
}

/** The organisations' places as clustered markers, shaped, lettered and coloured by kind. */
export function OrganisationMarkersLayer({ markers, loading = false, selectedId, hoveredId, onSelect }: OrganisationMarkersLayerProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const points = useMemo<ClusterPoint<DirectoryMarker>[]>(
    () => markers.map((m) => ({ id: m.locationId, lat: m.lat, lng: m.lng, data: m })),
    [markers],
  );
  const pointIcon = useCallback(
    (point: ClusterPoint<DirectoryMarker>) => {
      const kind = point.data.kind as OrganisationKind;
      const { isDemo, stale, lastConfirmedAt } = point.data;
      const icon = kindIcon(kind, t(`kind.letter.${kind}`), isDemo, stale);
      const label = t('map.markerLabel', { name: point.data.name, kind: t(`kind.name.${kind}`) });
      if (!stale) return { icon, label };
      const why = lastConfirmedAt ? t('verification.markerStale') : t('verification.markerNever');
      return { icon, label: t('map.markerLabelStale', { label, why }) };
    },
    [t],
  );
  const clusterLabel = useCallback((count: number) => t('map.clusterLabel', { count, formatted: f.number(count) }), [t, f]);
  const onPointClick = useCallback((point: ClusterPoint<DirectoryMarker>) => onSelect(point.data.organisationId), [onSelect]);

  const selected = useMemo(
    () =>
      selectedId ? markers.filter((m) => m.organisationId === selectedId).map((m) => ({ id: m.locationId, lat: m.lat, lng: m.lng })) : [],
    [markers, selectedId],
  );
  const hovered = useMemo(
    () =>
      hoveredId && hoveredId !== selectedId
        ? markers.filter((m) => m.organisationId === hoveredId).map((m) => ({ id: m.locationId, lat: m.lat, lng: m.lng }))
        : [],
    [markers, hoveredId, selectedId],
  );

  return (
    <>
      <ClusterLayer
        key={i18n.language}
        points={points}
        pointIcon={pointIcon}
        clusterLabel={clusterLabel}
        onPointClick={onPointClick}
        pending={loading}
      />
      <HighlightLayer points={hovered} variant="hovered" />
      <HighlightLayer points={selected} variant="selected" />
    </>
  );
}
