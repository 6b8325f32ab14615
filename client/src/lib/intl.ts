import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Monday 1 January 2024 (UTC): the reference week for weekday names. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1, 12);
const WEEKDAY_INDEX = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 } as const;
export type WeekdayCode = keyof typeof WEEKDAY_INDEX;
export const WEEKDAY_ORDER: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface Formatters {
  locale: string;
  number(value: number): string;
  /** Metres → "850 m" or "2,3 km". */
  distance(metres: number): string;
  /** ISO date (YYYY-MM-DD or full timestamp) → localised long date; the raw text when unparseable. */
  date(iso: string): string;
  /** ISO timestamp → localised date and time in the viewer's own time zone. */
  dateTime(iso: string): string;
  /** ISO 639-1 → name in the UI language; the code when unknown. */
  languageName(code: string): string;
  weekday(code: WeekdayCode): string;
  /** "HH:MM" → localised time of day; the raw text when unparseable. */
  time(hhmm: string): string;
  list(items: readonly string[]): string;
}

function parseIsoDate(iso: string): Date | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 12));
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function createFormatters(locale: string): Formatters {
  const numberFormat = new Intl.NumberFormat(locale);
  const metres = new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
  const kilometres = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  let languageNames: Intl.DisplayNames | null = null;
  try {
    languageNames = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  } catch {
    languageNames = null;
  }
  return {
    locale,
    number: (value) => numberFormat.format(value),
    distance: (m) => (m < 1000 ? metres.format(Math.round(m / 10) * 10) : kilometres.format(m / 1000)),
    date: (iso) => {
      const d = parseIsoDate(iso);
      return d ? dateFormat.format(d) : iso;
    },
    dateTime: (iso) => {
      const d = parseIsoDate(iso);
      return d ? dateTimeFormat.format(d) : iso;
    },
    languageName: (code) => {
      try {
        return languageNames?.of(code) ?? code;
      } catch {
        return code;
      }
    },
    weekday: (code) => weekdayFormat.format(new Date(REFERENCE_MONDAY + WEEKDAY_INDEX[code] * 86_400_000)),
    time: (hhmm) => {
      const match = /^(\d{1,2}):(\d{2})/.exec(hhmm);
      if (!match) return hhmm;
      return timeFormat.format(new Date(Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2]))));
    },
    list: (items) => listFormat.format(items),
  };
}

/** Intl formatters for the active UI language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return useMemo(() => createFormatters(locale), [locale]);
}

/** Picks nameDe or nameEn for the UI language. */
export function localName(term: { nameDe: string; nameEn: string }, language: string): string {
  return language.startsWith('en') ? term.nameEn : term.nameDe;
}
