import { useMemo } from 'react';
import { GeoJSON, Marker, Pane } from 'react-leaflet';
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry as GeoJsonGeometry } from 'geojson';
import { isGeometry } from '@partneratlas/shared';
import type { CoverageData, CoverageUnitData } from '../hooks/useCoverageData';
import { classOf } from '../utils/palette';
import { classesFor, measureOf, valueOf } from '../utils/measure';

export interface CoverageLayerProps {
  coverage: CoverageData;
  selectedId: string | null;
  newlyReached: Set<string>;
  whatIf: { lat: number; lng: number } | null;
  whatIfLabel: string;
  onSelect: (unitId: string) => void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hypothetical provider: a dot with its label (a div icon, so the label is plain text on the map). */
function whatIfIcon(label: string): L.DivIcon {
  return L.divIcon({
    className: 'pa-whatif-marker',
    html: `<span class="pa-whatif-marker__dot"></span><span class="pa-whatif-marker__label">${escapeHtml(label)}</span>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
  });
}

type UnitFeature = Feature<GeoJsonGeometry, { unit: CoverageUnitData }>;

/**
 * The analysis units coloured by accessibility (viridis classes); gaps white with red hatching and a dashed
 * outline; units newly reached by a hypothetical provider outlined thick. SVG renderer (patterns need SVG).
 */
export function CoverageLayer({ coverage, selectedId, newlyReached, whatIf, whatIfLabel, onSelect }: CoverageLayerProps) {
  const renderer = useMemo(() => L.svg({ padding: 0.2 }), []);
  const measure = measureOf(coverage);
  const classes = useMemo(() => classesFor(coverage), [coverage]);
  const data = useMemo<FeatureCollection<GeoJsonGeometry, { unit: CoverageUnitData }>>(
    () => ({
      type: 'FeatureCollection',
      features: coverage.units
        .filter((u) => isGeometry(u.geometry))
        .map((u): UnitFeature => ({ type: 'Feature', geometry: u.geometry as GeoJsonGeometry, properties: { unit: u } })),
    }),
    [coverage],
  );
  const selected = useMemo(() => data.features.find((f) => f.properties.unit.id === selectedId) ?? null, [data, selectedId]);
  const layerKey = `${coverage.fieldOfAction.code}-${coverage.unit}-${coverage.units.length}-${coverage.summary.gapUnitCount}-${[...newlyReached].join(',')}-${measure}`;

  return (
    <Pane name="pa-coverage" style={{ zIndex: 400 }}>
      <GeoJSON
        key={layerKey}
        data={data}
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        {...({ renderer } as any)}
        style={(feature) => {
          const u = (feature as UnitFeature).properties.unit;
          if (u.gap)
            return {
              className: 'pa-unit pa-unit--gap',
              color: '#9f1239',
              weight: 1.2,
              dashArray: '3 3',
              fillColor: '#ffffff',
              fillOpacity: 0.85,
            };
          const c = classOf(valueOf(u, measure), classes);
          const fresh = newlyReached.has(u.id);
          return {
            className: fresh ? 'pa-unit pa-unit--new' : 'pa-unit',
            color: fresh ? '#111827' : '#ffffff',
            weight: fresh ? 3 : 0.6,
            fillColor: c?.colour ?? '#9ca3af',
            fillOpacity: 0.72,
          };
        }}
        eventHandlers={{
          click: (e) => {
            const layer = e.propagatedFrom as L.Path & { feature?: UnitFeature };
            if (layer.feature) onSelect(layer.feature.properties.unit.id);
          },
        }}
      />
      {selected && (
        <GeoJSON
          key={`sel-${selected.properties.unit.id}-${layerKey}`}
          data={selected}
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          {...({ renderer } as any)}
          interactive={false}
          style={{ color: '#f97316', weight: 4, fill: false }}
        />
      )}
      {whatIf && <Marker position={[whatIf.lat, whatIf.lng]} icon={whatIfIcon(whatIfLabel)} interactive={false} keyboard={false} />}
    </Pane>
  );
}
