import { useCallback, useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { mapWithOrganisation, networkPath, organisationEditPath, organisationPath, partnerFinderPath } from '../../config/routes';
import { OrganisationDetail } from '../../features/organisation-detail';
import { AppHeader } from '../AppHeader';

/** One organisation on its own page (printable, linkable); "show on the map" opens the map with it selected. */
export default function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const open = useCallback((other: string) => void navigate(organisationPath(other)), [navigate]);
  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);
  return (
    <div className="app app--page">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1}>
        <p>
          <Link to={mapWithOrganisation(id)}>{t('detail.showOnMap')}</Link>
          {' · '}
          <Link to={partnerFinderPath(id)}>{t('partners.findPartners')}</Link>
          {' · '}
          <Link to={networkPath(id)}>{t('nav.network')}</Link>
        </p>
        <OrganisationDetail
          id={id}
          hrefFor={organisationPath}
          onOpenOrganisation={open}
          headingLevel={1}
          focusOnLoad={false}
          editHref={organisationEditPath}
        />
      </main>
    </div>
  );
}
