import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { ROUTES } from '../../config/routes';
import { RequireUser } from '../../features/auth';
import { SnapshotReport } from '../../features/evaluation';
import { ErrorCode, errorCodeOf } from '../../lib/errors';
import { EvaluationSnapshotReportDocument } from '../../lib/graphql/graphql';
import { PageShell } from '../PageShell';

const ADMINS = [UserRole.ADMIN] as const;

function Report({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(EvaluationSnapshotReportDocument, { variables: { id } });
  if (loading && !data) return <p className="muted">{t('common.loading')}</p>;
  if (error || !data?.evaluationSnapshot) {
    return (
      <p className="hint hint--warning" role="alert">
        {errorCodeOf(error) === ErrorCode.NOT_FOUND ? t('evaluation.report.notFound') : t('errors.load')}
      </p>
    );
  }
  return <SnapshotReport snapshot={data.evaluationSnapshot} />;
}

/** The printable report of one snapshot (admins). */
export default function EvaluationReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <PageShell documentTitle={t('evaluation.report.documentTitle')} wide>
      <RequireUser roles={ADMINS}>
        {() => (
          <>
            <div className="eval-toolbar no-print">
              <Link to={ROUTES.evaluation}>← {t('evaluation.report.back')}</Link>
              <button type="button" className="button" onClick={() => window.print()}>
                {t('evaluation.report.print')}
              </button>
            </div>
            <Report id={id} />
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
