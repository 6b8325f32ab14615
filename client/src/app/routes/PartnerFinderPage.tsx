import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { env } from '../../config/env';
import { organisationPath } from '../../config/routes';
import {
  formatFinderState,
  parseFinderState,
  PartnerFinderForm,
  SuggestionList,
  SuggestionMapLayer,
  usePartnerSuggestions,
  type FinderState,
} from '../../features/partners';
import { BaseTiles, FitBounds, InvalidateSize, MapClickPicker, MapView, RadiusCircle } from '../../map';
import { AppHeader } from '../AppHeader';

const START_VIEW = { zoom: 12, lat: 51.5413, lng: 9.9158 };

/** Partner finder: a form (for my organisation / for a need), the ranked suggestions with reasons, and the same on the map. */
export default function PartnerFinderPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseFinderState(params), [params]);
  const [picking, setPicking] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { suggestions, loading, error, ready } = usePartnerSuggestions(state);

  useEffect(() => {
    document.title = t('partners.documentTitle');
  }, [t]);

  const update = useCallback(
    (patch: Partial<FinderState>) => setParams(formatFinderState({ ...parseFinderState(params), ...patch })),
    [params, setParams],
  );
  const onPick = useCallback(
    (lat: number, lng: number) => {
      setPicking(false);
      update({ point: { lat, lng } });
    },
    [update],
  );
  const select = useCallback((id: string) => {
    setSelectedId(id);
    document.getElementById(`suggestion-${id}`)?.scrollIntoView({ block: 'nearest' });
  }, []);

  const bounds = useMemo(() => {
    const pts = (suggestions ?? []).flatMap((s) =>
      s.organisation.locations
        .filter((l) => l.latitude !== null && l.longitude !== null)
        .map((l) => [l.latitude!, l.longitude!] as [number, number]),
    );
    return pts.length ? pts : null;
  }, [suggestions]);

  return (
    <div className="app app--page">
      <a className="skip-link" href="#finder-results">
        {t('partners.skipToResults')}
      </a>
      <AppHeader />
      <main id="main" className="finder-page" tabIndex={-1}>
        <h1 className="page-title">{t('partners.title')}</h1>
        <p className="page-intro">{t('partners.intro')}</p>
        <div className="finder-layout">
          <aside className="finder-side">
            <PartnerFinderForm state={state} onChange={update} picking={picking} onTogglePicking={() => setPicking((p) => !p)} />
          </aside>
          <section id="finder-results" className="finder-results" tabIndex={-1} aria-labelledby="finder-results-title" aria-busy={loading}>
            <h2 id="finder-results-title">{t('partners.list.title')}</h2>
            {error && (
              <p role="alert" className="error">
                {t('partners.error')}
              </p>
            )}
            {!ready && (
              <p className="hint">{t(state.mode === 'org' ? 'partners.list.chooseOrganisation' : 'partners.list.describeNeed')}</p>
            )}
            {ready && !suggestions && loading && <p role="status">{t('common.loading')}</p>}
            {suggestions && (
              <SuggestionList suggestions={suggestions} organisationHref={organisationPath} selectedId={selectedId} onSelect={select} />
            )}
          </section>
          <section className="finder-map" aria-label={t('partners.mapRegion')}>
            <MapView initialViewport={START_VIEW} label={t('partners.mapLabel')}>
              <BaseTiles url={env.tileUrl} attribution={env.tileAttribution} />
              <InvalidateSize token={suggestions?.length ?? 0} />
              <MapClickPicker active={picking} onPick={onPick} />
              {state.mode === 'bedarf' && state.point && (
                <RadiusCircle lat={state.point.lat} lng={state.point.lng} radiusMeters={state.radiusMeters} />
              )}
              {suggestions && (
                <>
                  <SuggestionMapLayer suggestions={suggestions} selectedId={selectedId} onSelect={select} />
                  <FitBounds key={suggestions.map((s) => s.organisation.id).join()} bounds={bounds} enabled />
                </>
              )}
            </MapView>
            {picking && (
              <p className="map-hint" role="status">
                {t('partners.form.pickHint')}
              </p>
            )}
          </section>
        </div>
      </main>
    </div>
  );
}
