import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROUTES } from '../../config/routes';
import { AcceptInvitationForm } from '../../features/auth';
import { PageShell } from '../PageShell';

/** The link from the invitation e-mail: who is invited as what; a password; signed in; on to the organisations. */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  return (
    <PageShell documentTitle={t('auth.invitation.documentTitle')}>
      <div className="narrow">
        <h1 className="page-title">{t('auth.invitation.title')}</h1>
        <p className="page-intro">{t('auth.invitation.intro')}</p>
        <AcceptInvitationForm token={token} onAccepted={() => navigate(ROUTES.myOrganisations, { replace: true })} />
      </div>
    </PageShell>
  );
}
