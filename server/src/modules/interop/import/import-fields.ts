import { isEmail } from 'class-validator';
import { foldForSearch, ISO_639_1_CODES, LIMITS, OrganisationKind, TaxonomyKind, VerificationStatus, Weekday } from '@partneratlas/shared';
import type { TermWithKind } from '../../fields-of-action/fields-of-action.service';
import { termId } from '../hsds/hsds.mapper';
import { ImportProblem, ImportSeverity, REPORT_LIST_MAX, SourceRef } from './import.types';

/** Collects problems; lists at most REPORT_LIST_MAX, counts all. */
export class Problems {
  readonly list: ImportProblem[] = [];
  errors = 0;
  warnings = 0;

  add(severity: ImportSeverity, ref: SourceRef, code: string, message: string, value?: unknown): void {
    if (severity === ImportSeverity.ERROR) this.errors++;
    else this.warnings++;
    if (this.list.length >= REPORT_LIST_MAX) return;
    this.list.push({
      severity,
      file: ref.file ?? null,
      row: ref.row,
      column: ref.column ?? null,
      code,
      value: value === undefined || value === null ? null : shorten(typeof value === 'string' ? value : JSON.stringify(value)),
      message,
    });
  }

  error(ref: SourceRef, code: string, message: string, value?: unknown): void {
    this.add(ImportSeverity.ERROR, ref, code, message, value);
  }

  warn(ref: SourceRef, code: string, message: string, value?: unknown): void {
    this.add(ImportSeverity.WARNING, ref, code, message, value);
  }
}

const shorten = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the editor's input validation (edit.input.ts). */
export const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()/.-]{2,29}$/;
const BOX = LIMITS.coordinateBox;

/** A raw cell or JSON value as text: trimmed; empty → undefined ("not given"). */
export function cellText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '').trim();
  return s === '' ? undefined : s;
}

/** Field checks that report and return the cleaned value (undefined when absent or invalid). */
export class FieldReader {
  constructor(readonly problems: Problems) {}

  text(ref: SourceRef, value: unknown, max: number, required = false, label = ref.column ?? 'value'): string | undefined {
    if (value !== undefined && value !== null && typeof value === 'object') {
      this.problems.error(ref, 'NOT_TEXT', `${label} must be text`, value);
      return undefined;
    }
    const s = cellText(value);
    if (s === undefined) {
      if (required) this.problems.error(ref, 'REQUIRED', `${label} is required`);
      return undefined;
    }
    if (s.length > max) {
      this.problems.error(ref, 'TOO_LONG', `${label} must be at most ${max} characters (has ${s.length})`, s);
      return undefined;
    }
    return s;
  }

  email(ref: SourceRef, value: unknown): string | undefined {
    const s = this.text(ref, value, 320);
    if (s === undefined) return undefined;
    if (!isEmail(s)) {
      this.problems.error(ref, 'INVALID_EMAIL', 'not an email address', s);
      return undefined;
    }
    return s;
  }

  url(ref: SourceRef, value: unknown): string | undefined {
    const s = this.text(ref, value, 500);
    if (s === undefined) return undefined;
    if (!URL_PATTERN.test(s)) {
      this.problems.error(ref, 'INVALID_URL', 'not an http:// or https:// address', s);
      return undefined;
    }
    return s;
  }

  phone(ref: SourceRef, value: unknown): string | undefined {
    const s = this.text(ref, value, 30);
    if (s === undefined) return undefined;
    if (!PHONE_PATTERN.test(s)) {
      this.problems.error(ref, 'INVALID_PHONE', 'not a phone number (digits, spaces, + ( ) / - .)', s);
      return undefined;
    }
    return s;
  }

  postcode(ref: SourceRef, value: unknown): string | undefined {
    const s = cellText(value);
    if (s === undefined) return undefined;
    if (!/^\d{5}$/.test(s)) {
      this.problems.error(ref, 'INVALID_POSTCODE', 'not a five-digit German postcode', s);
      return undefined;
    }
    return s;
  }

  /** A number; accepts a German decimal comma ("51,53"). */
  number(ref: SourceRef, value: unknown): number | undefined {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    const s = cellText(value);
    if (s === undefined) return undefined;
    const normalised = /^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
    const n = Number(normalised);
    if (!/^-?\d+(\.\d+)?$/.test(normalised) || !Number.isFinite(n)) {
      this.problems.error(ref, 'NOT_A_NUMBER', 'not a number', s);
      return undefined;
    }
    return n;
  }

  /** Both or neither; inside the Göttingen region box (as the editor requires). */
  coordinates(latRef: SourceRef, lngRef: SourceRef, latRaw: unknown, lngRaw: unknown): { latitude: number; longitude: number } | undefined {
    const lat = this.number(latRef, latRaw);
    const lng = this.number(lngRef, lngRaw);
    const latGiven = cellText(latRaw) !== undefined;
    const lngGiven = cellText(lngRaw) !== undefined;
    if (latGiven !== lngGiven) {
      this.problems.error(
        latGiven ? lngRef : latRef,
        'INCOMPLETE_COORDINATES',
        'latitude and longitude go together (give both or neither)',
      );
      return undefined;
    }
    if (lat === undefined || lng === undefined) return undefined;
    let ok = true;
    if (lat < BOX.south || lat > BOX.north) {
      this.problems.error(
        latRef,
        'OUTSIDE_REGION',
        `latitude must lie in the Göttingen region (${BOX.south}–${BOX.north}); latitude and longitude swapped?`,
        lat,
      );
      ok = false;
    }
    if (lng < BOX.west || lng > BOX.east) {
      this.problems.error(lngRef, 'OUTSIDE_REGION', `longitude must lie in the Göttingen region (${BOX.west}–${BOX.east})`, lng);
      ok = false;
    }
    return ok ? { latitude: lat, longitude: lng } : undefined;
  }

  date(ref: SourceRef, value: unknown): string | undefined {
    const s = cellText(value);
    if (s === undefined) return undefined;
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2].padStart(2, '0'), german[1].padStart(2, '0')] : [];
    const out = y ? `${y}-${m}-${d}` : undefined;
    if (!out || Number.isNaN(Date.parse(`${out}T00:00:00Z`)) || new Date(`${out}T00:00:00Z`).toISOString().slice(0, 10) !== out) {
      this.problems.error(ref, 'INVALID_DATE', 'not a date (YYYY-MM-DD or DD.MM.YYYY)', s);
      return undefined;
    }
    return out;
  }

  int(ref: SourceRef, value: unknown, min: number, max: number): number | undefined {
    const n = this.number(ref, value);
    if (n === undefined) return undefined;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.error(ref, 'OUT_OF_RANGE', `must be a whole number from ${min} to ${max}`, n);
      return undefined;
    }
    return n;
  }

  uuid(ref: SourceRef, value: unknown): string | undefined {
    const s = cellText(value);
    if (s === undefined) return undefined;
    if (!UUID.test(s)) {
      this.problems.error(ref, 'INVALID_ID', 'not an id (UUID)', s);
      return undefined;
    }
    return s.toLowerCase();
  }

  bool(ref: SourceRef, value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    const s = cellText(value);
    if (s === undefined) return undefined;
    const f = foldForSearch(s);
    if (['ja', 'yes', 'true', 'wahr', '1', 'x'].includes(f)) return true;
    if (['nein', 'no', 'false', 'falsch', '0'].includes(f)) return false;
    this.problems.error(ref, 'NOT_A_BOOLEAN', 'must be ja/nein (yes/no)', s);
    return undefined;
  }

  weekday(ref: SourceRef, value: unknown): Weekday[] | undefined {
    const s = cellText(value);
    if (s === undefined) {
      this.problems.error(ref, 'REQUIRED', 'byday is required (weekly schedules only)');
      return undefined;
    }
    const days = s.split(/[\s,;]+/).filter(Boolean);
    const bad = days.filter((d) => !(d.toUpperCase() in Weekday));
    if (bad.length || !days.length) {
      this.problems.error(ref, 'INVALID_WEEKDAY', 'weekday codes are MO, TU, WE, TH, FR, SA, SU', s);
      return undefined;
    }
    return [...new Set(days.map((d) => d.toUpperCase() as Weekday))];
  }

  time(ref: SourceRef, value: unknown): string | undefined {
    const s = cellText(value);
    if (s === undefined) return undefined;
    const m = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
    if (!m) {
      this.problems.error(ref, 'INVALID_TIME', 'not a time of day (HH:MM)', s);
      return undefined;
    }
    return `${m[1].padStart(2, '0')}:${m[2]}`;
  }
}

// ------------------------------------------------------------------ organisation kinds

const KIND_LABELS: Record<string, OrganisationKind> = {
  migrantenselbstorganisation: OrganisationKind.MIGRANT_SELF_ORGANISATION,
  mso: OrganisationKind.MIGRANT_SELF_ORGANISATION,
  migrantselforganisation: OrganisationKind.MIGRANT_SELF_ORGANISATION,
  bildungstrager: OrganisationKind.EDUCATION_PROVIDER,
  bildungsanbieter: OrganisationKind.EDUCATION_PROVIDER,
  educationprovider: OrganisationKind.EDUCATION_PROVIDER,
  beratungsstelle: OrganisationKind.COUNSELLING_SERVICE,
  beratung: OrganisationKind.COUNSELLING_SERVICE,
  counsellingservice: OrganisationKind.COUNSELLING_SERVICE,
  wohlfahrtsverband: OrganisationKind.WELFARE_ASSOCIATION,
  welfareassociation: OrganisationKind.WELFARE_ASSOCIATION,
  behorde: OrganisationKind.PUBLIC_AUTHORITY,
  verwaltung: OrganisationKind.PUBLIC_AUTHORITY,
  offentlichestelle: OrganisationKind.PUBLIC_AUTHORITY,
  publicauthority: OrganisationKind.PUBLIC_AUTHORITY,
  initiative: OrganisationKind.INITIATIVE_OTHER,
  sonstige: OrganisationKind.INITIATIVE_OTHER,
  initiativesonstige: OrganisationKind.INITIATIVE_OTHER,
  initiativeother: OrganisationKind.INITIATIVE_OTHER,
};

/** Enum value (EDUCATION_PROVIDER), or a German/English label (Bildungsträger, education provider). */
export function kindOf(value: string): OrganisationKind | undefined {
  if ((Object.values(OrganisationKind) as string[]).includes(value.toUpperCase())) return value.toUpperCase() as OrganisationKind;
  return KIND_LABELS[foldForSearch(value)];
}

export function verificationOf(value: string): VerificationStatus | undefined {
  const f = foldForSearch(value);
  if (f === 'verified' || f === 'gepruft' || f === 'bestatigt') return VerificationStatus.VERIFIED;
  if (f === 'unverified' || f === 'ungepruft' || f === 'unbestatigt') return VerificationStatus.UNVERIFIED;
  return undefined;
}

// ------------------------------------------------------------------ reference lookups

/** Terms by code, HSDS term id, German and English name (folded); languages by code and German/English name. */
export class Lookups {
  private readonly terms = new Map<string, TermWithKind>();
  private readonly languages = new Map<string, string>();

  constructor(terms: readonly TermWithKind[]) {
    for (const t of terms) {
      this.terms.set(t.code, t);
      this.terms.set(termId(t.code), t);
      for (const name of [t.nameDe, t.nameEn])
        if (name && !this.terms.has(`name:${foldForSearch(name)}`)) this.terms.set(`name:${foldForSearch(name)}`, t);
    }
    const de = new Intl.DisplayNames(['de'], { type: 'language' });
    const en = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const code of ISO_639_1_CODES) {
      this.languages.set(code, code);
      for (const name of [de.of(code), en.of(code)]) if (name && name !== code) this.languages.set(`name:${foldForSearch(name)}`, code);
    }
  }

  /** A term of the given kind by code, HSDS id or name. */
  term(token: string, kind: TaxonomyKind): TermWithKind | undefined {
    const t = this.terms.get(token) ?? this.terms.get(token.toLowerCase()) ?? this.terms.get(`name:${foldForSearch(token)}`);
    return t && t.kind === kind ? t : undefined;
  }

  language(token: string): string | undefined {
    return this.languages.get(token.toLowerCase()) ?? this.languages.get(`name:${foldForSearch(token)}`);
  }
}

/** "a, b; c" → ["a", "b", "c"] (list cells of the spreadsheet CSV). */
export function splitCell(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\s*[,;|\n]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
