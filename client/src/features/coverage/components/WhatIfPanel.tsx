import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageWhatIfQuery } from '../../../lib/graphql/graphql';

export interface WhatIfPanelProps {
  picking: boolean;
  result: CoverageWhatIfQuery['coverageWhatIf'] | null;
  active: boolean;
  onTogglePicking: () => void;
  onClear: () => void;
}

/** What-if mode: place a hypothetical provider on the map and see how the gap shrinks (nothing is saved). */
export function WhatIfPanel({ picking, result, active, onTogglePicking, onClear }: WhatIfPanelProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <section className="coverage-whatif" aria-labelledby="coverage-whatif-title">
      <h2 id="coverage-whatif-title" className="coverage-section-title">
        {t('coverage.whatIf.title')}
      </h2>
      <p className="hint">{t('coverage.whatIf.hint')}</p>
      <div className="button-row">
        <button type="button" className="button" aria-pressed={picking} onClick={onTogglePicking}>
          {picking ? t('coverage.whatIf.cancel') : active ? t('coverage.whatIf.move') : t('coverage.whatIf.place')}
        </button>
        {active && (
          <button type="button" className="button" onClick={onClear}>
            {t('coverage.whatIf.remove')}
          </button>
        )}
      </div>
      {result && (
        <div role="status" className="coverage-whatif__result" data-testid="whatif-result">
          <p>
            <strong>
              {t('coverage.whatIf.newlyReached', { count: result.unitsNewlyInReach, formatted: f.number(result.unitsNewlyInReach) })}
            </strong>
          </p>
          <p>
            {t('coverage.whatIf.gaps', {
              before: f.number(result.before.gapUnitCount),
              after: f.number(result.coverage.summary.gapUnitCount),
            })}
          </p>
          <p>
            {result.before.knownPopulation > 0
              ? t('coverage.whatIf.people', { formatted: f.number(result.populationNewlyInReach) })
              : t('coverage.whatIf.peopleUnknown')}
            {result.unitsNewlyInReachWithUnknownPopulation > 0 &&
              ` ${t('coverage.whatIf.unknownUnits', { count: result.unitsNewlyInReachWithUnknownPopulation, formatted: f.number(result.unitsNewlyInReachWithUnknownPopulation) })}`}
          </p>
        </div>
      )}
    </section>
  );
}
