import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@partneratlas/shared';
import { TextField } from '../../../components/form/FormField';

export interface NewPasswordProblems {
  password?: string[];
  confirm?: string[];
}

/** The client-side checks of a new password (the server also refuses common ones). */
export function newPasswordProblems(password: string, confirm: string, t: TFunction): NewPasswordProblems {
  const found: NewPasswordProblems = {};
  if (password.length < LIMITS.passwordMinLength) found.password = [t('auth.password.tooShort', { count: LIMITS.passwordMinLength })];
  if (confirm !== password) found.confirm = [t('auth.password.mismatch')];
  return found;
}

interface Props {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  problems: NewPasswordProblems;
}

/** "New password" and "repeat it", as in the invitation and the password change. */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm, problems }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('auth.password.new')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={onPassword}
        required
        hint={t('auth.password.hint', { count: LIMITS.passwordMinLength })}
        errors={problems.password}
      />
      <TextField
        label={t('auth.password.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
        required
        errors={problems.confirm}
      />
    </>
  );
}
