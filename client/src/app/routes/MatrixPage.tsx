import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROUTES } from '../../config/routes';
import { CoverageComputedAt, CoverageComputing, downloadText, MatrixTable, toCsv, useCoverageMatrix } from '../../features/coverage';
import type { CoverageUnitKind } from '../../lib/graphql/graphql';
import { localName, useFormatters } from '../../lib/intl';
import { AppHeader } from '../AppHeader';

/** Units × fields of action as a heat table, the ranked gap list, CSV export of both. */
export default function MatrixPage() {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const unit: CoverageUnitKind = params.get('einheit') === 'bezirke' ? 'DISTRICT' : 'GRID';
  const { matrix, gaps, freshness, loading, computing, error } = useCoverageMatrix(unit);

  useEffect(() => {
    document.title = t('coverage.matrix.documentTitle');
  }, [t]);

  const exportMatrix = () => {
    if (!matrix) return;
    downloadText(
      `abdeckung-matrix-${unit.toLowerCase()}.csv`,
      toCsv([
        ['unit_code', 'unit', 'population', ...matrix.fields.map((c) => `${c.fieldOfAction.code}_providers_in_reach`)],
        ...matrix.rows.map((r) => [r.code, r.name, r.population, ...r.cells.map((c) => c.providersInReach)]),
      ]),
    );
  };
  const exportGaps = () => {
    if (!gaps) return;
    downloadText(
      `abdeckung-luecken-${unit.toLowerCase()}.csv`,
      toCsv([
        ['rank', 'unit_code', 'unit', 'field_of_action', 'population', 'area_m2'],
        ...gaps.nodes.map((g, i) => [i + 1, g.unitCode, g.unitName, g.fieldOfAction.code, g.population, Math.round(g.areaSquareMeters)]),
      ]),
    );
  };

  return (
    <div className="app app--page">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppHeader />
      <main className="page page--wide" id="main" tabIndex={-1}>
        <p>
          <Link to={ROUTES.coverage}>← {t('coverage.matrix.back')}</Link>
        </p>
        <h1>{t('coverage.matrix.title')}</h1>
        <p className="hint">{t('coverage.matrix.intro')}</p>
        <fieldset className="coverage-controls__units">
          <legend>{t('coverage.controls.unit')}</legend>
          {(['GRID', 'DISTRICT'] as CoverageUnitKind[]).map((u) => (
            <label key={u} className="field--inline">
              <input
                type="radio"
                name="matrix-unit"
                checked={unit === u}
                onChange={() => setParams(u === 'DISTRICT' ? { einheit: 'bezirke' } : {}, { replace: true })}
              />
              {t(u === 'GRID' ? 'coverage.controls.grid' : 'coverage.controls.districts')}
            </label>
          ))}
        </fieldset>
        {loading && !matrix && !computing && <p className="muted">{t('common.loading')}</p>}
        {computing && <CoverageComputing computing={computing} />}
        {error && <p className="hint hint--warning">{t('coverage.error', { message: error.message })}</p>}
        {freshness && <CoverageComputedAt freshness={freshness} />}
        {matrix && matrix.rows.length === 0 && <p className="hint hint--warning">{t('coverage.matrix.noUnits')}</p>}
        {matrix && matrix.rows.length > 0 && (
          <section aria-labelledby="matrix-title">
            <div className="coverage-heading-row">
              <h2 id="matrix-title">{t('coverage.matrix.tableTitle')}</h2>
              <button type="button" className="button" onClick={exportMatrix}>
                {t('coverage.matrix.exportMatrix')}
              </button>
            </div>
            <p className="hint">{t('coverage.matrix.cellsExplained', { meters: f.number(matrix.catchmentMeters) })}</p>
            <MatrixTable matrix={matrix} />
          </section>
        )}
        {gaps && (
          <section aria-labelledby="gaps-title">
            <div className="coverage-heading-row">
              <h2 id="gaps-title">{t('coverage.matrix.gapsTitle', { count: gaps.totalCount, formatted: f.number(gaps.totalCount) })}</h2>
              <button type="button" className="button" onClick={exportGaps}>
                {t('coverage.matrix.exportGaps')}
              </button>
            </div>
            <p className="hint">{t('coverage.matrix.gapsExplained', { shown: f.number(gaps.nodes.length) })}</p>
            <table className="gap-table" data-testid="coverage-gap-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('coverage.matrix.unit')}</th>
                  <th scope="col">{t('coverage.controls.field')}</th>
                  <th scope="col">{t('coverage.matrix.population')}</th>
                  <th scope="col">{t('coverage.matrix.area')}</th>
                </tr>
              </thead>
              <tbody>
                {gaps.nodes.map((g, i) => (
                  <tr key={`${g.unitId}-${g.fieldOfAction.code}`}>
                    <td>{i + 1}</td>
                    <td>{g.unitName}</td>
                    <td>{localName(g.fieldOfAction, i18n.language)}</td>
                    <td>
                      {g.population === null ? <span className="muted">{t('coverage.matrix.unknown')}</span> : f.number(g.population)}
                    </td>
                    <td>{(g.areaSquareMeters / 1e6).toLocaleString(f.locale, { maximumFractionDigits: 2 })} km²</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </main>
    </div>
  );
}
