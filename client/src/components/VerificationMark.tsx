import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/intl';

/** "zuletzt bestätigt am …" or an explicit "nicht bestätigt" mark (icon + text, never colour alone). */
export function VerificationMark({ status, lastConfirmedAt }: { status: 'VERIFIED' | 'UNVERIFIED'; lastConfirmedAt: string | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
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
