import { useState } from 'react';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { GeocodeAddressDocument, GeocoderInfoDocument, type GeocodeAddressQuery } from '../../../lib/graphql/graphql';

type Candidate = GeocodeAddressQuery['geocodeAddress']['candidates'][number];

export interface GeocodeLookupProps {
  street: string;
  postcode: string;
  city: string;
  /** Fills latitude and longitude of the form; nothing is saved until the form is. */
  onPick: (latitude: number, longitude: number) => void;
}

/**
 * "Look up coordinates": asks the server's geocoder (only shown when one is configured) for the address typed in the
 * form and lists the places it found, with the attribution the service requires; picking one fills the point.
 * One request per click (never while typing), so the rate limit of the service is respected.
 */
export function GeocodeLookup({ street, postcode, city, onPick }: GeocodeLookupProps) {
  const { t } = useTranslation();
  const { data: info } = useQuery(GeocoderInfoDocument, { fetchPolicy: 'cache-first' });
  const [lookup, { data, loading, error, called }] = useLazyQuery(GeocodeAddressDocument, { fetchPolicy: 'network-only' });
  const [picked, setPicked] = useState<string | null>(null);
  if (!info?.geocoder.enabled) return null;

  const canLookUp = street.trim().length >= 3;
  const result = data?.geocodeAddress;
  const search = () => {
    setPicked(null);
    void lookup({
      variables: {
        street: street.trim(),
        postcode: /^\d{5}$/.test(postcode.trim()) ? postcode.trim() : null,
        city: city.trim() || null,
      },
    }).catch(() => undefined); // shown through `error`
  };
  const pick = (c: Candidate) => {
    setPicked(c.displayName);
    onPick(c.latitude, c.longitude);
  };

  return (
    <div className="geocode-lookup">
      <button
        type="button"
        className="button button--small"
        onClick={search}
        disabled={!canLookUp || loading}
        aria-describedby="geocode-hint"
      >
        {loading ? t('editing.geocode.searching') : t('editing.geocode.button')}
      </button>
      <p className="form-field__hint" id="geocode-hint">
        {canLookUp ? t('editing.geocode.hint') : t('editing.geocode.needStreet')}
      </p>
      <div aria-live="polite">
        {error && (
          <p className="hint hint--warning" role="alert">
            {t('editing.geocode.failed')}
          </p>
        )}
        {called && !loading && !error && result && result.candidates.length === 0 && (
          <p className="hint" role="status">
            {result.rejectedOutside > 0 ? t('editing.geocode.onlyOutside', { n: result.rejectedOutside }) : t('editing.geocode.none')}
          </p>
        )}
        {!loading && !error && result && result.candidates.length > 0 && (
          <fieldset className="geocode-lookup__candidates">
            <legend>{t('editing.geocode.candidates', { n: result.candidates.length })}</legend>
            <ul>
              {result.candidates.map((c) => (
                <li key={`${c.latitude},${c.longitude},${c.displayName}`}>
                  <button type="button" className="button button--small" aria-pressed={picked === c.displayName} onClick={() => pick(c)}>
                    {t('editing.geocode.use')}
                  </button>{' '}
                  {c.displayName}
                </li>
              ))}
            </ul>
            <p className="form-field__hint geocode-lookup__attribution">
              {t('editing.geocode.attribution', { attribution: result.candidates[0].attribution })}
            </p>
          </fieldset>
        )}
        {picked && (
          <p className="hint" role="status">
            {t('editing.geocode.picked', { place: picked })}
          </p>
        )}
      </div>
    </div>
  );
}
