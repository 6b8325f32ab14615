import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import { DEFAULT_RADIUS, RADIUS_CHOICES, roundCoord, type NearPoint } from '../utils/search-state';

export interface NearFilterProps {
  near: NearPoint | null;
  onChange: (near: NearPoint | null) => void;
  /** Pick mode: the next click on the map sets the point. */
  picking: boolean;
  onTogglePicking: () => void;
  /** The map's centre, a keyboard-friendly way to set the point (pan with the arrow keys, then use it). */
  mapCenter: { lat: number; lng: number } | null;
}

type GeoState = 'idle' | 'locating' | 'denied' | 'unavailable';

/** "Near a point": a point from a map click, the map centre or the device's location, and a radius. */
export function NearFilter({ near, onChange, picking, onTogglePicking, mapCenter }: NearFilterProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const radiusId = useId();
  const [geo, setGeo] = useState<GeoState>('idle');
  const radius = near?.radiusMeters ?? DEFAULT_RADIUS;

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setGeo('unavailable');
      return;
    }
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo('idle');
        onChange({ lat: roundCoord(position.coords.latitude), lng: roundCoord(position.coords.longitude), radiusMeters: radius });
      },
      (error) => setGeo(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="near-filter">
      <p className="near-filter__status" aria-live="polite">
        {near
          ? t('near.active', {
              radius: f.distance(near.radiusMeters),
              lat: f.number(near.lat),
              lng: f.number(near.lng),
            })
          : t('near.none')}
      </p>
      <div className="button-row">
        <button type="button" className="button" aria-pressed={picking} onClick={onTogglePicking}>
          {picking ? t('near.pickCancel') : t('near.pickOnMap')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!mapCenter}
          onClick={() => mapCenter && onChange({ lat: roundCoord(mapCenter.lat), lng: roundCoord(mapCenter.lng), radiusMeters: radius })}
        >
          {t('near.useMapCenter')}
        </button>
        <button type="button" className="button" onClick={locate} disabled={geo === 'locating'}>
          {geo === 'locating' ? t('near.locating') : t('near.useMyLocation')}
        </button>
      </div>
      {picking && <p className="hint">{t('near.pickHint')}</p>}
      {(geo === 'denied' || geo === 'unavailable') && (
        <p className="hint hint--warning" role="alert">
          {geo === 'denied' ? t('near.geoDenied') : t('near.geoUnavailable')}
        </p>
      )}
      <div className="field field--inline">
        <label htmlFor={radiusId}>{t('near.radius')}</label>
        <select
          id={radiusId}
          value={radius}
          onChange={(event) => near && onChange({ ...near, radiusMeters: Number(event.target.value) })}
          disabled={!near}
        >
          {RADIUS_CHOICES.map((r) => (
            <option key={r} value={r}>
              {f.distance(r)}
            </option>
          ))}
        </select>
        {near && (
          <button type="button" className="button button--link" onClick={() => onChange(null)}>
            {t('near.remove')}
          </button>
        )}
      </div>
    </div>
  );
}
