import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { reviewPath } from '../../config/routes';
import { RequireUser } from '../../features/auth';
import { OrganisationEditor } from '../../features/editing';
import { MyProposals } from '../../features/review';
import { isReviewer } from '../../lib/roles';
import { PageShell } from '../PageShell';

/** Editing one organisation; editors also see what they proposed for it and its state. */
export default function OrganisationEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <PageShell documentTitle={t('editing.documentTitle')} wide>
      <RequireUser>
        {(me) => (
          <div className="edit-layout">
            <div className="edit-layout__main">
              <OrganisationEditor id={id} reviewer={isReviewer(me.role)} />
            </div>
            <aside className="edit-layout__side" aria-label={t('review.mine.forOrganisation')}>
              {me.role === UserRole.EDITOR ? (
                <MyProposals organisationId={id} title={t('review.mine.forOrganisation')} />
              ) : (
                <p className="hint">
                  <Link to={reviewPath()}>{t('review.goToQueue')}</Link>
                </p>
              )}
            </aside>
          </div>
        )}
      </RequireUser>
    </PageShell>
  );
}
