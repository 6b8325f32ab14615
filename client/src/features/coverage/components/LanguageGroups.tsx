import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { CoverageUnitData } from '../hooks/useCoverageData';

/**
 * Imported population groups of a district whose language no provider in reach offers. Only what was imported:
 * without group statistics it says so; for grid cells it says that groups are counted per district only.
 */
export function LanguageGroups({ unit, unitKind }: { unit: CoverageUnitData; unitKind: 'GRID' | 'DISTRICT' }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const gaps = unit.languageGaps;
  return (
    <section className="coverage-groups" aria-labelledby="coverage-groups-title" data-testid="coverage-language-groups">
      <h3 id="coverage-groups-title" className="coverage-subtitle">
        {t('coverage.groups.title')}
      </h3>
      {unitKind === 'GRID' ? (
        <p className="muted">{t('coverage.groups.districtsOnly')}</p>
      ) : gaps === null || gaps === undefined ? (
        <p className="muted">{t('coverage.groups.none')}</p>
      ) : gaps.length === 0 ? (
        <p>{t('coverage.groups.allServed')}</p>
      ) : (
        <>
          <ul className="coverage-groups__list">
            {gaps.map((g) => (
              <li key={`${g.groupKind}-${g.groupCode}`}>
                <span>
                  {g.groupKind === 'LANGUAGE'
                    ? t('coverage.groups.languageGroup', { language: f.languageName(g.language) })
                    : t('coverage.groups.nationalityGroup', { label: g.label, language: f.languageName(g.language) })}
                </span>{' '}
                <strong>{t('coverage.groups.persons', { count: g.persons, formatted: f.number(g.persons) })}</strong>
              </li>
            ))}
          </ul>
          <p className="hint">
            {t('coverage.groups.total', {
              persons: f.number(gaps.reduce((n, g) => n + g.persons, 0)),
              year: gaps[0].year,
            })}
          </p>
        </>
      )}
    </section>
  );
}
