import { useTranslation } from 'react-i18next';
import type { EditResult } from '../hooks/useEntityEdit';

export type EditNotice =
  | { kind: 'result'; result: EditResult; operation: 'create' | 'update' | 'delete' | 'confirm' | 'publish' | 'archive' }
  | { kind: 'error'; text: string };

/** "Gespeichert" or "Zur Prüfung eingereicht – wird nach Freigabe sichtbar", announced politely. */
export function EditResultNotice({ notice }: { notice: EditNotice | null }) {
  const { t } = useTranslation();
  return (
    <div className="edit-notice-region" role="status" aria-live="polite">
      {notice?.kind === 'error' && <p className="form-alert">{notice.text}</p>}
      {notice?.kind === 'result' &&
        (notice.result.outcome === 'APPLIED' ? (
          <p className="form-success">
            <span aria-hidden="true">✓ </span>
            {t(`editing.applied.${notice.operation}`)}
          </p>
        ) : (
          <p className="form-pending">
            <span aria-hidden="true">◔ </span>
            {t('editing.pendingReview')}
          </p>
        ))}
    </div>
  );
}
