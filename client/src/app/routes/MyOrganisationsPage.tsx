import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { reviewPath } from '../../config/routes';
import { RequireUser } from '../../features/auth';
import { MyOrganisationList, NewOrganisationForm } from '../../features/editing';
import { ReconfirmBanner } from '../../features/evaluation';
import { MyProposals } from '../../features/review';
import { isReviewer } from '../../lib/roles';
import { PageShell } from '../PageShell';

/** The organisations the user keeps up to date, a new one, and (for editors) their own proposals. */
export default function MyOrganisationsPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('editing.mine.documentTitle')} wide>
      <RequireUser>
        {(me) => (
          <>
            <h1 className="page-title">{t('editing.mine.title')}</h1>
            <p className="page-intro">{t('editing.mine.intro')}</p>
            <ReconfirmBanner staff={isReviewer(me.role)} />
            {isReviewer(me.role) && (
              <p className="hint">
                <Link to={reviewPath()}>{t('review.goToQueue')}</Link> · <Link to={reviewPath('stale')}>{t('review.tabs.stale')}</Link>
              </p>
            )}
            <NewOrganisationForm />
            <section className="page-section" aria-labelledby="my-orgs-title">
              <h2 id="my-orgs-title">{t('editing.mine.listTitle')}</h2>
              <MyOrganisationList />
            </section>
            {me.role === UserRole.EDITOR && (
              <div className="page-section">
                <MyProposals title={t('review.mine.title')} />
              </div>
            )}
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
