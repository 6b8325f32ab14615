import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FieldChangeTable } from '../../../components/FieldChangeTable';
import { TextField } from '../../../components/form/FormField';
import { organisationEditPath } from '../../../config/routes';
import { ErrorCode, errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { ApproveChangeDocument, RejectChangeDocument } from '../../../lib/graphql/graphql';
import { usePendingChanges, type Change } from '../hooks/useReview';
import { ChangeSummary } from './ChangeSummary';

const AFTER = { refetchQueries: 'active', awaitRefetchQueries: true } as const;

/** Every change waiting for review, with its field-by-field diff; approve, or reject with a reason. */
export function ReviewQueue() {
  const { t } = useTranslation();
  const { data, loading, error } = usePendingChanges();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const changes = data?.pendingChanges ?? [];
  return (
    <>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {message && <p className={message.ok ? 'form-success' : 'form-alert'}>{message.text}</p>}
      </div>
      {changes.length === 0 ? (
        <p className="muted">{t('review.queue.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('review.queue.count', { count: changes.length })}</p>
          <ol className="card-list review-list">
            {changes.map((c) => (
              <ChangeCard key={c.id} change={c} onMessage={setMessage} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function ChangeCard({ change, onMessage }: { change: Change; onMessage: (m: { ok: boolean; text: string }) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [approve, approving] = useMutation(ApproveChangeDocument, AFTER);
  const [reject, rejecting] = useMutation(RejectChangeDocument, AFTER);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const busy = approving.loading || rejecting.loading;

  const onApprove = async () => {
    setCardError(null);
    try {
      await approve({ variables: { id: change.id } });
      onMessage({ ok: true, text: t('review.queue.approved', { name: change.organisationName }) });
    } catch (e) {
      const code = errorCodeOf(e);
      setCardError(code === ErrorCode.CONFLICT ? t('review.queue.approveConflict') : (errorMessageOf(e, code) ?? t('errors.action')));
    }
  };

  const onReject = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('review.queue.reasonRequired'));
      return;
    }
    setReasonError(null);
    try {
      await reject({ variables: { id: change.id, reason: reason.trim() } });
      onMessage({ ok: true, text: t('review.queue.rejected', { name: change.organisationName }) });
    } catch (e) {
      setCardError(errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action'));
    }
  };

  return (
    <li className="card review-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">
        <Link to={organisationEditPath(change.organisationId)}>{change.organisationName}</Link>
        <span className="muted">
          {' '}
          – {t(`entities.${change.entityType}`)}: {t(`operations.${change.operation}`)}
        </span>
      </h3>
      <ChangeSummary change={change} showOrganisation={false} />
      <FieldChangeTable changes={change.diff} caption={t('review.diffCaption', { name: change.organisationName })} />
      {cardError && (
        <p className="form-alert" role="alert">
          {cardError}
        </p>
      )}
      {!rejectOpen ? (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void onApprove()}>
            <span aria-hidden="true">✓ </span>
            {t('review.queue.approve')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setRejectOpen(true)}>
            {t('review.queue.reject')}
          </button>
        </div>
      ) : (
        <form className="form reject-form" noValidate onSubmit={(e) => void onReject(e)}>
          <TextField
            label={t('review.queue.reason')}
            multiline
            rows={3}
            value={reason}
            onChange={setReason}
            required
            hint={t('review.queue.reasonHint')}
            errors={reasonError ? [reasonError] : undefined}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger-solid" disabled={busy}>
              {t('review.queue.rejectConfirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setRejectOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
