import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { RequireUser } from '../../features/auth';
import { GoalManager, PeriodPanel, SnapshotManager } from '../../features/evaluation';
import { PageShell } from '../PageShell';

const STAFF = [UserRole.ADMIN, UserRole.COORDINATOR] as const;

/** Evaluation: snapshots and guiding goals (admins), the re-confirmation cycle (coordinators and admins). */
export default function EvaluationPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('evaluation.page.documentTitle')} wide>
      <RequireUser roles={STAFF}>
        {(me) => (
          <>
            <h1 className="page-title">{t('evaluation.page.title')}</h1>
            <p className="page-intro">{t('evaluation.page.intro')}</p>
            {me.role === UserRole.ADMIN && (
              <section className="page-section" aria-labelledby="eval-snapshots-title">
                <h2 id="eval-snapshots-title">{t('evaluation.snapshots.heading')}</h2>
                <SnapshotManager />
              </section>
            )}
            {me.role === UserRole.ADMIN && (
              <section className="page-section" aria-labelledby="eval-goals-title">
                <h2 id="eval-goals-title">{t('evaluation.goals.heading')}</h2>
                <p className="hint">{t('evaluation.goals.intro')}</p>
                <GoalManager />
              </section>
            )}
            <section className="page-section" aria-labelledby="eval-period-title">
              <h2 id="eval-period-title">{t('evaluation.period.heading')}</h2>
              <p className="hint">{t('evaluation.period.intro')}</p>
              <PeriodPanel />
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
