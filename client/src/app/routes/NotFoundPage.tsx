import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../AppHeader';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="app app--page">
      <AppHeader />
      <main id="main" className="page">
        <h1>{t('notFound.title')}</h1>
        <p>
          <Link to="/">{t('notFound.back')}</Link>
        </p>
      </main>
    </div>
  );
}
