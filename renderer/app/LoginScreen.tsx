// The sign-in form: server URL, e-mail, password, and a plain sentence for each way it can fail.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { warmFormatters } from '../i18n/format';
import { LoginError, signIn, type Session } from './session';

export function LoginScreen({ initialServerUrl, onSignedIn }: { initialServerUrl: string; onSignedIn: (session: Session) => void }) {
  const { t, i18n } = useTranslation('app');
  // The console's formatters are made while the agent types, not in its first render (format.ts).
  useEffect(() => {
    const timer = setTimeout(() => warmFormatters(i18n.language), 0);
    return () => clearTimeout(timer);
  }, [i18n.language]);
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(serverUrl.trim(), email.trim(), password));
    } catch (e) {
      const problem = e instanceof LoginError ? e.problem : 'failed';
      setError(t(`login.${problem}`, { detail: e instanceof Error ? e.message : '' }));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <label>
          {t('login.server')}
          <input name="server" type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required />
        </label>
        <label>
          {t('login.email')}
          <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p role="alert" className="login-error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</button>
      </form>
    </main>
  );
}
