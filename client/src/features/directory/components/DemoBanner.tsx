import { useTranslation } from 'react-i18next';

/** Shown while fictional example entries are among the results. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="note">
      <span className="demo-banner__icon" aria-hidden="true">
        i
      </span>
      <p>{t('demo.banner')}</p>
    </div>
  );
}
