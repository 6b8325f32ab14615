import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, useFormatters } from '../../../lib/intl';
import { numberFormats, type NumberFormats } from '../utils/format';

export interface ReportFormats extends NumberFormats {
  locale: string;
  date(iso: string): string;
  dateTime(iso: string): string;
  languageName(code: string): string;
  list(items: readonly string[]): string;
  fieldName(field: { nameDe: string; nameEn: string } | null | undefined): string;
}

/** Number, date and name formatting of the reports in the active UI language. */
export function useReportFormats(): ReportFormats {
  const { i18n } = useTranslation();
  const f = useFormatters();
  return useMemo(
    () => ({
      ...numberFormats(f.locale),
      locale: f.locale,
      date: f.date,
      dateTime: f.dateTime,
      languageName: f.languageName,
      list: f.list,
      fieldName: (field) => (field ? localName(field, i18n.language) : ''),
    }),
    [f, i18n.language],
  );
}
