import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROUTES, loginPath } from '../../../config/routes';
import { isReviewer, UserRole } from '../../../lib/roles';
import { useMe } from '../hooks/useMe';
import { useSessionActions } from '../hooks/useSession';

/** In the header: "Anmelden" for visitors; for signed-in users a disclosure with name, role and their pages. */
export function UserMenu() {
  const { t } = useTranslation();
  const { me, loading } = useMe();
  const { logout } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (loading) return <span className="user-menu user-menu--pending" aria-hidden="true" />;
  if (!me) {
    const here = location.pathname + location.search;
    const onLoginPage = location.pathname === ROUTES.login;
    return (
      <Link className="user-menu__login" to={onLoginPage ? ROUTES.login : loginPath(here === '/' ? undefined : here)}>
        {t('auth.menu.login')}
      </Link>
    );
  }
  const reviewer = isReviewer(me.role);
  const close = () => setOpen(false);
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-menu__name">{me.displayName || me.email}</span>
        <span className="user-menu__role">{t(`roles.${me.role}`)}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={menuId} className="user-menu__list" hidden={!open}>
        <li>
          <Link to={ROUTES.myOrganisations} onClick={close}>
            {t('auth.menu.myOrganisations')}
          </Link>
        </li>
        {reviewer && (
          <li>
            <Link to={ROUTES.review} onClick={close}>
              {t('auth.menu.review')}
            </Link>
          </li>
        )}
        {reviewer && (
          <li>
            <Link to={ROUTES.users} onClick={close}>
              {t('auth.menu.users')}
            </Link>
          </li>
        )}
        {reviewer && (
          <li>
            <Link to={ROUTES.import} onClick={close}>
              {t('auth.menu.import')}
            </Link>
          </li>
        )}
        {me.role === UserRole.ADMIN && (
          <li>
            <Link to={ROUTES.areaImport} onClick={close}>
              {t('auth.menu.areaImport')}
            </Link>
          </li>
        )}
        <li>
          <Link to={ROUTES.account} onClick={close}>
            {t('auth.menu.account')}
          </Link>
        </li>
        <li>
          <button
            type="button"
            className="user-menu__logout"
            onClick={() => {
              close();
              void logout(() => navigate(ROUTES.map));
            }}
          >
            {t('auth.menu.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
