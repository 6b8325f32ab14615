import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import type { OrganisationOption } from '../../../components/OrganisationSearchField';
import { ErrorCode, errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import { InviteUserDocument } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';
import { OrganisationsPicker } from './OrganisationsPicker';
import { assignableRoles } from './UsersTable';

interface Problems {
  email?: string[];
  role?: string[];
  organisationIds?: string[];
  displayName?: string[];
}

/** Invite a person by e-mail with a role and, for editors, the organisations they may edit. */
export function InviteForm({ viewerRole }: { viewerRole: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [invite, { loading }] = useMutation(InviteUserDocument, { refetchQueries: 'active', awaitRefetchQueries: true });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>(UserRole.EDITOR);
  const [displayName, setDisplayName] = useState('');
  const [organisations, setOrganisations] = useState<OrganisationOption[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = [t('editing.errors.email')];
    if (role === UserRole.EDITOR && organisations.length === 0) found.organisationIds = [t('users.invite.needOrganisation')];
    setProblems(found);
    setResult(null);
    if (Object.keys(found).length) return;
    try {
      const { data } = await invite({
        variables: {
          input: {
            email: email.trim(),
            role: role as UserRole,
            displayName: displayName.trim() || null,
            organisationIds: role === UserRole.EDITOR ? organisations.map((o) => o.id) : [],
          },
        },
      });
      const sent = data?.inviteUser;
      setResult({
        ok: true,
        text: t('users.invite.sent', { email: sent?.email ?? email.trim(), date: sent ? f.dateTime(sent.expiresAt) : '' }),
      });
      setEmail('');
      setDisplayName('');
      setOrganisations([]);
    } catch (e) {
      const fields = fieldProblemsOf(e);
      if (fields.length) {
        const mapped: Problems = {};
        for (const p of fields) {
          const key = p.field.replace(/^input\./, '').split('.')[0] as keyof Problems;
          if (key === 'email' || key === 'role' || key === 'organisationIds' || key === 'displayName') mapped[key] = p.problems;
          else setResult({ ok: false, text: p.problems.join(' ') });
        }
        setProblems(mapped);
      } else {
        const code = errorCodeOf(e);
        setResult({
          ok: false,
          text: code === ErrorCode.CONFLICT ? t('users.invite.exists') : (errorMessageOf(e, code) ?? t('errors.action')),
        });
      }
    }
  };

  return (
    <form className="form invite-form" aria-label={t('users.invite.title')} noValidate onSubmit={(e) => void submit(e)}>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {result && <p className={result.ok ? 'form-success' : 'form-alert'}>{result.text}</p>}
      </div>
      <div className="form-grid">
        <TextField
          label={t('fieldNames.email')}
          type="email"
          value={email}
          onChange={setEmail}
          required
          errors={problems.email}
          autoComplete="off"
        />
        <SelectField
          label={t('fieldNames.role')}
          value={role}
          onChange={setRole}
          options={assignableRoles(viewerRole).map((r) => ({ value: r as string, label: t(`roles.${r}`) }))}
          errors={problems.role}
          hint={t(`users.invite.roleHint.${role as UserRole}`)}
        />
        <TextField label={t('users.invite.displayName')} value={displayName} onChange={setDisplayName} errors={problems.displayName} />
      </div>
      {role === UserRole.EDITOR && (
        <OrganisationsPicker
          label={t('fieldNames.organisationIds')}
          value={organisations}
          onChange={setOrganisations}
          hint={t('users.orgs.hint')}
          errors={problems.organisationIds}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('users.invite.submit')}
        </button>
      </div>
    </form>
  );
}
