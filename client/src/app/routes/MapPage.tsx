import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Drawer } from '../../components/Drawer';
import { env } from '../../config/env';
import { networkPath, organisationEditPath, partnerFinderPath } from '../../config/routes';
import {
  ActiveFilterChips,
  countActiveFilters,
  DemoBanner,
  DownloadLinks,
  EMPTY_FILTERS,
  FilterPanel,
  KindLegend,
  OrganisationMarkersLayer,
  ResultList,
  SearchBox,
  useDemoPresence,
  useDirectoryFilters,
  useDirectoryMarkers,
  type DirectoryFilters,
} from '../../features/directory';
import { AreaLayers, AreaLegend, useMapAreas } from '../../features/areas';
import { OrganisationDetail } from '../../features/organisation-detail';
import { useFormatters } from '../../lib/intl';
import { PHONE_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import {
  BaseTiles,
  FitBounds,
  formatViewport,
  InvalidateSize,
  MapClickPicker,
  MapView,
  PanTo,
  parseViewport,
  RadiusCircle,
  VIEWPORT_PARAM,
  ViewportUrlSync,
  ZoomClasses,
  type Viewport,
} from '../../map';
import { AppHeader } from '../AppHeader';

const SELECTION_PARAM = 'org';
const VIEW_PARAM = 'ansicht';
type PhoneView = 'karte' | 'liste';
/** Göttingen before the boundary has loaded. */
const START_VIEW: Viewport = { zoom: 12, lat: 51.5413, lng: 9.9158 };
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [51.25, 9.4],
  [51.85, 10.45],
];

/** The start page: filters, result list and detail beside the clustered map; all state in the URL. */
export default function MapPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const { filters, setFilters, update } = useDirectoryFilters();
  const isPhone = useMediaQuery(PHONE_QUERY);

  const selectedId = params.get(SELECTION_PARAM);
  const viewport = useMemo(() => parseViewport(params.get(VIEWPORT_PARAM)), [params]);
  const phoneView: PhoneView = params.get(VIEW_PARAM) === 'liste' ? 'liste' : 'karte';
  // Fit the city only when the page was opened without a viewport in its link.
  // (or with an organisation selected: then the map goes to that organisation instead).
  // Both are fixed at mount (state that is never set), so render may read them.
  const [fitCityAtLoad] = useState(() => viewport === null && selectedId === null);
  const [initialViewport] = useState(() => viewport ?? START_VIEW);

  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [tilesAvailable, setTilesAvailable] = useState<boolean | null>(null);
  const [tilesNoticeDismissed, setTilesNoticeDismissed] = useState(false);

  const areas = useMapAreas();
  const { markers, unmappedCount, truncated, organisationCount, loading: markersLoading } = useDirectoryMarkers(filters);
  const demoShown = useDemoPresence(filters);

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);

  const setParam = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  const lastSelected = useRef<string | null>(null);
  const select = useCallback(
    (id: string) => {
      lastSelected.current = id;
      setParam({ [SELECTION_PARAM]: id, ...(isPhone ? { [VIEW_PARAM]: 'liste' } : {}) });
    },
    [setParam, isPhone],
  );
  const closeDetail = useCallback(() => {
    setParam({ [SELECTION_PARAM]: null });
    // Back in the list, focus returns to the entry that was open.
    const id = lastSelected.current;
    requestAnimationFrame(() => {
      const link = id ? document.querySelector<HTMLAnchorElement>(`.results a[href$="org=${CSS.escape(encodeURIComponent(id))}"]`) : null;
      (link ?? document.getElementById('results'))?.focus();
    });
  }, [setParam]);

  const onViewportChange = useCallback((v: Viewport) => setParam({ [VIEWPORT_PARAM]: formatViewport(v) }, true), [setParam]);
  const hrefFor = useCallback(
    (id: string) => {
      const next = new URLSearchParams(params);
      next.set(SELECTION_PARAM, id);
      return `?${next.toString()}`;
    },
    [params],
  );
  const onFilterChange = useCallback((patch: Partial<DirectoryFilters>) => update(patch), [update]);
  const onPick = useCallback(
    (lat: number, lng: number) => {
      setPicking(false);
      update({ near: { lat, lng, radiusMeters: filters.near?.radiusMeters ?? 2000 } });
    },
    [update, filters.near],
  );
  const togglePicking = useCallback(() => {
    setPicking((p) => {
      if (!p && isPhone) {
        setDrawerOpen(false);
        setParam({ [VIEW_PARAM]: 'karte' });
      }
      return !p;
    });
  }, [isPhone, setParam]);

  const selectedTarget = useMemo(() => {
    const m = selectedId ? markers.find((x) => x.organisationId === selectedId) : undefined;
    return m ? { lat: m.lat, lng: m.lng, key: `${m.organisationId}` } : null;
  }, [markers, selectedId]);
  const mapCenter = viewport ? { lat: viewport.lat, lng: viewport.lng } : null;
  const activeCount = countActiveFilters(filters);

  const filterPanel = (
    <FilterPanel filters={filters} onChange={onFilterChange} picking={picking} onTogglePicking={togglePicking} mapCenter={mapCenter} />
  );

  return (
    <div className="app" data-phone-view={isPhone ? phoneView : undefined}>
      <a className="skip-link" href="#results">
        {t('a11y.skipToResults')}
      </a>
      <a className="skip-link" href="#map">
        {t('a11y.skipToMap')}
      </a>
      <AppHeader />
      {demoShown && <DemoBanner />}
      <main className="map-page" id="main">
        <aside className="sidebar" aria-label={t('sidebar.label')}>
          {selectedId && (
            <div className="detail-panel">
              <button type="button" className="button button--back" onClick={closeDetail}>
                <span aria-hidden="true">← </span>
                {t('detail.back')}
              </button>
              <OrganisationDetail id={selectedId} hrefFor={hrefFor} onOpenOrganisation={select} editHref={organisationEditPath} />
              <p className="detail-actions">
                <Link to={partnerFinderPath(selectedId)}>{t('partners.findPartners')}</Link>
                <Link to={networkPath(selectedId)}>{t('nav.network')}</Link>
              </p>
            </div>
          )}
          <div className="directory" hidden={Boolean(selectedId)}>
            <SearchBox value={filters.text} onSearch={(text) => update({ text })} />
            {isPhone ? (
              <>
                <button type="button" className="button button--filters" onClick={() => setDrawerOpen(true)} aria-haspopup="dialog">
                  {activeCount > 0 ? t('filters.openWithCount', { count: activeCount }) : t('filters.open')}
                </button>
                <Drawer
                  open={drawerOpen}
                  title={t('filters.title')}
                  onClose={() => setDrawerOpen(false)}
                  footer={
                    <button type="button" className="button button--primary button--block" onClick={() => setDrawerOpen(false)}>
                      {organisationCount !== null
                        ? t('filters.showResults', { count: organisationCount, formatted: f.number(organisationCount) })
                        : t('common.close')}
                    </button>
                  }
                >
                  {filterPanel}
                </Drawer>
              </>
            ) : (
              <details className="filters-box" open>
                <summary className="filters-box__summary">
                  <h2 className="filters-box__title">{t('filters.title')}</h2>
                </summary>
                {filterPanel}
              </details>
            )}
            <ActiveFilterChips filters={filters} onChange={onFilterChange} onReset={() => setFilters(EMPTY_FILTERS)} />
            <div id="results" tabIndex={-1} className="results-anchor">
              <ResultList
                filters={filters}
                onSortChange={(sort) => update({ sort }, { replace: true })}
                selectedId={selectedId}
                hoveredId={hoveredId}
                onHover={setHoveredId}
                onSelect={select}
                hrefFor={hrefFor}
              />
            </div>
            <DownloadLinks />
          </div>
        </aside>
        <section className="map-area" id="map" tabIndex={-1} aria-label={t('map.regionLabel')}>
          <MapView initialViewport={initialViewport} maxBounds={MAX_BOUNDS} label={t('map.label')}>
            <BaseTiles url={env.tileUrl} attribution={env.tileAttribution} onAvailabilityChange={setTilesAvailable} />
            <ViewportUrlSync viewport={viewport} onChange={onViewportChange} />
            <FitBounds bounds={areas.cityBounds} enabled={fitCityAtLoad} rightInset={isPhone ? 0 : 280} />
            <AreaLayers areas={areas} />
            {filters.near && <RadiusCircle lat={filters.near.lat} lng={filters.near.lng} radiusMeters={filters.near.radiusMeters} />}
            <OrganisationMarkersLayer
              markers={markers}
              loading={markersLoading}
              selectedId={selectedId}
              hoveredId={hoveredId}
              onSelect={select}
            />
            <MapClickPicker active={picking} onPick={onPick} />
            <PanTo target={selectedTarget} />
            <ZoomClasses />
            <InvalidateSize token={`${isPhone}-${phoneView}-${selectedId !== null}`} />
          </MapView>
          {picking && (
            <div className="map-notice map-notice--pick" role="status">
              <span>{t('near.pickHint')}</span>
              <button type="button" className="button button--small" onClick={() => setPicking(false)}>
                {t('near.pickCancel')}
              </button>
            </div>
          )}
          {tilesAvailable === false && !tilesNoticeDismissed && (
            <div className="map-notice map-notice--tiles" role="status">
              <span>{t('map.tilesUnavailable')}</span>
              <button type="button" className="button button--small" onClick={() => setTilesNoticeDismissed(true)}>
                {t('map.dismissNotice')}
              </button>
            </div>
          )}
          <details className="legend" open={!isPhone}>
            <summary className="legend__summary">{t('legend.title')}</summary>
            <div className="legend__body">
              <KindLegend />
              <AreaLegend areas={areas} />
              {unmappedCount > 0 && (
                <p className="legend__note">{t('map.unmapped', { count: unmappedCount, formatted: f.number(unmappedCount) })}</p>
              )}
              {truncated && <p className="legend__note">{t('map.truncated')}</p>}
            </div>
          </details>
        </section>
      </main>
      {isPhone && (
        <nav className="view-toggle" aria-label={t('view.label')}>
          <button type="button" aria-pressed={phoneView === 'liste'} onClick={() => setParam({ [VIEW_PARAM]: 'liste' })}>
            {t('view.list')}
          </button>
          <button type="button" aria-pressed={phoneView === 'karte'} onClick={() => setParam({ [VIEW_PARAM]: 'karte' })}>
            {t('view.map')}
          </button>
        </nav>
      )}
    </div>
  );
}
