import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/intl';

export interface VerificationMarkProps {
  status: 'VERIFIED' | 'UNVERIFIED';
  lastConfirmedAt: string | null;
  /** Not confirmed within the last 12 months (or never): says so, and why. */
  stale?: boolean;
}

/** "zuletzt bestätigt am …", "nicht bestätigt" or, for stale entries, why they may be outdated (icon + text, never colour alone). */
export function VerificationMark({ status, lastConfirmedAt, stale = false }: VerificationMarkProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (stale) {
    return (
      <span className="verification verification--stale">
        <span aria-hidden="true">◷ </span>
        {lastConfirmedAt ? t('verification.staleSince', { date: f.date(lastConfirmedAt) }) : t('verification.never')}
      </span>
    );
  }
  if (status === 'VERIFIED') {
    return (
      <span className="verification verification--ok">
        <span aria-hidden="true">✓ </span>
        {lastConfirmedAt ? t('verification.confirmedOn', { date: f.date(lastConfirmedAt) }) : t('verification.confirmed')}
      </span>
    );
  }
  return (
    <span className="verification verification--open">
      <span aria-hidden="true">? </span>
      {t('verification.unverified')}
    </span>
  );
}
