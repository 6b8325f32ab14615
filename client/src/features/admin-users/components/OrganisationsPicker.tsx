import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationSearchField, type OrganisationOption } from '../../../components/OrganisationSearchField';
import { useAdminOrganisationSearch } from '../hooks/useAdmin';

/** Several organisations, chosen by name; each can be removed again. */
export function OrganisationsPicker({
  label,
  value,
  onChange,
  hint,
  errors,
}: {
  label: string;
  value: readonly OrganisationOption[];
  onChange: (value: OrganisationOption[]) => void;
  hint?: string;
  errors?: readonly string[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const results = useAdminOrganisationSearch(text);
  return (
    <fieldset className="form-group">
      <legend>{label}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('users.orgs.none')}</p>
      ) : (
        <ul className="chips__list" aria-label={t('users.orgs.chosen')}>
          {value.map((o) => (
            <li key={o.id}>
              <span className="chip chip--static">
                {o.name}
                <button
                  type="button"
                  className="chip__x"
                  aria-label={t('users.orgs.remove', { name: o.name })}
                  onClick={() => onChange(value.filter((v) => v.id !== o.id))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <OrganisationSearchField
        label={t('users.orgs.add')}
        text={text}
        onTextChange={setText}
        results={results}
        exclude={value.map((o) => o.id)}
        onPick={(o) => onChange([...value, o])}
        hint={hint}
        errors={errors}
      />
    </fieldset>
  );
}
