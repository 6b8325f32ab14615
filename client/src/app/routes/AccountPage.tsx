import { useTranslation } from 'react-i18next';
import { ChangePasswordForm, RequireUser, SessionList } from '../../features/auth';
import { PageShell } from '../PageShell';

/** Where the user is signed in (end other sessions) and a new password. */
export default function AccountPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('account.documentTitle')}>
      <RequireUser>
        {(me) => (
          <>
            <h1 className="page-title">{t('account.title')}</h1>
            <p className="page-intro">
              {me.displayName ? `${me.displayName} · ` : ''}
              {me.email} · {t(`roles.${me.role}`)}
            </p>
            <section className="page-section" aria-labelledby="sessions-title">
              <h2 id="sessions-title">{t('account.sessions.title')}</h2>
              <p className="form-field__hint">{t('account.sessions.intro')}</p>
              <SessionList />
            </section>
            <section className="page-section" aria-labelledby="password-title">
              <h2 id="password-title">{t('account.password.title')}</h2>
              <ChangePasswordForm />
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
