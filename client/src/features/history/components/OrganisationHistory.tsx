import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FieldChangeTable } from '../../../components/FieldChangeTable';
import { organisationEditPath } from '../../../config/routes';
import { ErrorCode, errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { OrganisationHistoryDocument, RestoreVersionDocument } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';

type Notice = { ok: true; pending: boolean } | { ok: false; text: string };

/** Every audited change of an organisation and its entries, newest first; any state can be restored. */
export function OrganisationHistory({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error } = useQuery(OrganisationHistoryDocument, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [restore] = useMutation(RestoreVersionDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  const [notice, setNotice] = useState<Notice | null>(null);

  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (!data) {
    const code = errorCodeOf(error);
    return (
      <div className="hint hint--warning" role="alert">
        <p>
          {code === ErrorCode.NOT_FOUND ? t('detail.notFound') : code === ErrorCode.FORBIDDEN ? t('history.forbidden') : t('errors.load')}
        </p>
      </div>
    );
  }
  const org = data.historyOrganisation;
  const entries = [...data.organisationHistory].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <>
      <h1 className="page-title">{t('history.title', { name: org.name })}</h1>
      <p className="page-intro">{t('history.intro')}</p>
      {org.canEdit && (
        <p>
          <Link to={organisationEditPath(org.id)}>
            <span aria-hidden="true">← </span>
            {t('history.backToEdit')}
          </Link>
        </p>
      )}
      <div role="status" aria-live="polite" className="edit-notice-region">
        {notice?.ok === true && (
          <p className={notice.pending ? 'form-pending' : 'form-success'}>
            {notice.pending ? t('editing.pendingReview') : t('history.restored')}
          </p>
        )}
        {notice?.ok === false && <p className="form-alert">{notice.text}</p>}
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="history-list">
          {entries.map((e) => (
            <li key={e.id} className="card history-entry">
              <h2 className="card__title history-entry__title">
                {t('history.entryTitle', {
                  entity: t(`entities.${e.entityType}`),
                  action: isKnownAction(e.action) ? t(`actions.${e.action}`) : e.action,
                })}
              </h2>
              <p className="muted">
                <time dateTime={e.at}>{f.dateTime(e.at)}</time> · {e.actor ?? t('history.system')}
              </p>
              <FieldChangeTable changes={e.changes} caption={t('history.changesCaption', { date: f.dateTime(e.at) })} />
              {org.canEdit && e.action !== 'ERASE' && (
                <div className="button-row">
                  <ConfirmAction
                    label={t('history.restore')}
                    question={t('history.restoreQuestion', { date: f.dateTime(e.at) })}
                    confirmLabel={t('history.restoreConfirm')}
                    onConfirm={async () => {
                      setNotice(null);
                      try {
                        const result = await restore({ variables: { entityType: e.entityType, entityId: e.entityId, auditEntryId: e.id } });
                        setNotice({ ok: true, pending: result.data?.restoreVersion.outcome === 'PENDING_REVIEW' });
                      } catch (err) {
                        const code = errorCodeOf(err);
                        setNotice({
                          ok: false,
                          text:
                            code === ErrorCode.CONFLICT
                              ? t('editing.errors.changedMeanwhile')
                              : (errorMessageOf(err, code) ?? t('errors.action')),
                        });
                      }
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const KNOWN_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'ARCHIVE', 'PUBLISH', 'CONFIRM', 'APPROVE', 'RESTORE', 'ERASE'] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}
