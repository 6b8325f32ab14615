import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '@partneratlas/shared';
import { loginPath } from '../../../config/routes';
import { useMe, type SessionUser } from '../hooks/useMe';

export interface RequireUserProps {
  /** Roles allowed on the page; any signed-in user when left out. */
  roles?: readonly UserRole[];
  children: (me: SessionUser) => ReactNode;
}

/** Pages for signed-in users: visitors go to the login page (and come back afterwards); other roles are told plainly. */
export function RequireUser({ roles, children }: RequireUserProps) {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  const location = useLocation();
  if (loading) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!me) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (roles && !roles.includes(me.role as UserRole)) {
    return (
      <div className="hint hint--warning" role="alert">
        <p>{t('auth.forbidden')}</p>
      </div>
    );
  }
  return <>{children(me)}</>;
}
