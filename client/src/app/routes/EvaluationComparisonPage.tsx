import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { ROUTES } from '../../config/routes';
import { RequireUser } from '../../features/auth';
import { ComparisonReport } from '../../features/evaluation';
import { ErrorCode, errorCodeOf } from '../../lib/errors';
import { EvaluationComparisonDocument } from '../../lib/graphql/graphql';
import { PageShell } from '../PageShell';

const ADMINS = [UserRole.ADMIN] as const;

function Comparison({ fromId, toId }: { fromId: string; toId: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(EvaluationComparisonDocument, { variables: { fromId, toId } });
  if (loading && !data) return <p className="muted">{t('evaluation.compare.loading')}</p>;
  if (error || !data) {
    return (
      <p className="hint hint--warning" role="alert">
        {errorCodeOf(error) === ErrorCode.NOT_FOUND ? t('evaluation.report.notFound') : t('errors.load')}
      </p>
    );
  }
  return <ComparisonReport comparison={data.compareEvaluationSnapshots} />;
}

/** The printable comparison of two snapshots: /auswertung/vergleich?von=<earlier>&bis=<later> (admins). */
export default function EvaluationComparisonPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fromId = params.get('von') ?? '';
  const toId = params.get('bis') ?? '';
  return (
    <PageShell documentTitle={t('evaluation.compare.documentTitle')} wide>
      <RequireUser roles={ADMINS}>
        {() => (
          <>
            <div className="eval-toolbar no-print">
              <Link to={ROUTES.evaluation}>← {t('evaluation.report.back')}</Link>
              <button type="button" className="button" onClick={() => window.print()}>
                {t('evaluation.report.print')}
              </button>
            </div>
            {fromId && toId ? (
              <Comparison fromId={fromId} toId={toId} />
            ) : (
              <p className="hint hint--warning">{t('evaluation.compare.choose')}</p>
            )}
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
