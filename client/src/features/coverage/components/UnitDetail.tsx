import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { organisationPath } from '../../../config/routes';
import { useFormatters } from '../../../lib/intl';
import type { CoverageData, CoverageUnitData } from '../hooks/useCoverageData';
import { useCoverageProviders } from '../hooks/useCoverageData';
import type { CoverageState } from '../hooks/useCoverageState';
import { SCORE_SCALE } from '../utils/measure';
import { LanguageGroups } from './LanguageGroups';

/** One unit: providers in reach (in what-if mode with the hypothetical one), nearest distance, population, score, languages, language groups. */
export function UnitDetail({
  unit,
  coverage,
  state,
  onClose,
}: {
  unit: CoverageUnitData;
  coverage: CoverageData;
  state: CoverageState;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { providers, loading } = useCoverageProviders(state, unit.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // a new selection (from the map or the list) brings the detail into view and moves focus to it
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [unit.id]);
  return (
    <section className="coverage-unit" aria-labelledby="coverage-unit-title" data-testid="coverage-unit">
      <div className="coverage-unit__head">
        <h2 id="coverage-unit-title" className="coverage-section-title" tabIndex={-1} ref={heading}>
          {unit.name}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <p className={unit.gap ? 'coverage-badge coverage-badge--gap' : 'coverage-badge'}>
        {unit.gap ? t('coverage.unit.gap', { meters: f.number(coverage.catchmentMeters) }) : t('coverage.unit.reached')}
      </p>
      <dl className="coverage-figures">
        <div>
          <dt>{t('coverage.unit.providersInReach')}</dt>
          <dd>{f.number(unit.providersInReach)}</dd>
        </div>
        <div>
          <dt>{t('coverage.unit.nearest')}</dt>
          <dd>{unit.nearestMeters === null ? t('coverage.unit.noProvider') : f.distance(unit.nearestMeters)}</dd>
        </div>
        <div>
          <dt>{t('coverage.unit.population')}</dt>
          <dd>
            {unit.population === null
              ? t('coverage.unit.populationUnknown')
              : `${f.number(unit.population)}${unit.populationYear ? ` (${unit.populationYear})` : ''}`}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.unit.score')}</dt>
          <dd>
            {unit.score === null
              ? t('coverage.unit.scoreUnknown')
              : t('coverage.unit.scoreValue', { value: (unit.score * SCORE_SCALE).toLocaleString(f.locale, { maximumFractionDigits: 3 }) })}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.unit.weightedReach')}</dt>
          <dd>{unit.weightedReach.toLocaleString(f.locale, { maximumFractionDigits: 2 })}</dd>
        </div>
        <div>
          <dt>{t('coverage.unit.languages')}</dt>
          <dd>{unit.languagesInReach.length ? f.list(unit.languagesInReach.map((c) => f.languageName(c))) : '–'}</dd>
        </div>
      </dl>
      <LanguageGroups unit={unit} unitKind={coverage.unit} />
      <h3 className="coverage-subtitle">{t(state.whatIf ? 'coverage.unit.providerListWhatIf' : 'coverage.unit.providerList')}</h3>
      {loading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : providers.length === 0 ? (
        <p className="muted">{t('coverage.unit.noProviders')}</p>
      ) : (
        <ol className="coverage-providers" data-testid="coverage-providers">
          {providers.map((p) => (
            <li key={p.hypothetical ? 'hypothetical' : `${p.serviceId}-${p.locationId}`}>
              {p.hypothetical || !p.organisationId ? (
                <strong className="coverage-providers__hypothetical">{t('coverage.unit.hypothetical')}</strong>
              ) : (
                <>
                  <Link to={organisationPath(p.organisationId)}>{p.organisationName}</Link> – {p.serviceName}
                </>
              )}{' '}
              <span className="muted">
                ({f.distance(p.distanceMeters)}, {t('coverage.unit.weight', { weight: f.number(p.weight) })})
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
