import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { InvitationList, InviteForm, UsersTable } from '../../features/admin-users';
import { RequireUser } from '../../features/auth';
import { PageShell } from '../PageShell';

const MANAGERS = [UserRole.COORDINATOR, UserRole.ADMIN] as const;

/** Users and invitations: invite, open invitations, all accounts. */
export default function UsersPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('users.documentTitle')} wide>
      <RequireUser roles={MANAGERS}>
        {(me) => (
          <>
            <h1 className="page-title">{t('users.title')}</h1>
            <div className="two-columns">
              <section className="page-section" aria-labelledby="invite-title">
                <h2 id="invite-title">{t('users.invite.title')}</h2>
                <InviteForm viewerRole={me.role} />
              </section>
              <section className="page-section" aria-labelledby="invitations-title">
                <h2 id="invitations-title">{t('users.invitations.title')}</h2>
                <InvitationList />
              </section>
            </div>
            <section className="page-section" aria-labelledby="users-title">
              <h2 id="users-title">{t('users.table.title')}</h2>
              <UsersTable viewerId={me.id} viewerRole={me.role} />
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
