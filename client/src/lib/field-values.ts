import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters, type Formatters } from './intl';

type Translate = (key: string) => string;

/** The label of an API field name ("website" → "Website"); the name itself when no label is known. */
export function useFieldLabel(): (field: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (field: string) => {
      const name = field.replace(/^input\./, '').split('.')[0];
      const key = `fieldNames.${name}`;
      return i18n.exists(key) ? (t as unknown as Translate)(key) : name;
    },
    [t, i18n],
  );
}

function formatItem(value: unknown, f: Formatters, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return f.number(value);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // Phones and similar small records: "0551 123 (Beratung)".
    if (typeof o.number === 'string')
      return typeof o.description === 'string' && o.description ? `${o.number} (${o.description})` : o.number;
    if (typeof o.name === 'string') return o.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** A stored or proposed value as plain text (never HTML): "(leer)" for nothing, lists joined. */
export function formatFieldValue(value: unknown, f: Formatters, words: { empty: string; yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (Array.isArray(value)) return value.length === 0 ? words.empty : value.map((v) => formatItem(v, f, words.yes, words.no)).join(', ');
  return formatItem(value, f, words.yes, words.no);
}

/** formatFieldValue with the active language. */
export function useFieldValueFormatter(): (value: unknown) => string {
  const { t } = useTranslation();
  const f = useFormatters();
  return useCallback(
    (value: unknown) => formatFieldValue(value, f, { empty: t('values.empty'), yes: t('values.yes'), no: t('values.no') }),
    [f, t],
  );
}
