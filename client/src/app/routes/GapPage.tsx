import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { env } from '../../config/env';
import { ROUTES } from '../../config/routes';
import { useMapAreas } from '../../features/areas';
import {
  CoverageComputedAt,
  CoverageComputing,
  CoverageControls,
  CoverageDownload,
  CoverageLayer,
  CoverageLegend,
  CoverageSummaryView,
  GapUnitList,
  HatchDefs,
  UnitDetail,
  useCoverage,
  useCoverageOptions,
  useCoverageState,
  WhatIfPanel,
} from '../../features/coverage';
import { localName, useFormatters } from '../../lib/intl';
import { PHONE_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { BaseTiles, FitBounds, InvalidateSize, MapClickPicker, MapView, ZoomClasses, type Viewport } from '../../map';
import { AppHeader } from '../AppHeader';

const ignore = () => undefined;
const START_VIEW: Viewport = { zoom: 12, lat: 51.5413, lng: 9.9158 };
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [51.25, 9.4],
  [51.85, 10.45],
];

/** The gap view: a field of action's accessibility over the grid or the districts, with list, detail and what-if. */
export default function GapPage() {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const { state, update } = useCoverageState();
  const options = useCoverageOptions();
  const areas = useMapAreas();
  const { coverage, freshness, whatIf, newlyReached, loading, computing, error } = useCoverage(state);
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    document.title = t('coverage.documentTitle');
  }, [t]);

  const select = useCallback((id: string) => update({ selectedUnit: id }), [update]);
  const onPick = useCallback(
    (lat: number, lng: number) => {
      setPicking(false);
      update({ whatIf: { lat, lng } });
    },
    [update],
  );
  const selected = useMemo(() => coverage?.units.find((u) => u.id === state.selectedUnit) ?? null, [coverage, state.selectedUnit]);
  const fieldName = coverage ? localName(coverage.fieldOfAction, i18n.language) : '';
  const cityWide = coverage && !coverage.fieldOfAction.spatial ? coverage.cityWide : null;

  return (
    <div className="app">
      <a className="skip-link" href="#coverage-sidebar">
        {t('coverage.skipToList')}
      </a>
      <AppHeader />
      <HatchDefs />
      <main className="map-page" id="main">
        <aside className="sidebar" id="coverage-sidebar" tabIndex={-1} aria-label={t('coverage.sidebarLabel')}>
          <h1 className="coverage-title">{t('coverage.title')}</h1>
          <p className="hint">
            {t('coverage.intro')} <Link to={ROUTES.coverageMatrix}>{t('coverage.toMatrix')}</Link>
          </p>
          <CoverageControls state={state} fields={options.fields} targetGroups={options.targetGroups} onChange={(p) => update(p)} />
          {computing && <CoverageComputing computing={computing} />}
          {error && <p className="hint hint--warning">{t('coverage.error', { message: error.message })}</p>}
          {loading && !coverage && !computing && <p className="muted">{t('common.loading')}</p>}
          {freshness && <CoverageComputedAt freshness={freshness} />}
          {cityWide && (
            <section className="coverage-citywide" data-testid="coverage-citywide">
              <h2 className="coverage-section-title">{fieldName}</h2>
              <p>
                {t(`coverage.cityWide.${cityWide.status}`, { count: cityWide.providerCount, formatted: f.number(cityWide.providerCount) })}
              </p>
              <p className="hint">{t('coverage.cityWide.note')}</p>
            </section>
          )}
          {coverage && coverage.fieldOfAction.spatial && (
            <>
              {selected && <UnitDetail unit={selected} coverage={coverage} state={state} onClose={() => update({ selectedUnit: null })} />}
              <CoverageSummaryView coverage={coverage} />
              <CoverageDownload
                fieldOfAction={coverage.fieldOfAction.code}
                unit={coverage.unit}
                catchmentMeters={coverage.catchmentMeters}
              />
              <WhatIfPanel
                picking={picking}
                active={state.whatIf !== null}
                result={whatIf}
                onTogglePicking={() => setPicking((p) => !p)}
                onClear={() => update({ whatIf: null })}
              />
              <GapUnitList coverage={coverage} selectedId={state.selectedUnit} onSelect={select} />
            </>
          )}
        </aside>
        <section className="map-area" id="map" tabIndex={-1} aria-label={t('coverage.mapLabel', { field: fieldName })}>
          <MapView initialViewport={START_VIEW} maxBounds={MAX_BOUNDS} label={t('coverage.mapLabel', { field: fieldName })}>
            <BaseTiles url={env.tileUrl} attribution={env.tileAttribution} />
            <FitBounds bounds={areas.cityBounds} enabled rightInset={isPhone ? 0 : 280} />
            {coverage && coverage.fieldOfAction.spatial && (
              <CoverageLayer
                coverage={coverage}
                selectedId={state.selectedUnit}
                newlyReached={newlyReached}
                whatIf={state.whatIf}
                whatIfLabel={t('coverage.whatIf.marker')}
                onSelect={picking ? ignore : select}
              />
            )}
            <MapClickPicker active={picking} onPick={onPick} />
            <ZoomClasses />
            <InvalidateSize token={`${isPhone}`} />
          </MapView>
          {picking && (
            <div className="map-notice map-notice--pick" role="status">
              <span>{t('coverage.whatIf.pickHint')}</span>
              <button type="button" className="button button--small" onClick={() => setPicking(false)}>
                {t('coverage.whatIf.cancel')}
              </button>
            </div>
          )}
          {coverage && coverage.fieldOfAction.spatial && (
            <details className="legend" open={!isPhone}>
              <summary className="legend__summary">{t('coverage.legend.title', { field: fieldName })}</summary>
              <div className="legend__body">
                <CoverageLegend coverage={coverage} whatIf={state.whatIf !== null} />
              </div>
            </details>
          )}
        </section>
      </main>
    </div>
  );
}
