import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { reviewPath } from '../../config/routes';
import { RequireUser } from '../../features/auth';
import { ReviewQueue, StaleOrganisationList } from '../../features/review';
import { PageShell } from '../PageShell';

const REVIEWERS = [UserRole.COORDINATOR, UserRole.ADMIN] as const;

/** Coordinators: the queue of proposed changes and, as a second view, the stale entries. The view is in the URL. */
export default function ReviewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tab = params.get('ansicht') === 'veraltet' ? 'stale' : 'queue';
  return (
    <PageShell documentTitle={t('review.documentTitle')} wide>
      <RequireUser roles={REVIEWERS}>
        {() => (
          <>
            <h1 className="page-title">{t('review.title')}</h1>
            <p className="page-intro">{t('review.intro')}</p>
            <nav className="view-tabs" aria-label={t('review.tabs.label')}>
              <Link to={reviewPath('queue')} aria-current={tab === 'queue' ? 'page' : undefined}>
                {t('review.tabs.queue')}
              </Link>
              <Link to={reviewPath('stale')} aria-current={tab === 'stale' ? 'page' : undefined}>
                {t('review.tabs.stale')}
              </Link>
            </nav>
            <section aria-labelledby="review-view-title" className="page-section">
              <h2 id="review-view-title">{tab === 'queue' ? t('review.tabs.queue') : t('review.tabs.stale')}</h2>
              {tab === 'queue' ? <ReviewQueue /> : <StaleOrganisationList />}
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
