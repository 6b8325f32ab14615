import { useTranslation } from 'react-i18next';

const DOWNLOADS = [
  { key: 'organisationsCsv', href: '/api/export/organisations.csv' },
  { key: 'servicesCsv', href: '/api/export/services.csv' },
  { key: 'geojson', href: '/api/export/locations.geojson' },
  { key: 'hsds', href: '/api/export/hsds.json' },
] as const;

/** Downloads of all published entries (the server's export endpoints). */
export function DownloadLinks() {
  const { t } = useTranslation();
  return (
    <details className="downloads">
      <summary className="downloads__summary">{t('downloads.title')}</summary>
      <p className="downloads__hint">{t('downloads.hint')}</p>
      <ul className="downloads__list">
        {DOWNLOADS.map((d) => (
          <li key={d.key}>
            <a href={d.href} download>
              {t(`downloads.${d.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
