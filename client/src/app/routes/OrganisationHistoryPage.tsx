import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireUser } from '../../features/auth';
import { OrganisationHistory } from '../../features/history';
import { PageShell } from '../PageShell';

export default function OrganisationHistoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <PageShell documentTitle={t('history.documentTitle')} wide>
      <RequireUser>{() => <OrganisationHistory organisationId={id} />}</RequireUser>
    </PageShell>
  );
}
