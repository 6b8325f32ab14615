import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import { useFinderOrganisation, useNeedOptions, useOrganisationSearch } from '../hooks/usePartners';
import { COMMON_LANGUAGES, RADIUS_CHOICES, type FinderMode, type FinderState } from '../utils/finder-state';

export interface PartnerFinderFormProps {
  state: FinderState;
  onChange: (patch: Partial<FinderState>) => void;
  picking: boolean;
  onTogglePicking: () => void;
}

const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

/** "For my organisation" (pick it by name) or "for a need" (fields, languages, target groups, a place). Every change updates the URL. */
export function PartnerFinderForm({ state, onChange, picking, onTogglePicking }: PartnerFinderFormProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const de = i18n.language !== 'en';
  const [text, setText] = useState('');
  const search = useOrganisationSearch(text);
  const chosen = useFinderOrganisation(state.mode === 'org' ? state.organisationId : null);
  const options = useNeedOptions();
  const modeRadio = (mode: FinderMode, label: string) => (
    <label className="check">
      <input type="radio" name="finder-mode" value={mode} checked={state.mode === mode} onChange={() => onChange({ mode })} />
      {label}
    </label>
  );
  return (
    <form className="finder-form" aria-labelledby="finder-form-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="finder-form-title" className="panel-title">
        {t('partners.form.title')}
      </h2>
      <fieldset>
        <legend>{t('partners.form.mode')}</legend>
        {modeRadio('org', t('partners.form.forOrganisation'))}
        {modeRadio('bedarf', t('partners.form.forNeed'))}
      </fieldset>
      {state.mode === 'org' ? (
        <>
          <p className="finder-form__chosen" aria-live="polite">
            {chosen ? t('partners.form.chosen', { name: chosen.name }) : t('partners.form.noneChosen')}
          </p>
          <label className="field">
            {t('partners.form.searchOrganisation')}
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('partners.form.searchPlaceholder')}
            />
          </label>
          {search.results.length > 0 && (
            <ul className="finder-form__results" aria-label={t('partners.form.searchResults')}>
              {search.results.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onChange({ organisationId: o.id });
                      setText('');
                    }}
                  >
                    {o.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label className="check">
            <input type="checkbox" checked={state.includeConnected} onChange={(e) => onChange({ includeConnected: e.target.checked })} />
            {t('partners.form.includeConnected')}
          </label>
        </>
      ) : (
        <>
          <fieldset>
            <legend>{t('partners.form.fields')}</legend>
            <div className="check-columns">
              {options.fields
                .filter((x) => !x.parentCode)
                .map((x) => (
                  <label key={x.code} className="check">
                    <input
                      type="checkbox"
                      checked={state.fields.includes(x.code)}
                      onChange={(e) => onChange({ fields: toggle(state.fields, x.code, e.target.checked) })}
                    />
                    {de ? x.nameDe : x.nameEn}
                  </label>
                ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('partners.form.languages')}</legend>
            <div className="check-columns">
              {COMMON_LANGUAGES.map((code) => (
                <label key={code} className="check">
                  <input
                    type="checkbox"
                    checked={state.languages.includes(code)}
                    onChange={(e) => onChange({ languages: toggle(state.languages, code, e.target.checked) })}
                  />
                  {f.languageName(code)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('partners.form.targetGroups')}</legend>
            <div className="check-columns">
              {options.targetGroups.map((x) => (
                <label key={x.code} className="check">
                  <input
                    type="checkbox"
                    checked={state.targetGroups.includes(x.code)}
                    onChange={(e) => onChange({ targetGroups: toggle(state.targetGroups, x.code, e.target.checked) })}
                  />
                  {de ? x.nameDe : x.nameEn}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('partners.form.place')}</legend>
            <p>
              {state.point
                ? t('partners.form.pointChosen', { lat: f.number(state.point.lat), lng: f.number(state.point.lng) })
                : t('partners.form.noPoint')}
            </p>
            <div className="button-row">
              <button type="button" aria-pressed={picking} onClick={onTogglePicking}>
                {picking ? t('partners.form.picking') : t('partners.form.pickPoint')}
              </button>
              {state.point && (
                <button type="button" onClick={() => onChange({ point: null })}>
                  {t('partners.form.clearPoint')}
                </button>
              )}
            </div>
            <label className="field">
              {t('partners.form.radius')}
              <select value={state.radiusMeters} onChange={(e) => onChange({ radiusMeters: Number(e.target.value) })}>
                {RADIUS_CHOICES.map((r) => (
                  <option key={r} value={r}>
                    {f.distance(r)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        </>
      )}
    </form>
  );
}
