import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@partneratlas/shared';
import { useDebouncedCallback } from '../../../lib/useDebouncedCallback';

export interface SearchBoxProps {
  value: string;
  /** Called 350 ms after typing stops, or at once on Enter. */
  onSearch: (text: string) => void;
  delay?: number;
}

/** Debounced full-text search over names, descriptions and services. */
export function SearchBox({ value, onSearch, delay = 350 }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const debounced = useDebouncedCallback((text: string) => onSearch(text.trim()), delay);

  // A new value from outside (back/forward, reset, chip removed) replaces the draft (adjusted while
  // rendering, see react.dev "You might not need an effect") and drops a search still pending.
  const [outsideValue, setOutsideValue] = useState(value);
  if (value !== outsideValue) {
    setOutsideValue(value);
    setDraft(value);
  }
  useEffect(() => {
    debounced.cancel();
  }, [value, debounced]);

  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        debounced.cancel();
        onSearch(draft.trim());
      }}
    >
      <label htmlFor={id} className="search-box__label">
        {t('search.label')}
      </label>
      <div className="search-box__row">
        <input
          id={id}
          type="search"
          className="search-box__input"
          value={draft}
          maxLength={LIMITS.textMaxLength}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(event) => {
            setDraft(event.target.value);
            debounced.call(event.target.value);
          }}
        />
        <button type="submit" className="button button--primary search-box__submit">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
