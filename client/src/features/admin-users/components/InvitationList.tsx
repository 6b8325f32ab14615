import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { InlineFacts } from '../../../components/InlineFacts';
import { errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { RevokeInvitationDocument } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';
import { useOpenInvitations } from '../hooks/useAdmin';

/** Invitations not yet accepted; each can be revoked (the link then stops working). */
export function InvitationList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error } = useOpenInvitations();
  const [revoke] = useMutation(RevokeInvitationDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const open = (data?.invitations ?? []).filter((i) => !i.acceptedAt && !i.revokedAt);
  return (
    <>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {message && <p className={message.ok ? 'form-success' : 'form-alert'}>{message.text}</p>}
      </div>
      {open.length === 0 ? (
        <p className="muted">{t('users.invitations.none')}</p>
      ) : (
        <ul className="card-list">
          {open.map((i) => (
            <li key={i.id} className="card">
              <p className="card__title">
                {i.email} <span className="muted">· {t(`roles.${i.role}`)}</span>
              </p>
              <InlineFacts
                items={[
                  i.organisations.length > 0 && [t('fieldNames.organisationIds'), f.list(i.organisations.map((o) => o.name))],
                  i.invitedBy !== null && [t('users.invitations.by'), i.invitedBy.displayName ?? i.invitedBy.email],
                  [t('users.invitations.created'), f.dateTime(i.createdAt)],
                  [t('users.invitations.expires'), f.dateTime(i.expiresAt)],
                ]}
              />
              <ConfirmAction
                label={t('users.invitations.revoke')}
                question={t('users.invitations.revokeQuestion', { email: i.email })}
                confirmLabel={t('users.invitations.revokeConfirm')}
                danger
                onConfirm={async () => {
                  try {
                    await revoke({ variables: { id: i.id } });
                    setMessage({ ok: true, text: t('users.invitations.revoked', { email: i.email }) });
                  } catch (e) {
                    setMessage({ ok: false, text: errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action') });
                  }
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
