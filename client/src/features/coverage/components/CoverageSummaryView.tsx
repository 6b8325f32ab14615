import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageData } from '../hooks/useCoverageData';

const pct = (share: number, locale: string) => share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });

/** Shares of units and of known population without reach, as sentences with numbers. */
export function CoverageSummaryView({ coverage }: { coverage: CoverageData }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const s = coverage.summary;
  const unitWord = t(coverage.unit === 'GRID' ? 'coverage.units.cells' : 'coverage.units.districts');
  return (
    <section className="coverage-summary" aria-labelledby="coverage-summary-title" data-testid="coverage-summary">
      <h2 id="coverage-summary-title" className="coverage-section-title">
        {t('coverage.summary.title')}
      </h2>
      <dl className="coverage-figures">
        <div>
          <dt>{t('coverage.summary.gapUnits', { units: unitWord })}</dt>
          <dd>
            {f.number(s.gapUnitCount)} / {f.number(s.unitCount)} ({pct(s.gapUnitShare, f.locale)})
          </dd>
        </div>
        <div>
          <dt>{t('coverage.summary.gapArea')}</dt>
          <dd>{(s.gapAreaSquareMeters / 1e6).toLocaleString(f.locale, { maximumFractionDigits: 1 })} km²</dd>
        </div>
        <div>
          <dt>{t('coverage.summary.people')}</dt>
          <dd>
            {s.populationShareWithoutReach === null
              ? t('coverage.summary.populationUnknown')
              : `${f.number(s.populationWithoutReach)} / ${f.number(s.knownPopulation)} (${pct(s.populationShareWithoutReach, f.locale)})`}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.summary.providers')}</dt>
          <dd>{f.number(coverage.providerCount)}</dd>
        </div>
        {coverage.unit === 'DISTRICT' && (
          <div data-testid="coverage-summary-groups">
            <dt>{t('coverage.summary.languageGroups')}</dt>
            <dd>
              {s.languageGapGroups === null || s.languageGapPersons === null
                ? t('coverage.groups.none')
                : t('coverage.summary.languageGroupsValue', {
                    count: s.languageGapGroups,
                    groups: f.number(s.languageGapGroups),
                    persons: f.number(s.languageGapPersons),
                    districts: f.number(s.unitsWithGroupStatistics),
                  })}
            </dd>
          </div>
        )}
      </dl>
      {s.gapUnitsWithUnknownPopulation > 0 && (
        <p className="hint">
          {t('coverage.summary.gapsUnknownPopulation', {
            count: s.gapUnitsWithUnknownPopulation,
            formatted: f.number(s.gapUnitsWithUnknownPopulation),
          })}
        </p>
      )}
      {s.unitsWithoutGeometry > 0 && (
        <p className="hint hint--warning">
          {t('coverage.summary.withoutGeometry', { count: s.unitsWithoutGeometry, formatted: f.number(s.unitsWithoutGeometry) })}
        </p>
      )}
    </section>
  );
}
