import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/FormField';
import { ErrorCode, errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { useSessionActions } from '../hooks/useSession';
import type { SessionUser } from '../hooks/useMe';

/** E-mail and password. The server's own message is shown for wrong credentials and for throttling. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useTranslation();
  const { login } = useSessionActions();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nextMissing = {
      email: email.trim() ? undefined : t('auth.login.emailRequired'),
      password: password ? undefined : t('auth.login.passwordRequired'),
    };
    setMissing(nextMissing);
    if (nextMissing.email || nextMissing.password) return;
    setBusy(true);
    setError(null);
    try {
      const user = await login(email.trim(), password);
      if (user) onSignedIn(user);
    } catch (e) {
      const code = errorCodeOf(e);
      if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.TOO_MANY_REQUESTS) {
        setError(errorMessageOf(e, code) ?? t(code === ErrorCode.UNAUTHENTICATED ? 'auth.login.wrong' : 'auth.login.throttled'));
      } else {
        setError(t('auth.login.failed'));
      }
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form auth-form" noValidate onSubmit={(e) => void submit(e)} aria-describedby={error ? 'login-error' : undefined}>
      {error && (
        <p id="login-error" className="form-alert" role="alert">
          {error}
        </p>
      )}
      <TextField
        label={t('auth.login.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        required
        errors={missing.email ? [missing.email] : undefined}
        name="email"
      />
      <TextField
        label={t('auth.login.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
        errors={missing.password ? [missing.password] : undefined}
        name="password"
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </div>
    </form>
  );
}
