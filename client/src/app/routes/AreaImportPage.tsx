import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { AreaImportPanel } from '../../features/area-import';
import { RequireUser } from '../../features/auth';
import { PageShell } from '../PageShell';

const ADMIN = [UserRole.ADMIN] as const;

/** Import of official district polygons, statistics and group statistics (administrators): dry run, report, apply. */
export default function AreaImportPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('areaImport.documentTitle')} wide>
      <RequireUser roles={ADMIN}>
        {() => (
          <>
            <h1 className="page-title">{t('areaImport.title')}</h1>
            <p>{t('areaImport.intro')}</p>
            <section className="page-section" aria-label={t('areaImport.title')}>
              <AreaImportPanel />
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
