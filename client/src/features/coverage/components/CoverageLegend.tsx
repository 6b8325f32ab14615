import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageData } from '../hooks/useCoverageData';
import { classesFor, measureOf, SCORE_SCALE } from '../utils/measure';

/** Classes with their numbers, the gap pattern and what is measured. */
export function CoverageLegend({ coverage, whatIf }: { coverage: CoverageData; whatIf: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const measure = measureOf(coverage);
  const classes = classesFor(coverage);
  const scale = measure === 'score' ? SCORE_SCALE : 1;
  const fmt = (v: number) => (v * scale).toLocaleString(f.locale, { maximumFractionDigits: v * scale < 10 ? 2 : 1 });
  return (
    <div className="coverage-legend" data-testid="coverage-legend">
      <p className="coverage-legend__measure">{measure === 'score' ? t('coverage.legend.score') : t('coverage.legend.reach')}</p>
      <ul className="legend__list">
        {classes.map((c) => (
          <li key={c.index} className="legend__item">
            <span className="coverage-swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span>{c.index === 0 ? `> 0 – ${fmt(c.to)}` : `> ${fmt(c.from)} – ${fmt(c.to)}`}</span>
          </li>
        ))}
        <li className="legend__item">
          <span className="coverage-swatch coverage-swatch--gap" aria-hidden="true" />
          <span>{t('coverage.legend.gap', { meters: f.number(coverage.catchmentMeters) })}</span>
        </li>
        {whatIf && (
          <li className="legend__item">
            <span className="coverage-swatch coverage-swatch--new" aria-hidden="true" />
            <span>{t('coverage.legend.newlyReached')}</span>
          </li>
        )}
      </ul>
      <p className="legend__note">
        {t('coverage.legend.zones', {
          catchment: f.number(coverage.catchmentMeters),
          weights: coverage.zoneWeights.map((w) => f.number(w)).join(' / '),
        })}
      </p>
      {measure === 'reach' && <p className="legend__note">{t('coverage.legend.populationUnknown')}</p>}
    </div>
  );
}
