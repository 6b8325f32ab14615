import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';

export interface FacetOption {
  value: string;
  label: string;
  count: number | undefined;
  icon?: ReactNode;
  /** Nested options (e.g. sub-fields of a field of action). */
  children?: FacetOption[];
}

export interface FacetCheckboxListProps {
  legend: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  /** Hidden legend (when a visible heading already names the group). */
  hideLegend?: boolean;
  emptyText?: string;
}

/**
 * A group of checkboxes with result counts. A checked parent includes its children (the server matches
 * descendants), so they are shown checked and disabled.
 */
export function FacetCheckboxList({ legend, options, selected, onToggle, hideLegend, emptyText }: FacetCheckboxListProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const render = (option: FacetOption, includedByParent: boolean) => {
    const checked = includedByParent || selected.includes(option.value);
    const count = option.count ?? 0;
    return (
      <li key={option.value} className={`facet__item${count === 0 && !checked ? ' facet__item--empty' : ''}`}>
        <label className="facet__label">
          <input type="checkbox" checked={checked} disabled={includedByParent} onChange={() => onToggle(option.value)} />
          {option.icon}
          <span className="facet__text">{option.label}</span>
          {option.count !== undefined && (
            <span className="facet__count">
              <span aria-hidden="true">{f.number(count)}</span>
              <span className="visually-hidden">{t('filters.countLabel', { count, formatted: f.number(count) })}</span>
            </span>
          )}
        </label>
        {option.children && option.children.length > 0 && (
          <ul className="facet__children">{option.children.map((child) => render(child, checked))}</ul>
        )}
      </li>
    );
  };
  return (
    <fieldset className="facet">
      <legend className={hideLegend ? 'visually-hidden' : 'facet__legend'}>{legend}</legend>
      {options.length === 0 ? (
        <p className="muted">{emptyText ?? t('filters.noOptions')}</p>
      ) : (
        <ul className="facet__list">{options.map((o) => render(o, false))}</ul>
      )}
    </fieldset>
  );
}
