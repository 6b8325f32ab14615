import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RETURN_PARAM, ROUTES, safeReturnPath } from '../../config/routes';
import { LoginForm, useMe } from '../../features/auth';
import { PageShell } from '../PageShell';

/** E-mail and password; afterwards back to where the user came from, else to their organisations. */
export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me, loading } = useMe();
  const target = safeReturnPath(params.get(RETURN_PARAM)) ?? ROUTES.myOrganisations;
  return (
    <PageShell documentTitle={t('auth.login.documentTitle')}>
      <div className="narrow">
        <h1 className="page-title">{t('auth.login.title')}</h1>
        <p className="page-intro">{t('auth.login.intro')}</p>
        {!loading && me ? <Navigate to={target} replace /> : <LoginForm onSignedIn={() => void navigate(target, { replace: true })} />}
      </div>
    </PageShell>
  );
}
