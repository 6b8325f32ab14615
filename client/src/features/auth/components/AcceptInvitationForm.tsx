import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@partneratlas/shared';
import { TextField } from '../../../components/form/FormField';
import { Link } from 'react-router';
import { ROUTES } from '../../../config/routes';
import { ErrorCode, errorCodeOf, errorExtensionOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import { InvitationPreviewDocument } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';
import { useSessionActions } from '../hooks/useSession';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields';

interface Problems {
  password?: string[];
  confirm?: string[];
  displayName?: string[];
}

/** The invitation as the invitee sees it, and the form that sets a password and signs in. */
export function AcceptInvitationForm({ token, onAccepted }: { token: string; onAccepted: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { acceptInvitation } = useSessionActions();
  const { data, loading, error } = useQuery(InvitationPreviewDocument, { variables: { token }, fetchPolicy: 'network-only' });
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loading && !data) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (error || !data) {
    const code = errorCodeOf(error);
    const reason = errorExtensionOf(error, ErrorCode.NOT_FOUND, 'reason');
    const closed = code === ErrorCode.NOT_FOUND || code === ErrorCode.BAD_USER_INPUT;
    return (
      <div className="hint hint--warning" role="alert">
        <p>
          <strong>
            {!closed
              ? t('auth.invitation.loadFailed')
              : reason === 'ACCEPTED'
                ? t('auth.invitation.accepted')
                : reason === 'EXPIRED'
                  ? t('auth.invitation.expired')
                  : reason === 'REVOKED'
                    ? t('auth.invitation.revoked')
                    : t('auth.invitation.invalid')}
          </strong>
        </p>
        {reason === 'ACCEPTED' ? (
          <p>
            <Link to={ROUTES.login}>{t('auth.menu.login')}</Link>
          </p>
        ) : (
          <p>{t('auth.invitation.invalidHelp')}</p>
        )}
      </div>
    );
  }
  const preview = data.invitationPreview;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Problems = newPasswordProblems(password, confirm, t);
    setProblems(next);
    setFormError(null);
    if (next.password || next.confirm) return;
    setBusy(true);
    try {
      await acceptInvitation(token, password, displayName.trim() || null, onAccepted);
    } catch (e) {
      const fields = fieldProblemsOf(e);
      if (fields.length) {
        const mapped: Problems = {};
        for (const p of fields) {
          const key = p.field.replace(/^input\./, '');
          if (key === 'password' || key === 'newPassword') mapped.password = p.problems;
          else if (key === 'displayName') mapped.displayName = p.problems;
          else setFormError(p.problems.join(' '));
        }
        setProblems(mapped);
      } else if (errorCodeOf(e) === ErrorCode.NOT_FOUND) {
        setFormError(t('auth.invitation.invalid'));
      } else {
        setFormError(errorMessageOf(e, errorCodeOf(e)) ?? t('auth.invitation.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dl className="facts invitation-facts">
        <dt>{t('auth.invitation.email')}</dt>
        <dd>{preview.email}</dd>
        <dt>{t('auth.invitation.role')}</dt>
        <dd>{t(`roles.${preview.role}`)}</dd>
        {preview.organisationNames.length > 0 && (
          <>
            <dt>{t('auth.invitation.organisations')}</dt>
            <dd>
              <ul className="plain-list">
                {preview.organisationNames.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('auth.invitation.expires')}</dt>
        <dd>{f.dateTime(preview.expiresAt)}</dd>
      </dl>
      <form className="form auth-form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && (
          <p className="form-alert" role="alert">
            {formError}
          </p>
        )}
        <TextField
          label={t('auth.invitation.displayName')}
          value={displayName}
          onChange={setDisplayName}
          autoComplete="name"
          errors={problems.displayName}
          maxLength={LIMITS.nameMaxLength}
        />
        <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problems={problems} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('auth.invitation.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
