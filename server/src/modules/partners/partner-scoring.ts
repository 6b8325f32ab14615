/**
 * Partner suggestion scoring: named components with fixed weights, and the reasons shown to people.
 * Component values (0…1) are computed in SQL (partner-suggestions.sql.ts); this file owns the weights,
 * the score and the wording, as pure functions.
 */

export enum ScoreComponent {
  /** For an organisation: top-level fields of action the candidate covers and the organisation lacks. */
  COMPLEMENTARY_FIELDS = 'COMPLEMENTARY_FIELDS',
  /** For a need: share of the needed fields of action the candidate covers. */
  MATCHING_FIELDS = 'MATCHING_FIELDS',
  DISTANCE = 'DISTANCE',
  TARGET_GROUPS = 'TARGET_GROUPS',
  LANGUAGES = 'LANGUAGES',
  /** Not yet related, but related to a partner of the organisation. */
  NETWORK_PROXIMITY = 'NETWORK_PROXIMITY',
  NETWORK_MIGRATION = 'NETWORK_MIGRATION',
  FRESHNESS = 'FRESHNESS',
}

/** Weights before normalisation; components that do not apply to a request are left out and the rest rescaled to sum 1. */
export const WEIGHTS: Record<ScoreComponent, number> = {
  [ScoreComponent.COMPLEMENTARY_FIELDS]: 0.35,
  [ScoreComponent.MATCHING_FIELDS]: 0.35,
  [ScoreComponent.DISTANCE]: 0.2,
  [ScoreComponent.TARGET_GROUPS]: 0.15,
  [ScoreComponent.LANGUAGES]: 0.1,
  [ScoreComponent.NETWORK_PROXIMITY]: 0.1,
  [ScoreComponent.NETWORK_MIGRATION]: 0.05,
  [ScoreComponent.FRESHNESS]: 0.05,
};

/** Order of components in results (and of reasons with equal contribution). */
export const COMPONENT_ORDER: readonly ScoreComponent[] = Object.values(ScoreComponent);

export interface Term {
  code: string;
  nameDe: string;
  nameEn: string;
}

/** What the SQL returns per candidate, besides the organisation. */
export interface CandidateDetails {
  values: Partial<Record<ScoreComponent, number>>;
  /** Codes behind the field component (matched or complementary). */
  fieldCodes: string[];
  targetGroupCodes: string[];
  languages: string[];
  distanceMeters: number | null;
  /** Names of the common partners (network proximity). */
  commonPartners: string[];
  networkRole: 'MEMBER' | 'COORDINATING_BODY' | null;
  networkName: string;
  lastConfirmedAt: string | null;
}

export interface ScoredComponent {
  name: ScoreComponent;
  value: number;
  weight: number;
  contribution: number;
}

export interface Reason {
  component: ScoreComponent;
  de: string;
  en: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Normalised weights of the applicable components, the components in fixed order and the score (sum of contributions). */
export function score(applicable: readonly ScoreComponent[], values: Partial<Record<ScoreComponent, number>>) {
  const total = applicable.reduce((s, c) => s + WEIGHTS[c], 0);
  const components: ScoredComponent[] = COMPONENT_ORDER.filter((c) => applicable.includes(c)).map((name) => {
    const value = Math.min(1, Math.max(0, values[name] ?? 0));
    const weight = total > 0 ? WEIGHTS[name] / total : 0;
    return { name, value: round(value), weight: round(weight), contribution: round(weight * value) };
  });
  return { components, score: round(components.reduce((s, c) => s + c.contribution, 0)) };
}

/** "A", "A und B", "A, B und C" — long lists cut to three names plus "und N weitere". */
export function list(items: readonly string[], locale: 'de' | 'en'): string {
  const and = locale === 'de' ? 'und' : 'and';
  const shown = items.slice(0, 3);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} ${and} ${rest} ${locale === 'de' ? 'weitere' : 'more'}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${and} ${shown[shown.length - 1]}`;
}

/** "800 m" / "1,2 km" (de) / "1.2 km" (en). */
export function formatDistance(meters: number, locale: 'de' | 'en'): string {
  if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} m`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(meters / 1000)} km`;
}

const languageName = (code: string, locale: 'de' | 'en') => {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

const monthYear = (isoDate: string, locale: 'de' | 'en') =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

/** One reason (de + en) per component with a value above 0, strongest contribution first. */
export function reasons(components: readonly ScoredComponent[], d: CandidateDetails, terms: ReadonlyMap<string, Term>): Reason[] {
  const names = (codes: string[], locale: 'de' | 'en') =>
    list(
      codes.map((c) => (locale === 'de' ? terms.get(c)?.nameDe : terms.get(c)?.nameEn) ?? c),
      locale,
    );
  const out: { reason: Reason; contribution: number; order: number }[] = [];
  for (const c of components) {
    if (c.value <= 0) continue;
    const r = reasonFor(c.name, d, names);
    if (r) out.push({ reason: r, contribution: c.contribution, order: COMPONENT_ORDER.indexOf(c.name) });
  }
  return out.sort((a, b) => b.contribution - a.contribution || a.order - b.order).map((x) => x.reason);
}

function reasonFor(component: ScoreComponent, d: CandidateDetails, names: (codes: string[], locale: 'de' | 'en') => string): Reason | null {
  const r = (de: string, en: string): Reason => ({ component, de, en });
  switch (component) {
    case ScoreComponent.MATCHING_FIELDS:
      return d.fieldCodes.length ? r(`bietet ${names(d.fieldCodes, 'de')}`, `offers ${names(d.fieldCodes, 'en')}`) : null;
    case ScoreComponent.COMPLEMENTARY_FIELDS:
      return d.fieldCodes.length
        ? r(`ergänzt euch um ${names(d.fieldCodes, 'de')}`, `adds ${names(d.fieldCodes, 'en')} to what you offer`)
        : null;
    case ScoreComponent.DISTANCE:
      return d.distanceMeters === null
        ? null
        : r(`${formatDistance(d.distanceMeters, 'de')} entfernt`, `${formatDistance(d.distanceMeters, 'en')} away`);
    case ScoreComponent.TARGET_GROUPS:
      return d.targetGroupCodes.length
        ? r(`erreicht ebenfalls ${names(d.targetGroupCodes, 'de')}`, `also reaches ${names(d.targetGroupCodes, 'en')}`)
        : null;
    case ScoreComponent.LANGUAGES:
      return d.languages.length
        ? r(
            `arbeitet auf ${list(
              d.languages.map((l) => languageName(l, 'de')),
              'de',
            )}`,
            `works in ${list(
              d.languages.map((l) => languageName(l, 'en')),
              'en',
            )}`,
          )
        : null;
    case ScoreComponent.NETWORK_PROXIMITY:
      return d.commonPartners.length
        ? r(`arbeitet schon mit ${list(d.commonPartners, 'de')} zusammen`, `already works with ${list(d.commonPartners, 'en')}`)
        : null;
    case ScoreComponent.NETWORK_MIGRATION:
      if (!d.networkRole) return null;
      return d.networkRole === 'COORDINATING_BODY'
        ? r(`koordiniert das ${d.networkName}`, `coordinates the ${d.networkName}`)
        : r(`Mitglied im ${d.networkName}`, `member of the ${d.networkName}`);
    case ScoreComponent.FRESHNESS:
      return d.lastConfirmedAt
        ? r(`Eintrag bestätigt im ${monthYear(d.lastConfirmedAt, 'de')}`, `entry confirmed in ${monthYear(d.lastConfirmedAt, 'en')}`)
        : null;
  }
}
