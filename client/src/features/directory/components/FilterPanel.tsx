import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KindSymbol } from '../../../components/KindSymbol';
import { localName, useFormatters } from '../../../lib/intl';
import { KIND_ORDER } from '../../../lib/organisation-kind';
import { useFacetCounts, useFilterOptions } from '../hooks/useDirectoryData';
import { toggleValue, type DirectoryFilters, type NearPoint } from '../utils/search-state';
import { FacetCheckboxList, type FacetOption } from './FacetCheckboxList';
import { NearFilter } from './NearFilter';

export interface FilterPanelProps {
  filters: DirectoryFilters;
  onChange: (patch: Partial<DirectoryFilters>) => void;
  picking: boolean;
  onTogglePicking: () => void;
  mapCenter: { lat: number; lng: number } | null;
}

interface Term {
  code: string;
  nameDe: string;
  nameEn: string;
  parentCode: string | null;
  sortOrder: number;
}

/** Builds a parent/child option tree from a flat term list. */
export function termTree(terms: readonly Term[], language: string, counts: Map<string, number> | undefined): FacetOption[] {
  const byParent = new Map<string | null, Term[]>();
  for (const term of terms) {
    const list = byParent.get(term.parentCode) ?? [];
    list.push(term);
    byParent.set(term.parentCode, list);
  }
  const build = (parent: string | null): FacetOption[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.sortOrder - b.sortOrder || localName(a, language).localeCompare(localName(b, language)))
      .map((term) => ({
        value: term.code,
        label: localName(term, language),
        count: counts ? (counts.get(term.code) ?? 0) : undefined,
        children: build(term.code),
      }));
  return build(null);
}

const LANGUAGES_SHOWN = 8;

function Section({
  title,
  selectedCount,
  defaultOpen,
  children,
}: {
  title: string;
  selectedCount: number;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // Opened by default when it has a selection; afterwards only the user opens and closes it.
  const [open, setOpen] = useState(Boolean(defaultOpen) || selectedCount > 0);
  return (
    <details className="filter-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="filter-section__summary">
        <span>{title}</span>
        {selectedCount > 0 && <span className="filter-section__badge">{t('filters.selectedCount', { count: selectedCount })}</span>}
      </summary>
      <div className="filter-section__body">{children}</div>
    </details>
  );
}

/** All directory filters with counts. Used inline on wide screens and inside the drawer on phones. */
export function FilterPanel({ filters, onChange, picking, onTogglePicking, mapCenter }: FilterPanelProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const language = i18n.language;
  const { data: options, error } = useFilterOptions();
  const counts = useFacetCounts(filters);
  const [allLanguages, setAllLanguages] = useState(false);

  const fieldOptions = useMemo(() => termTree(options?.fieldsOfAction ?? [], language, counts?.fields), [options, language, counts]);
  const targetGroupOptions = useMemo(
    () => termTree(options?.targetGroups ?? [], language, counts?.targetGroups),
    [options, language, counts],
  );
  const kindOptions = useMemo<FacetOption[]>(
    () =>
      KIND_ORDER.map((kind) => ({
        value: kind,
        label: t(`kind.name.${kind}`),
        count: counts ? (counts.kinds.get(kind) ?? 0) : undefined,
        icon: <KindSymbol kind={kind} size={20} />,
      })),
    [t, counts],
  );
  const languageOptions = useMemo<FacetOption[]>(() => {
    const codes = new Set([...(counts?.languages.keys() ?? []), ...filters.languages]);
    return [...codes]
      .map((code) => ({ value: code, label: f.languageName(code), count: counts ? (counts.languages.get(code) ?? 0) : undefined }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, f.locale));
  }, [counts, filters.languages, f]);
  const shownLanguages = allLanguages
    ? languageOptions
    : languageOptions.filter((o, i) => i < LANGUAGES_SHOWN || filters.languages.includes(o.value));
  const districtOptions = useMemo<FacetOption[]>(
    () =>
      (options?.districts ?? [])
        .map((d) => ({ value: d.id, label: d.name, count: counts ? (counts.areas.get(d.id) ?? 0) : undefined }))
        .sort((a, b) => a.label.localeCompare(b.label, 'de')),
    [options, counts],
  );

  return (
    <div className="filter-panel">
      {error && (
        <p className="hint hint--warning" role="alert">
          {t('errors.filterOptions')}
        </p>
      )}
      <Section title={t('filters.fieldsOfAction')} selectedCount={filters.fields.length}>
        <FacetCheckboxList
          legend={t('filters.fieldsOfAction')}
          hideLegend
          options={fieldOptions}
          selected={filters.fields}
          onToggle={(code) => onChange({ fields: toggleValue(filters.fields, code) })}
        />
      </Section>
      <Section title={t('filters.kinds')} selectedCount={filters.kinds.length}>
        <FacetCheckboxList
          legend={t('filters.kinds')}
          hideLegend
          options={kindOptions}
          selected={filters.kinds}
          onToggle={(kind) => onChange({ kinds: toggleValue(filters.kinds, kind as (typeof filters.kinds)[number]) })}
        />
      </Section>
      <Section title={t('filters.languages')} selectedCount={filters.languages.length}>
        <FacetCheckboxList
          legend={t('filters.languages')}
          hideLegend
          options={shownLanguages}
          selected={filters.languages}
          onToggle={(code) => onChange({ languages: toggleValue(filters.languages, code) })}
        />
        {languageOptions.length > LANGUAGES_SHOWN && (
          <button type="button" className="button button--link" aria-expanded={allLanguages} onClick={() => setAllLanguages((v) => !v)}>
            {allLanguages ? t('filters.fewerLanguages') : t('filters.allLanguages', { count: languageOptions.length })}
          </button>
        )}
      </Section>
      <Section title={t('filters.targetGroups')} selectedCount={filters.targetGroups.length}>
        <FacetCheckboxList
          legend={t('filters.targetGroups')}
          hideLegend
          options={targetGroupOptions}
          selected={filters.targetGroups}
          onToggle={(code) => onChange({ targetGroups: toggleValue(filters.targetGroups, code) })}
        />
      </Section>
      <Section title={t('filters.districts')} selectedCount={filters.areas.length}>
        <FacetCheckboxList
          legend={t('filters.districts')}
          hideLegend
          options={districtOptions}
          selected={filters.areas}
          onToggle={(id) => onChange({ areas: toggleValue(filters.areas, id) })}
        />
      </Section>
      <Section title={t('filters.near')} selectedCount={filters.near ? 1 : 0}>
        <NearFilter
          near={filters.near}
          onChange={(near: NearPoint | null) => onChange({ near })}
          picking={picking}
          onTogglePicking={onTogglePicking}
          mapCenter={mapCenter}
        />
      </Section>
    </div>
  );
}
