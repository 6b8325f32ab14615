import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ROUTES, organisationEditPath } from '../../../config/routes';
import { MyEvaluationPeriodDocument } from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';

/**
 * Under "My organisations" while a re-confirmation period runs: editors see which of their entries to confirm;
 * coordinators and admins get a link to the progress.
 */
export function ReconfirmBanner({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const n = useReportFormats();
  const { data } = useQuery(MyEvaluationPeriodDocument, { fetchPolicy: 'cache-and-network' });
  const period = data?.evaluationPeriod;
  if (!period) return null;
  if (staff) {
    return (
      <div className="hint eval-banner" role="status" data-testid="reconfirm-banner">
        {t('evaluation.banner.staff', { date: n.date(period.startedAt) })}{' '}
        <Link to={ROUTES.evaluation}>{t('evaluation.banner.progress')}</Link>
      </div>
    );
  }
  if (period.myOutstanding.length === 0) return null;
  return (
    <div className="hint hint--warning eval-banner" role="status" data-testid="reconfirm-banner">
      <p>
        <strong>{t('evaluation.banner.title')}</strong> {t('evaluation.banner.editor', { date: n.date(period.startedAt) })}
      </p>
      <ul className="plain-list">
        {period.myOutstanding.map((o) => (
          <li key={o.id}>
            <Link to={organisationEditPath(o.id)}>{o.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
