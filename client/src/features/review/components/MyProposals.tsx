import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldChangeTable } from '../../../components/FieldChangeTable';
import { useFormatters } from '../../../lib/intl';
import { useMyProposals } from '../hooks/useReview';

export interface MyProposalsProps {
  /** Only the proposals for this organisation. */
  organisationId?: string;
  title: string;
  headingLevel?: 2 | 3;
}

/** The user's own proposals with their state; rejected ones with the coordinator's reason. */
export function MyProposals({ organisationId, title, headingLevel = 2 }: MyProposalsProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const headingId = useId();
  const { proposals, loading, error } = useMyProposals(organisationId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="proposals" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {loading && <p role="status">{t('common.loading')}</p>}
      {error && !proposals && <p className="muted">{t('errors.load')}</p>}
      {proposals && proposals.length === 0 && <p className="muted">{t('review.mine.none')}</p>}
      {proposals && proposals.length > 0 && (
        <ul className="card-list">
          {proposals.map((p) => (
            <li key={p.id} className={`card proposal proposal--${p.status.toLowerCase()}`}>
              <p className="card__title">
                <span className={`badge badge--change-${p.status.toLowerCase()}`}>{t(`changeStatus.${p.status}`)}</span>{' '}
                {!organisationId && <strong>{p.organisationName}: </strong>}
                {t(`entities.${p.entityType}`)} · {t(`operations.${p.operation}`)}
              </p>
              <p className="muted">
                {t('review.mine.proposedAt', { date: f.dateTime(p.proposedAt) })}
                {p.reviewedAt && ` · ${t('review.mine.reviewedAt', { date: f.dateTime(p.reviewedAt) })}`}
              </p>
              {p.status === 'REJECTED' && (
                <p className="proposal__reason">
                  <span className="label">{t('review.mine.reason')}: </span>
                  {p.rejectionReason ?? t('review.mine.noReason')}
                </p>
              )}
              <details>
                <summary>{t('review.mine.showChanges', { count: p.diff.length })}</summary>
                <FieldChangeTable changes={p.diff} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
