import { useTranslation } from 'react-i18next';

/** Shown when a route fails to load (e.g. a chunk after a deployment) or throws. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div className="page" role="alert">
      <h1>{t('errors.crashTitle')}</h1>
      <p>{t('errors.crashText')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </div>
  );
}
