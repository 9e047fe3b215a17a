import type { ApiProblem, SignedIn } from '@bankforge/client';
import { useEffect, useState } from 'react';
import { useApiClient } from '../api/ApiClientContext.js';
import { asProblem } from '../api/as-problem.js';
import { currentPath, loginUrl } from './login-url.js';

export type SignIn = { status: 'checking' } | { status: 'signedIn'; user: SignedIn } | { status: 'error'; error: ApiProblem };

/** Who is signed in; when nobody is (401), sends the browser to the login page, to come back here. */
export function useSignedIn(redirect: (url: string) => void): SignIn {
  const api = useApiClient();
  const [state, setState] = useState<SignIn>({ status: 'checking' });
  useEffect(() => {
    let current = true;
    api.me().then(
      (user) => current && setState({ status: 'signedIn', user }),
      (error: unknown) => {
        if (!current) return;
        const problem = asProblem(error);
        if (problem.status === 401) redirect(loginUrl(currentPath(window.location)));
        else setState({ status: 'error', error: problem });
      },
    );
    return () => {
      current = false;
    };
  }, [api, redirect]);
  return state;
}
