import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/FormField';
import { ErrorCode, errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import { ChangePasswordDocument } from '../../../lib/graphql/graphql';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields';

interface Problems {
  current?: string[];
  next?: string[];
  confirm?: string[];
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fresh = newPasswordProblems(next, confirm, t);
    const found: Problems = { next: fresh.password, confirm: fresh.confirm };
    if (!current) found.current = [t('auth.password.currentRequired')];
    setProblems(found);
    setStatus(null);
    if (found.current || found.next || found.confirm) return;
    try {
      await changePassword({ variables: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus({ ok: true, text: t('account.password.changed') });
    } catch (e) {
      const fields = fieldProblemsOf(e);
      if (fields.length) {
        const mapped: Problems = {};
        for (const p of fields) {
          if (/currentPassword$/.test(p.field)) mapped.current = p.problems;
          else mapped.next = [...(mapped.next ?? []), ...p.problems];
        }
        setProblems(mapped);
      } else if (errorCodeOf(e) === ErrorCode.UNAUTHENTICATED || errorCodeOf(e) === ErrorCode.TOO_MANY_REQUESTS) {
        setProblems({ current: [errorMessageOf(e, errorCodeOf(e)) ?? t('account.password.wrongCurrent')] });
      } else {
        setStatus({ ok: false, text: t('errors.action') });
      }
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {status && (
        <p className={status.ok ? 'form-success' : 'form-alert'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <TextField
        label={t('auth.password.current')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        required
        errors={problems.current}
      />
      <NewPasswordFields
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
        problems={{ password: problems.next, confirm: problems.confirm }}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('common.saving') : t('account.password.submit')}
        </button>
      </div>
    </form>
  );
}
