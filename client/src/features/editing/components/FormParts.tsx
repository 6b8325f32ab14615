import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSearchField } from '../../../components/OrganisationSearchField';
import { TextField } from '../../../components/form/FormField';
import { useFormatters } from '../../../lib/intl';
import { useOrganisationSearch } from '../hooks/useEditData';
import { parseLanguageCodes, unknownLanguages } from '../utils/edit-form';

/** ISO 639-1 codes typed as text; the names are shown below, unknown codes are flagged. */
export function LanguagesField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const codes = parseLanguageCodes(value);
  const unknown = unknownLanguages(value);
  const known = codes.filter((c) => !unknown.includes(c));
  return (
    <TextField
      label={t('fieldNames.languages')}
      value={value}
      onChange={onChange}
      hint={
        <>
          {t('editing.hints.languages')}
          {known.length > 0 && (
            <>
              {' '}
              <span className="form-field__echo">
                {t('editing.hints.languagesRead', { names: f.list(known.map((c) => f.languageName(c))) })}
              </span>
            </>
          )}
        </>
      }
      errors={[...(errors ?? []), ...(unknown.length ? [t('editing.errors.unknownLanguages', { codes: unknown.join(', ') })] : [])]}
    />
  );
}

export interface PhoneValue {
  number: string;
  description: string;
}

/** Phone numbers with an optional description each; rows can be added and removed. */
export function PhonesField({
  value,
  onChange,
  errors,
}: {
  value: PhoneValue[];
  onChange: (value: PhoneValue[]) => void;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PhoneValue>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className={`form-group${errors?.length ? ' form-field--invalid' : ''}`}>
      <legend>{t('fieldNames.phones')}</legend>
      {value.length === 0 && <p className="muted">{t('editing.phones.none')}</p>}
      {value.map((p, i) => (
        <div key={i} className="form-row">
          <TextField
            label={t('editing.phones.number', { n: i + 1 })}
            type="tel"
            value={p.number}
            onChange={(number) => update(i, { number })}
          />
          <TextField
            label={t('editing.phones.description', { n: i + 1 })}
            value={p.description}
            onChange={(description) => update(i, { description })}
          />
          <button type="button" className="button button--small form-row__remove" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('editing.phones.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...value, { number: '', description: '' }])}>
        {t('editing.phones.add')}
      </button>
      {errors && errors.length > 0 && (
        <ul className="form-field__errors">
          {errors.map((m) => (
            <li key={m}>
              <span aria-hidden="true">⚠ </span>
              {m}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export interface OrganisationRef {
  id: string;
  name: string;
}

/** One organisation chosen by name (parent, relationship partner), with a way to clear it. */
export function OrganisationPickerField({
  label,
  value,
  onChange,
  exclude,
  errors,
  clearable = true,
}: {
  label: string;
  value: OrganisationRef | null;
  onChange: (value: OrganisationRef | null) => void;
  exclude?: readonly string[];
  errors?: readonly string[];
  clearable?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const results = useOrganisationSearch(text);
  return (
    <fieldset className="form-group">
      <legend>{label}</legend>
      <p className="picker__chosen" aria-live="polite">
        {value ? t('editing.picker.chosen', { name: value.name }) : t('editing.picker.none')}{' '}
        {value && clearable && (
          <button type="button" className="button button--small" onClick={() => onChange(null)}>
            {t('editing.picker.clear')}
          </button>
        )}
      </p>
      <OrganisationSearchField
        label={value ? t('editing.picker.change') : t('editing.picker.search')}
        text={text}
        onTextChange={setText}
        results={results}
        exclude={[...(exclude ?? []), ...(value ? [value.id] : [])]}
        onPick={(o) => onChange({ id: o.id, name: o.name })}
        errors={errors}
      />
    </fieldset>
  );
}
