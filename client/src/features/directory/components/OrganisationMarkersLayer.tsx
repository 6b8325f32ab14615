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

/** The organisations' places as clustered markers, shaped, lettered and coloured by kind. */
export function OrganisationMarkersLayer({ markers, loading = false, selectedId, hoveredId, onSelect }: OrganisationMarkersLayerProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const points = useMemo<ClusterPoint<DirectoryMarker>[]>(
    () => markers.map((m) => ({ id: m.locationId, lat: m.lat, lng: m.lng, data: m })),
    [markers],
  );
  // Icons are cached per kind, demo flag and language: thousands of points share six SVGs.
  const icons = useMemo(() => new Map<string, L.DivIcon>(), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const pointIcon = useCallback(
    (point: ClusterPoint<DirectoryMarker>) => {
      const kind = point.data.kind as OrganisationKind;
      const key = `${kind}-${point.data.isDemo}`;
      let icon = icons.get(key);
      if (!icon) {
        icon = L.divIcon({
          className: `pa-point${point.data.isDemo ? ' pa-point--demo' : ''}`,
          html: kindSymbolSvg(kind, t(`kind.letter.${kind}`), 28),
          iconSize: [28, 28],
          iconAnchor: [14, 14],
        });
        icons.set(key, icon);
      }
      const name = point.data.isDemo ? `${point.data.name}` : point.data.name;
      return { icon, label: t('map.markerLabel', { name, kind: t(`kind.name.${kind}`) }) };
    },
    [icons, t],
  );
  const clusterLabel = useCallback((count: number) => t('map.clusterLabel', { count, formatted: f.number(count) }), [t, f]);
  const onPointClick = useCallback((point: ClusterPoint<DirectoryMarker>) => onSelect(point.data.organisationId), [onSelect]);

  const selected = useMemo(
    () => (selectedId ? markers.filter((m) => m.organisationId === selectedId).map((m) => ({ id: m.locationId, lat: m.lat, lng: m.lng })) : []),
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
