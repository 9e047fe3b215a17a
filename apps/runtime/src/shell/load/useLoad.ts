import { asProblem } from '@bankforge/app-shell';
import type { ApiProblem } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'loaded'; value: T; /** When it arrived: relative times count from it. */ receivedAt: number }
  | { status: 'error'; error: ApiProblem };

/**
 * What `read` answers, read again whenever `read` changes (give a useCallback) or on `reload`;
 * only the latest answer counts. `replace` shows a value the server answered elsewhere (after a command).
 */
export function useLoad<T>(read: () => Promise<T>) {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading when what to read changes or on reload
    setLoad({ status: 'loading' });
    read().then(
      (value) => current && setLoad({ status: 'loaded', value, receivedAt: Date.now() }),
      (error: unknown) => current && setLoad({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [read, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((value: T) => setLoad({ status: 'loaded', value, receivedAt: Date.now() }), []);
  return { load, reload, replace };
}
