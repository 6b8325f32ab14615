import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import { env } from '../../../config/env';
import { useFormatters } from '../../../lib/intl';
import { BaseTiles, HighlightLayer, MapClickPicker, MapView, PanTo } from '../../../map';
import type { EditableOrganisation } from '../hooks/useEditData';
import type { EditResult, SubmitEdit } from '../hooks/useEntityEdit';
import { emptyToNull, floatOrNull, GOETTINGEN_BOX, insideGoettingen, type Input } from '../utils/edit-form';
import { EntityForm } from './EntityForm';
import { GeocodeLookup } from './GeocodeLookup';

export type EditableLocation = EditableOrganisation['locations'][number];

export interface LocationValues {
  name: string;
  street: string;
  postcode: string;
  city: string;
  latitude: string;
  longitude: string;
  accessibility: string;
  areaId: string;
}

export const LOCATION_FIELDS = ['name', 'street', 'postcode', 'city', 'latitude', 'longitude', 'accessibility', 'areaId'] as const;

const CENTRE = { lat: 51.5413, lng: 9.9158 };

export function locationValues(l: EditableLocation | null): LocationValues {
  return {
    name: l?.name ?? '',
    street: l?.street ?? '',
    postcode: l?.postcode ?? '',
    city: l?.city ?? (l ? '' : 'Göttingen'),
    latitude: l?.latitude === null || l?.latitude === undefined ? '' : String(l.latitude),
    longitude: l?.longitude === null || l?.longitude === undefined ? '' : String(l.longitude),
    accessibility: l?.accessibility ?? '',
    areaId: l?.areaId ?? '',
  };
}

export function locationInput(v: LocationValues): Input {
  return {
    name: emptyToNull(v.name),
    street: emptyToNull(v.street),
    postcode: emptyToNull(v.postcode),
    city: emptyToNull(v.city),
    latitude: floatOrNull(v.latitude),
    longitude: floatOrNull(v.longitude),
    accessibility: emptyToNull(v.accessibility),
    areaId: v.areaId || null,
  };
}

/** The form's own checks (field → problems), before anything is sent. */
function useValidateLocation(): (v: LocationValues) => Record<string, string[]> {
  const { t } = useTranslation();
  return (v) => {
    const problems: Record<string, string[]> = {};
    const lat = floatOrNull(v.latitude);
    const lng = floatOrNull(v.longitude);
    if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) problems.latitude = [t('editing.errors.latitude')];
    if (lng !== null && (Number.isNaN(lng) || lng < -180 || lng > 180)) problems.longitude = [t('editing.errors.longitude')];
    if ((lat === null) !== (lng === null))
      (lat === null ? (problems.latitude ??= []) : (problems.longitude ??= [])).push(t('editing.errors.bothCoordinates'));
    if (!v.name.trim() && !v.street.trim() && lat === null) problems.name = [t('editing.errors.locationEmpty')];
    if (v.postcode.trim() && !/^\d{5}$/.test(v.postcode.trim())) problems.postcode = [t('editing.errors.postcode')];
    return problems;
  };
}

function round(value: number): string {
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

export interface LocationFormProps {
  location: EditableLocation | null;
  districts: readonly { id: string; name: string }[];
  submit: SubmitEdit;
  onResult: (result: EditResult) => void;
  onCancel: () => void;
  onStale: () => void;
}

/** A location: address, district, accessibility and the point — clicked on the map or typed as latitude/longitude. */
export function LocationForm({ location, districts, submit, onResult, onCancel, onStale }: LocationFormProps) {
  const { t } = useTranslation();
  const validate = useValidateLocation();
  const f = useFormatters();
  const initial = useMemo(() => locationValues(location), [location]);
  return (
    <EntityForm<LocationValues>
      label={location ? t('editing.locations.editLabel') : t('editing.locations.add')}
      initial={initial}
      fields={LOCATION_FIELDS}
      toInput={locationInput}
      validate={validate}
      mode={location ? 'update' : 'create'}
      version={location?.version ?? null}
      submit={submit}
      onResult={onResult}
      onCancel={onCancel}
      onStale={onStale}
      submitLabel={location ? t('editing.save') : t('editing.locations.create')}
    >
      {({ values, set, errors }) => {
        const lat = floatOrNull(values.latitude);
        const lng = floatOrNull(values.longitude);
        const point = lat !== null && lng !== null && !Number.isNaN(lat) && !Number.isNaN(lng) ? { lat, lng } : null;
        const outside = point !== null && !insideGoettingen(point.lat, point.lng);
        return (
          <>
            <div className="form-grid">
              <TextField
                label={t('fieldNames.name')}
                value={values.name}
                onChange={(v) => set('name', v)}
                errors={errors.name}
                maxLength={LIMITS.nameMaxLength}
              />
              <TextField
                label={t('fieldNames.street')}
                value={values.street}
                onChange={(v) => set('street', v)}
                errors={errors.street}
                autoComplete="street-address"
              />
              <TextField
                label={t('fieldNames.postcode')}
                value={values.postcode}
                onChange={(v) => set('postcode', v)}
                errors={errors.postcode}
                inputMode="numeric"
                autoComplete="postal-code"
              />
              <TextField
                label={t('fieldNames.city')}
                value={values.city}
                onChange={(v) => set('city', v)}
                errors={errors.city}
                autoComplete="address-level2"
              />
              <SelectField
                label={t('fieldNames.areaId')}
                value={values.areaId}
                onChange={(v) => set('areaId', v)}
                options={[
                  { value: '', label: t('editing.locations.noDistrict') },
                  ...districts.map((d) => ({ value: d.id, label: d.name })),
                ]}
                errors={errors.areaId}
              />
            </div>
            <TextField
              label={t('fieldNames.accessibility')}
              multiline
              rows={2}
              value={values.accessibility}
              onChange={(v) => set('accessibility', v)}
              errors={errors.accessibility}
            />
            <fieldset className="form-group">
              <legend>{t('editing.locations.point')}</legend>
              <p className="form-field__hint" id="location-box-hint">
                {t('editing.hints.coordinates', {
                  south: f.number(GOETTINGEN_BOX.south),
                  north: f.number(GOETTINGEN_BOX.north),
                  west: f.number(GOETTINGEN_BOX.west),
                  east: f.number(GOETTINGEN_BOX.east),
                })}
              </p>
              <GeocodeLookup
                street={values.street}
                postcode={values.postcode}
                city={values.city}
                onPick={(la, ln) => {
                  set('latitude', round(la));
                  set('longitude', round(ln));
                }}
              />
              <div className="form-grid">
                <TextField
                  label={t('fieldNames.latitude')}
                  inputMode="decimal"
                  value={values.latitude}
                  onChange={(v) => set('latitude', v)}
                  errors={errors.latitude}
                />
                <TextField
                  label={t('fieldNames.longitude')}
                  inputMode="decimal"
                  value={values.longitude}
                  onChange={(v) => set('longitude', v)}
                  errors={errors.longitude}
                />
              </div>
              {outside && (
                <p className="hint hint--warning" role="status">
                  {t('editing.locations.outside')}
                </p>
              )}
              <PointPicker
                point={point}
                onPick={(la, ln) => {
                  set('latitude', round(la));
                  set('longitude', round(ln));
                }}
              />
              {point && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    set('latitude', '');
                    set('longitude', '');
                  }}
                >
                  {t('editing.locations.clearPoint')}
                </button>
              )}
            </fieldset>
          </>
        );
      }}
    </EntityForm>
  );
}

/** A small map: a click sets the point (crosshair cursor); the chosen point is ringed and brought into view. */
function PointPicker({ point, onPick }: { point: { lat: number; lng: number } | null; onPick: (lat: number, lng: number) => void }) {
  const { t } = useTranslation();
  const pick = useCallback((lat: number, lng: number) => onPick(lat, lng), [onPick]);
  const [initialView] = useState(() => (point ? { ...point, zoom: 15 } : { ...CENTRE, zoom: 12 }));
  const ring = useMemo(() => (point ? [{ id: 'chosen', lat: point.lat, lng: point.lng }] : []), [point]);
  return (
    <div className="point-picker">
      <p className="form-field__hint">{t('editing.locations.mapHint')}</p>
      <div className="point-picker__map">
        <MapView initialViewport={initialView} label={t('editing.locations.mapLabel')}>
          <BaseTiles url={env.tileUrl} attribution={env.tileAttribution} />
          <MapClickPicker active onPick={pick} />
          <HighlightLayer points={ring} variant="selected" />
          <PanTo target={point ? { ...point, key: `${point.lat},${point.lng}` } : null} minZoom={14} />
        </MapView>
      </div>
    </div>
  );
}
