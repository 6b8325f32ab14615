import { useTranslation } from 'react-i18next';
import { ISO_639_1_CODES } from '@partneratlas/shared';
import { localName, useFormatters } from '../../../lib/intl';
import type { CoverageOptionsQuery, CoverageUnitKind } from '../../../lib/graphql/graphql';
import type { CoverageState } from '../hooks/useCoverageState';

/** Languages offered in Göttingen's services first; the select lists every ISO 639-1 code after them. */
const COMMON_LANGUAGES = ['de', 'ar', 'en', 'fa', 'fr', 'ku', 'ps', 'ru', 'so', 'ta', 'ti', 'tr', 'uk'];

export interface CoverageControlsProps {
  state: CoverageState;
  fields: CoverageOptionsQuery['fields'];
  targetGroups: CoverageOptionsQuery['targetGroups'];
  onChange: (patch: Partial<CoverageState>) => void;
}

export function CoverageControls({ state, fields, targetGroups, onChange }: CoverageControlsProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const spatial = fields.filter((x) => x.fieldOfAction.spatial);
  const cityWide = fields.filter((x) => !x.fieldOfAction.spatial);
  const languages = [...COMMON_LANGUAGES, ...ISO_639_1_CODES.filter((c) => !COMMON_LANGUAGES.includes(c))];
  return (
    <form className="coverage-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('coverage.controls.label')}>
      <div className="field">
        <label htmlFor="coverage-field">{t('coverage.controls.field')}</label>
        <select
          id="coverage-field"
          value={state.field}
          onChange={(e) => onChange({ field: e.target.value, selectedUnit: null, whatIf: null })}
        >
          <optgroup label={t('coverage.controls.spatialFields')}>
            {spatial.map((x) => (
              <option key={x.fieldOfAction.code} value={x.fieldOfAction.code}>
                {localName(x.fieldOfAction, i18n.language)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('coverage.controls.cityWideFields')}>
            {cityWide.map((x) => (
              <option key={x.fieldOfAction.code} value={x.fieldOfAction.code}>
                {localName(x.fieldOfAction, i18n.language)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <fieldset className="coverage-controls__units">
        <legend>{t('coverage.controls.unit')}</legend>
        {(['GRID', 'DISTRICT'] as CoverageUnitKind[]).map((u) => (
          <label key={u} className="field--inline">
            <input
              type="radio"
              name="coverage-unit"
              value={u}
              checked={state.unit === u}
              onChange={() => onChange({ unit: u, selectedUnit: null })}
            />
            {t(u === 'GRID' ? 'coverage.controls.grid' : 'coverage.controls.districts')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="coverage-language">{t('coverage.controls.language')}</label>
        <select
          id="coverage-language"
          value={state.language ?? ''}
          onChange={(e) => onChange({ language: e.target.value || null, selectedUnit: null })}
        >
          <option value="">{t('coverage.controls.anyLanguage')}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {f.languageName(code)} ({code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="coverage-target">{t('coverage.controls.targetGroup')}</label>
        <select
          id="coverage-target"
          value={state.targetGroup ?? ''}
          onChange={(e) => onChange({ targetGroup: e.target.value || null, selectedUnit: null })}
        >
          <option value="">{t('coverage.controls.anyTargetGroup')}</option>
          {targetGroups.map((g) => (
            <option key={g.code} value={g.code}>
              {localName(g, i18n.language)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
