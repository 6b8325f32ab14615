import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaleBadge, StatusBadge } from '../../../components/EntryBadges';
import { organisationEditPath } from '../../../config/routes';
import { ErrorCode, errorCodeOf } from '../../../lib/errors';
import { ConfirmStaleOrganisationDocument } from '../../../lib/graphql/graphql';
import { useStaleOrganisations } from '../hooks/useReview';

/** "Veraltete Einträge": not confirmed for 12 months or never, oldest first; open, or confirm in one click. */
export function StaleOrganisationList() {
  const { t } = useTranslation();
  const { data, loading, error } = useStaleOrganisations();
  const [confirm] = useMutation(ConfirmStaleOrganisationDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const list = [...(data?.staleOrganisations ?? [])].sort((a, b) => (a.lastConfirmedAt ?? '').localeCompare(b.lastConfirmedAt ?? ''));
  return (
    <>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {message && <p className={message.ok ? 'form-success' : 'form-alert'}>{message.text}</p>}
      </div>
      {list.length === 0 ? (
        <p className="muted">{t('review.stale.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('review.stale.caption', { count: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fieldNames.name')}</th>
              <th scope="col">{t('fieldNames.lastConfirmedAt')}</th>
              <th scope="col">{t('fieldNames.status')}</th>
              <th scope="col">{t('review.stale.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={organisationEditPath(o.id)}>{o.name}</Link>
                </th>
                <td>
                  <StaleBadge lastConfirmedAt={o.lastConfirmedAt} />
                </td>
                <td>
                  <StatusBadge status={o.status} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('editing.confirmItem', { name: o.name })}
                    onClick={() =>
                      void confirm({ variables: { id: o.id, expectedVersion: o.version } }).then(
                        () => setMessage({ ok: true, text: t('review.stale.confirmed', { name: o.name }) }),
                        (e: unknown) =>
                          setMessage({
                            ok: false,
                            text: errorCodeOf(e) === ErrorCode.CONFLICT ? t('editing.errors.changedMeanwhile') : t('errors.action'),
                          }),
                      )
                    }
                  >
                    <span aria-hidden="true">✓ </span>
                    {t('editing.confirm')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
