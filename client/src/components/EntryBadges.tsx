import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/intl';

/** Publication state as text (draft / published / archived), never colour alone. */
export function StatusBadge({ status }: { status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status badge--${status.toLowerCase()}`}>{t(`publication.${status}`)}</span>;
}

/** "nicht bestätigt seit …" / "nie bestätigt" for an entry not confirmed within 12 months. */
export function StaleBadge({ lastConfirmedAt }: { lastConfirmedAt: string | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <span className="badge badge--stale">
      <span aria-hidden="true">◷ </span>
      {lastConfirmedAt ? t('stale.since', { date: f.date(lastConfirmedAt) }) : t('stale.never')}
    </span>
  );
}
