import { useMemo } from 'react';
import { GeoJSON } from 'react-leaflet';
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry as GeoJsonGeometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { isGeometry } from '@partneratlas/shared';
import { env } from '../../../config/env';
import { useFormatters } from '../../../lib/intl';
import { BaseTiles, FitBounds, MapView } from '../../../map';
import { CHANGE_COLOURS, changeClassOf, type ChangeClass, gapClasses, gapClassOf } from '../utils/gap-classes';

export interface GapMapCell {
  code: string;
  name: string;
  geometry: unknown;
  /** Headline fields without a provider in reach (the later snapshot in a comparison). */
  gaps: number | null;
  /** The earlier snapshot (comparison only). */
  before?: number | null;
}

export interface GapMapProps {
  label: string;
  cells: readonly GapMapCell[];
  fieldCount: number;
  mode: 'state' | 'change';
}

type CellFeature = Feature<GeoJsonGeometry, { cell: GapMapCell }>;

function boundsOf(features: readonly CellFeature[]): L.LatLngBounds | null {
  let bounds: L.LatLngBounds | null = null;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      const p = L.latLng(c[1], c[0]);
      bounds = bounds ? bounds.extend(p) : L.latLngBounds(p, p);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) visit((f.geometry as { coordinates?: unknown }).coordinates);
  return bounds;
}

/**
 * A small, static map of the frozen gap map (the shared map kit; SVG renderer, so it prints as vectors). State: units
 * coloured by the number of headline fields without reach. Change: fewer (purple) / more (orange, dashed) / same.
 * The legend below gives every class with its number of units: the map is never the only carrier.
 */
export function GapMap({ label, cells, fieldCount, mode }: GapMapProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const renderer = useMemo(() => L.svg({ padding: 0.1 }), []);
  const classes = useMemo(() => gapClasses(fieldCount), [fieldCount]);
  const data = useMemo<FeatureCollection<GeoJsonGeometry, { cell: GapMapCell }>>(
    () => ({
      type: 'FeatureCollection',
      features: cells
        .filter((c) => isGeometry(c.geometry))
        .map((cell): CellFeature => ({ type: 'Feature', geometry: cell.geometry as GeoJsonGeometry, properties: { cell } })),
    }),
    [cells],
  );
  const bounds = useMemo(() => boundsOf(data.features), [data]);
  if (!bounds) return <p className="muted">{t('evaluation.map.none')}</p>;
  const centre = bounds.getCenter();

  const stateCounts = classes.map((c) => cells.filter((x) => x.gaps !== null && x.gaps >= c.from && x.gaps <= c.to).length);
  const changeCounts: Record<ChangeClass, number> = { fewer: 0, more: 0, same: 0, none: 0 };
  for (const c of cells) changeCounts[changeClassOf(c.before ?? null, c.gaps)] += 1;

  return (
    <div className="eval-map" data-testid={`eval-map-${mode}`}>
      <div className="eval-map__frame">
        <MapView initialViewport={{ lat: centre.lat, lng: centre.lng, zoom: 12 }} label={label}>
          <BaseTiles url={env.tileUrl} attribution={env.tileAttribution} />
          <FitBounds bounds={bounds} enabled />
          <GeoJSON
            key={`${mode}-${cells.length}-${fieldCount}`}
            data={data}
            interactive={false}
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            {...({ renderer } as any)}
            style={(feature) => {
              const cell = (feature as CellFeature).properties.cell;
              if (mode === 'change') {
                const k = changeClassOf(cell.before ?? null, cell.gaps);
                return {
                  className: `eval-unit eval-unit--${k}`,
                  color: k === 'more' ? '#7a2e00' : k === 'fewer' ? '#2d1b4e' : '#9ca3af',
                  weight: k === 'more' || k === 'fewer' ? 1.6 : 0.5,
                  dashArray: k === 'more' ? '4 3' : k === 'none' ? '2 3' : undefined,
                  fillColor: CHANGE_COLOURS[k],
                  fillOpacity: 0.8,
                };
              }
              const c = cell.gaps === null ? null : gapClassOf(cell.gaps, classes);
              return { className: 'eval-unit', color: '#ffffff', weight: 0.5, fillColor: c?.colour ?? '#d1d5db', fillOpacity: 0.82 };
            }}
          />
        </MapView>
      </div>
      <ul className="eval-map__legend" aria-label={t('evaluation.map.legend')}>
        {mode === 'state'
          ? classes.map((c, i) => (
              <li key={c.index}>
                <span className="eval-map__swatch" style={{ background: c.colour }} aria-hidden="true" />
                {c.from === c.to
                  ? t('evaluation.map.gapsExact', { count: c.from, fields: fieldCount })
                  : t('evaluation.map.gapsRange', { from: c.from, to: c.to, fields: fieldCount })}
                <span className="eval-map__count">
                  {t('evaluation.map.units', { count: stateCounts[i], formatted: f.number(stateCounts[i]) })}
                </span>
              </li>
            ))
          : (['fewer', 'more', 'same', 'none'] as ChangeClass[])
              .filter((k) => k !== 'none' || changeCounts.none > 0)
              .map((k) => (
                <li key={k}>
                  <span
                    className={`eval-map__swatch eval-map__swatch--${k}`}
                    style={{ background: CHANGE_COLOURS[k] }}
                    aria-hidden="true"
                  />
                  {t(`evaluation.map.change.${k}`)}
                  <span className="eval-map__count">
                    {t('evaluation.map.units', { count: changeCounts[k], formatted: f.number(changeCounts[k]) })}
                  </span>
                </li>
              ))}
      </ul>
    </div>
  );
}
