import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { UserMenu, useMe } from '../features/auth';
import { ROUTES } from '../config/routes';
import { isReviewer } from '../lib/roles';

export function AppHeader() {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <Link to="/" className="app-header__home">
          <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="#fff" />
            <path d="M16 5c-4.7 0-8.5 3.7-8.5 8.4C7.5 19.6 16 27 16 27s8.5-7.4 8.5-13.6C24.5 8.7 20.7 5 16 5z" fill="#1d3557" />
            <circle cx="16" cy="13.4" r="3.4" fill="#fff" />
          </svg>
          <span className="app-header__title">{t('app.title')}</span>
        </Link>
        <span className="app-header__subtitle">{t('app.subtitle')}</span>
      </div>
      <nav className="app-header__nav" aria-label={t('nav.label')}>
        <NavLink to={ROUTES.network}>{t('nav.network')}</NavLink>
        <NavLink to={ROUTES.partners}>{t('nav.partners')}</NavLink>
        <NavLink to={ROUTES.coverage}>{t('nav.coverage')}</NavLink>
        {isReviewer(me?.role) && <NavLink to={ROUTES.evaluation}>{t('nav.evaluation')}</NavLink>}
      </nav>
      <div className="app-header__tools">
        <UserMenu />
        <LanguageSwitcher />
      </div>
    </header>
  );
}
