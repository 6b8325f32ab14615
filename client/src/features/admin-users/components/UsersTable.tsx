import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { UserRole } from '@partneratlas/shared';
import { SelectField, TextField } from '../../../components/form/FormField';
import type { OrganisationOption } from '../../../components/OrganisationSearchField';
import { ErrorCode, errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import { UpdateUserDocument, type UpdateUserInput } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';
import { useUsers, type AdminUser } from '../hooks/useAdmin';
import { OrganisationsPicker } from './OrganisationsPicker';

type Message = { ok: boolean; text: string };

const AFTER = { refetchQueries: 'active', awaitRefetchQueries: true } as const;

/** Roles the viewer may hand out: administrators any, coordinators editors and coordinators. */
export function assignableRoles(viewerRole: string): UserRole[] {
  return viewerRole === UserRole.ADMIN ? [UserRole.EDITOR, UserRole.COORDINATOR, UserRole.ADMIN] : [UserRole.EDITOR, UserRole.COORDINATOR];
}

function useUpdateUser(onMessage: (m: Message) => void) {
  const { t } = useTranslation();
  const [update, { loading }] = useMutation(UpdateUserDocument, AFTER);
  const run = async (user: AdminUser, input: UpdateUserInput, success: string): Promise<boolean> => {
    try {
      await update({ variables: { id: user.id, expectedVersion: user.version, input } });
      onMessage({ ok: true, text: success });
      return true;
    } catch (e) {
      const code = errorCodeOf(e);
      const problems = fieldProblemsOf(e);
      onMessage({
        ok: false,
        text:
          code === ErrorCode.CONFLICT
            ? t('users.conflict', { email: user.email })
            : problems.length
              ? problems.flatMap((p) => p.problems).join(' ')
              : (errorMessageOf(e, code) ?? t('errors.action')),
      });
      return false;
    }
  };
  return { run, loading };
}

/** All accounts: role, trust and access at a glance; trust and access toggle at once (with the row's version). */
export function UsersTable({ viewerId, viewerRole }: { viewerId: string; viewerRole: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error } = useUsers();
  const [message, setMessage] = useState<Message | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { run, loading: saving } = useUpdateUser(setMessage);
  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const users = data?.users ?? [];
  return (
    <>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {message && <p className={message.ok ? 'form-success' : 'form-alert'}>{message.text}</p>}
      </div>
      <div className="table-scroll">
        <table className="data-table users-table">
          <caption className="visually-hidden">{t('users.table.caption', { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fieldNames.email')}</th>
              <th scope="col">{t('fieldNames.displayName')}</th>
              <th scope="col">{t('fieldNames.role')}</th>
              <th scope="col">{t('fieldNames.trusted')}</th>
              <th scope="col">{t('fieldNames.disabled')}</th>
              <th scope="col">{t('fieldNames.organisationIds')}</th>
              <th scope="col">{t('users.table.lastLogin')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.table.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === viewerId;
              return (
                <tr key={u.id} className={u.disabled ? 'users-table__row--disabled' : undefined}>
                  <th scope="row">
                    {u.email}
                    {self && <span className="muted"> ({t('users.table.you')})</span>}
                  </th>
                  <td>{u.displayName ?? <span className="muted">–</span>}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={u.trusted}
                        disabled={saving || u.role !== UserRole.EDITOR}
                        onChange={(e) =>
                          void run(
                            u,
                            { trusted: e.target.checked },
                            t(e.target.checked ? 'users.table.trustedOn' : 'users.table.trustedOff', { email: u.email }),
                          )
                        }
                      />
                      <span className="visually-hidden">{t('users.table.trustedLabel', { email: u.email })}</span>
                      <span aria-hidden="true">
                        {u.role !== UserRole.EDITOR ? t('users.table.notApplicable') : u.trusted ? t('values.yes') : t('values.no')}
                      </span>
                    </label>
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={u.disabled}
                        disabled={saving || self}
                        onChange={(e) =>
                          void run(
                            u,
                            { disabled: e.target.checked },
                            t(e.target.checked ? 'users.table.disabledOn' : 'users.table.disabledOff', { email: u.email }),
                          )
                        }
                      />
                      <span className="visually-hidden">{t('users.table.disabledLabel', { email: u.email })}</span>
                      <span aria-hidden="true">{u.disabled ? t('users.table.isDisabled') : t('users.table.isActive')}</span>
                    </label>
                  </td>
                  <td>
                    {u.role !== UserRole.EDITOR ? (
                      <span className="muted">{t('users.table.allOrganisations')}</span>
                    ) : u.organisations.length === 0 ? (
                      <span className="muted">–</span>
                    ) : (
                      f.list(u.organisations.map((o) => o.name))
                    )}
                  </td>
                  <td>{u.lastLoginAt ? f.dateTime(u.lastLoginAt) : <span className="muted">{t('users.table.never')}</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={editing === u.id}
                      aria-label={t('users.table.editLabel', { email: u.email })}
                      onClick={() => setEditing(editing === u.id ? null : u.id)}
                    >
                      {t('editing.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing && users.find((u) => u.id === editing) && (
        <UserEditForm
          key={`${editing}-${users.find((u) => u.id === editing)!.version}`}
          user={users.find((u) => u.id === editing)!}
          viewerRole={viewerRole}
          self={editing === viewerId}
          onMessage={setMessage}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function UserEditForm({
  user,
  viewerRole,
  self,
  onMessage,
  onClose,
}: {
  user: AdminUser;
  viewerRole: string;
  self: boolean;
  onMessage: (m: Message) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<string>(user.role);
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [organisations, setOrganisations] = useState<OrganisationOption[]>(user.organisations.map((o) => ({ id: o.id, name: o.name })));
  const { run, loading } = useUpdateUser(onMessage);
  const roles = assignableRoles(viewerRole);
  if (!roles.includes(user.role as UserRole)) roles.push(user.role as UserRole);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: UpdateUserInput = {};
    if (role !== user.role) input.role = role as UserRole;
    if ((displayName.trim() || null) !== (user.displayName ?? null)) input.displayName = displayName.trim() || null;
    const ids = organisations.map((o) => o.id).sort();
    const before = user.organisations.map((o) => o.id).sort();
    if (ids.join() !== before.join()) input.organisationIds = ids;
    if (Object.keys(input).length === 0) {
      onMessage({ ok: false, text: t('editing.errors.nothingChanged') });
      return;
    }
    if (await run(user, input, t('users.edit.saved', { email: user.email }))) onClose();
  };

  return (
    <form
      className="form edit-card edit-card--form user-edit"
      aria-label={t('users.table.editLabel', { email: user.email })}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 className="edit-card__title">{t('users.table.editLabel', { email: user.email })}</h3>
      <div className="form-grid">
        <TextField label={t('fieldNames.displayName')} value={displayName} onChange={setDisplayName} />
        <SelectField
          label={t('fieldNames.role')}
          value={role}
          onChange={setRole}
          options={roles.map((r) => ({ value: r as string, label: t(`roles.${r}`), disabled: self && r !== user.role }))}
          hint={self ? t('users.edit.ownRole') : undefined}
        />
      </div>
      {role === UserRole.EDITOR && (
        <OrganisationsPicker
          label={t('fieldNames.organisationIds')}
          value={organisations}
          onChange={setOrganisations}
          hint={t('users.orgs.hint')}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('editing.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
