import type { ChangeAssessment, ChangeDirection, IndicatorKind } from '../../../lib/graphql/graphql';

/** Indicators that are shares (0…1) are shown as percentages; the others are counts (density: 0…1 as a decimal). */
const SHARE_KINDS: readonly IndicatorKind[] = ['POPULATION_IN_REACH_SHARE', 'GRID_IN_REACH_SHARE', 'CONFIRMED_LAST_12_MONTHS_SHARE'];

export function isShare(kind: IndicatorKind): boolean {
  return SHARE_KINDS.includes(kind);
}

export interface NumberFormats {
  percent(value: number | null | undefined): string | null;
  count(value: number | null | undefined): string | null;
  decimal(value: number | null | undefined): string | null;
  /** Percentage points / count difference with a sign. */
  signedPercentPoints(value: number | null | undefined): string | null;
  signedCount(value: number | null | undefined): string | null;
  signedDecimal(value: number | null | undefined): string | null;
}

export function numberFormats(locale: string): NumberFormats {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const pointsUnit = locale.startsWith('de') ? '\u00a0Pp.' : '\u00a0pp';
  const signedCount = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const signedDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: 'exceptZero' });
  const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  return {
    percent: (v) => (ok(v) ? percent.format(v) : null),
    count: (v) => (ok(v) ? count.format(v) : null),
    decimal: (v) => (ok(v) ? decimal.format(v) : null),
    signedPercentPoints: (v) => (ok(v) ? points.format(v * 100) + pointsUnit : null),
    signedCount: (v) => (ok(v) ? signedCount.format(v) : null),
    signedDecimal: (v) => (ok(v) ? signedDecimal.format(v) : null),
  };
}

/** The value of an indicator for people: a percentage, a density or a count; null when unknown. */
export function formatIndicator(kind: IndicatorKind, value: number | null | undefined, n: NumberFormats): string | null {
  if (isShare(kind)) return n.percent(value);
  if (kind === 'NETWORK_DENSITY') return n.decimal(value);
  return n.count(value);
}

/** The change of an indicator: percentage points for shares, else a signed number. */
export function formatIndicatorDelta(kind: IndicatorKind, delta: number | null | undefined, n: NumberFormats): string | null {
  if (isShare(kind)) return n.signedPercentPoints(delta);
  if (kind === 'NETWORK_DENSITY') return n.signedDecimal(delta);
  return n.signedCount(delta);
}

export const ARROWS: Record<ChangeDirection, string> = { UP: '↑', DOWN: '↓', SAME: '→', UNKNOWN: '·' };

export const ASSESSMENT_CLASS: Record<ChangeAssessment, string> = {
  BETTER: 'eval-change--better',
  WORSE: 'eval-change--worse',
  UNCHANGED: 'eval-change--same',
  UNKNOWN: 'eval-change--unknown',
};
