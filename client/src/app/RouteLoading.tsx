import { useTranslation } from 'react-i18next';

/** Shown while a page's code loads (first visit only; later pages come from the cache). */
export function RouteLoading() {
  const { t } = useTranslation();
  return (
    <p className="page muted" role="status">
      {t('common.loading')}
    </p>
  );
}
