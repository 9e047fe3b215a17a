import type { ApiProblem, ArtifactKind, ArtifactSummary } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';

export type Summaries = { status: 'loading' } | { status: 'ready'; items: ArtifactSummary[] } | { status: 'error'; error: ApiProblem };

/** The artifacts of one kind with their draft/published state; `retry` asks again. */
export function useArtifactSummaries(kind: ArtifactKind): Summaries & { retry: () => void } {
  const api = useApiClient();
  const [state, setState] = useState<Summaries>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading when the kind changes or on retry, before asking again
    setState({ status: 'loading' });
    api.listArtifacts(kind).then(
      (items) => current && setState({ status: 'ready', items: [...items].sort((a, b) => a.title.localeCompare(b.title)) }),
      (error: unknown) => current && setState({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, kind, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
