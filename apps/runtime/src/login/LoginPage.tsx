import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { asProblem, LanguageSwitch, safeNext, useApiClient } from '@bankforge/app-shell';
import { problemText } from '../shell/problems.js';

/** Leaves for the page signed in to: it may be the designer, another app of this server. */
function assignLocation(url: string): void {
  window.location.assign(url);
}

export interface LoginPageProps {
  /** How to leave once signed in; tests pass a spy. */
  redirect?: (url: string) => void;
}

/**
 * The sign-in page of both the runtime and the designer (`/login?next=/designer/...`). Names the
 * reason a sign-in failed (wrong credentials, too many attempts) and shows progress meanwhile.
 */
export function LoginPage({ redirect = assignLocation }: LoginPageProps) {
  const { t } = useTranslation('login');
  const api = useApiClient();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = t('title');
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSigningIn(true);
    setError(null);
    try {
      await api.login(username.trim(), password);
      redirect(safeNext(params.get('next'), window.location.origin));
    } catch (caught) {
      const problem = asProblem(caught);
      setPassword('');
      setError(
        problem.status === 401
          ? t('wrongCredentials')
          : problem.status === 429
            ? t('tooManyAttempts')
            : t('failed', { message: problemText(problem) }),
      );
      setSigningIn(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <form className="login-form" onSubmit={(event) => void submit(event)} aria-busy={signingIn} aria-labelledby="login-title">
        <h1 id="login-title">{t('title')}</h1>
        {error && (
          <p ref={errorRef} role="alert" tabIndex={-1} className="notice notice-error">
            {error}
          </p>
        )}
        <label htmlFor="login-username">{t('username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor="login-password">{t('password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="primary" disabled={signingIn}>
          {signingIn ? t('signingIn') : t('signIn')}
        </button>
        {signingIn && <progress aria-label={t('signingIn')} />}
      </form>
    </main>
  );
}
