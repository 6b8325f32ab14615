import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { RequireUser } from '../../features/auth';
import { ImportPanel } from '../../features/import';
import { PageShell } from '../PageShell';

const STAFF = [UserRole.COORDINATOR, UserRole.ADMIN] as const;

/** Import of HSDS JSON, HSDS data packages and spreadsheet CSV: dry run, report, apply. */
export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <PageShell documentTitle={t('import.documentTitle')} wide>
      <RequireUser roles={STAFF}>
        {() => (
          <>
            <h1 className="page-title">{t('import.title')}</h1>
            <p>{t('import.intro')}</p>
            <section className="page-section" aria-label={t('import.title')}>
              <ImportPanel />
            </section>
          </>
        )}
      </RequireUser>
    </PageShell>
  );
}
