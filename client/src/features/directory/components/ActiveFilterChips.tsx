import { useTranslation } from 'react-i18next';
import { localName, useFormatters } from '../../../lib/intl';
import { useFilterOptions } from '../hooks/useDirectoryData';
import { countActiveFilters, type DirectoryFilters } from '../utils/search-state';

export interface ActiveFilterChipsProps {
  filters: DirectoryFilters;
  onChange: (patch: Partial<DirectoryFilters>) => void;
  onReset: () => void;
}

interface Chip {
  key: string;
  label: string;
  remove: Partial<DirectoryFilters>;
}

/** Every active filter as a removable chip, plus "reset all". */
export function ActiveFilterChips({ filters, onChange, onReset }: ActiveFilterChipsProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const { data: options } = useFilterOptions();
  if (countActiveFilters(filters) === 0) return null;

  const fieldName = (code: string) => {
    const term = options?.fieldsOfAction.find((x) => x.code === code);
    return term ? localName(term, i18n.language) : code;
  };
  const targetGroupName = (code: string) => {
    const term = options?.targetGroups.find((x) => x.code === code);
    return term ? localName(term, i18n.language) : code;
  };
  const districtName = (id: string) => options?.districts.find((d) => d.id === id)?.name ?? id;

  const chips: Chip[] = [
    ...(filters.text ? [{ key: 'text', label: t('chips.text', { text: filters.text }), remove: { text: '' } }] : []),
    ...filters.fields.map((code) => ({
      key: `hf-${code}`,
      label: fieldName(code),
      remove: { fields: filters.fields.filter((c) => c !== code) },
    })),
    ...filters.kinds.map((kind) => ({
      key: `kind-${kind}`,
      label: t(`kind.name.${kind}`),
      remove: { kinds: filters.kinds.filter((k) => k !== kind) },
    })),
    ...filters.languages.map((code) => ({
      key: `lang-${code}`,
      label: t('chips.language', { language: f.languageName(code) }),
      remove: { languages: filters.languages.filter((c) => c !== code) },
    })),
    ...filters.targetGroups.map((code) => ({
      key: `tg-${code}`,
      label: targetGroupName(code),
      remove: { targetGroups: filters.targetGroups.filter((c) => c !== code) },
    })),
    ...filters.areas.map((id) => ({
      key: `area-${id}`,
      label: districtName(id),
      remove: { areas: filters.areas.filter((a) => a !== id) },
    })),
    ...(filters.near
      ? [{ key: 'near', label: t('chips.near', { radius: f.distance(filters.near.radiusMeters) }), remove: { near: null } }]
      : []),
  ];

  return (
    <div className="chips" role="group" aria-label={t('chips.label')}>
      <ul className="chips__list">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="chip"
              aria-label={t('chips.remove', { label: chip.label })}
              onClick={() => onChange(chip.remove)}
            >
              <span>{chip.label}</span>
              <span className="chip__x" aria-hidden="true">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--link chips__reset" onClick={onReset}>
        {t('chips.reset')}
      </button>
    </div>
  );
}
