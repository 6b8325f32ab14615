import { useTranslation } from 'react-i18next';
import { InlineFacts } from '../../../components/InlineFacts';
import { useFormatters } from '../../../lib/intl';
import type { Change } from '../hooks/useReview';

/** Who proposed what, where and when – one line of plain text. */
export function ChangeSummary({ change, showOrganisation = true }: { change: Change; showOrganisation?: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <InlineFacts
      className="change-summary"
      items={[
        showOrganisation && [t('review.organisation'), change.organisationName],
        [t('review.entry'), `${t(`entities.${change.entityType}`)} · ${t(`operations.${change.operation}`)}`],
        change.proposedBy !== null && [t('review.proposedBy'), change.proposedBy],
        [t('review.proposedAt'), <time dateTime={change.proposedAt}>{f.dateTime(change.proposedAt)}</time>],
      ]}
    />
  );
}
