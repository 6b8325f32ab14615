import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface OrganisationOption {
  id: string;
  name: string;
}

export interface OrganisationSearchFieldProps {
  label: string;
  /** The typed text and the matches for it: the feature that owns the search query provides both. */
  text: string;
  onTextChange: (text: string) => void;
  results: readonly OrganisationOption[];
  onPick: (organisation: OrganisationOption) => void;
  /** Ids that may not be picked (already chosen, the organisation itself). */
  exclude?: readonly string[];
  hint?: string;
  errors?: readonly string[];
}

/** Search an organisation by name and pick one of the matches (buttons, so the keyboard works). */
export function OrganisationSearchField({
  label,
  text,
  onTextChange,
  results: all,
  onPick,
  exclude = [],
  hint,
  errors,
}: OrganisationSearchFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const setText = onTextChange;
  const results = all.filter((o) => !exclude.includes(o.id));
  const hasErrors = Boolean(errors && errors.length > 0);
  return (
    <div className={`form-field org-search${hasErrors ? ' form-field--invalid' : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        autoComplete="off"
        aria-describedby={[hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={hasErrors ? true : undefined}
        placeholder={t('orgSearch.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {hasErrors && (
        <ul id={`${id}-error`} className="form-field__errors">
          {errors!.map((m) => (
            <li key={m}>
              <span aria-hidden="true">⚠ </span>
              {m}
            </li>
          ))}
        </ul>
      )}
      {text.trim().length >= 2 && (
        <ul className="org-search__results" aria-label={t('orgSearch.results')} aria-live="polite">
          {results.length === 0 && <li className="muted">{t('orgSearch.none')}</li>}
          {results.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onPick(o);
                  setText('');
                }}
              >
                {o.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
