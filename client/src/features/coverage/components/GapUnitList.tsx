import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageData } from '../hooks/useCoverageData';

const FIRST = 25;

/** The list alternative to the map: gap units (largest known population, then largest area first), each selectable. */
export function GapUnitList({
  coverage,
  selectedId,
  onSelect,
}: {
  coverage: CoverageData;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [all, setAll] = useState(false);
  const gaps = coverage.units
    .filter((u) => u.gap)
    .sort((a, b) => (b.population ?? -1) - (a.population ?? -1) || b.areaSquareMeters - a.areaSquareMeters);
  const shown = all ? gaps : gaps.slice(0, FIRST);
  return (
    <section className="coverage-gaps" aria-labelledby="coverage-gaps-title">
      <h2 id="coverage-gaps-title" className="coverage-section-title">
        {t('coverage.gapList.title', { count: gaps.length, formatted: f.number(gaps.length) })}
      </h2>
      {gaps.length === 0 ? (
        <p className="muted">{t('coverage.gapList.none')}</p>
      ) : (
        <ul className="coverage-gap-list" data-testid="gap-unit-list">
          {shown.map((u) => (
            <li key={u.id}>
              <button type="button" className="coverage-gap-list__item" aria-pressed={u.id === selectedId} onClick={() => onSelect(u.id)}>
                <span>{u.name}</span>
                <span className="muted">
                  {u.population === null
                    ? t('coverage.unit.populationUnknown')
                    : t('coverage.gapList.people', { formatted: f.number(u.population) })}
                  {' · '}
                  {u.nearestMeters === null
                    ? t('coverage.unit.noProvider')
                    : t('coverage.gapList.nearest', { distance: f.distance(u.nearestMeters) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {gaps.length > FIRST && (
        <button type="button" className="button button--link" onClick={() => setAll((x) => !x)}>
          {all ? t('coverage.gapList.fewer') : t('coverage.gapList.all', { count: gaps.length, formatted: f.number(gaps.length) })}
        </button>
      )}
    </section>
  );
}
