import type { ApiProblem } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { RuntimeApp } from '@bankforge/client';
import { fetchRuntimeApps } from './runtime-apps.js';

export type AppsLoad = { status: 'loading' } | { status: 'loaded'; apps: RuntimeApp[] } | { status: 'error'; error: ApiProblem };

/** The published apps of the signed-in user, loaded once `enabled` (after the sign-in check). */
export function useRuntimeApps(enabled: boolean): { load: AppsLoad; retry: () => void } {
  const api = useApiClient();
  const [load, setLoad] = useState<AppsLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading on retry, before asking again
    setLoad({ status: 'loading' });
    fetchRuntimeApps(api).then(
      (apps) => current && setLoad({ status: 'loaded', apps }),
      (error: unknown) => current && setLoad({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, enabled, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
