import type { ApiProblem } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { RuntimeEntityPage } from '@bankforge/client';
import { fetchEntityPage } from './entity-page.js';

export type EntityPageLoad =
  | { status: 'loading' }
  | { status: 'loaded'; page: RuntimeEntityPage }
  | { status: 'error'; error: ApiProblem };

/** The published model of an entity's pages (entity, default form, related entities, validators). */
export function useEntityPage(entity: string): { load: EntityPageLoad; retry: () => void } {
  const api = useApiClient();
  const [load, setLoad] = useState<EntityPageLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to loading when the entity changes or on retry, before asking again
    setLoad({ status: 'loading' });
    fetchEntityPage(api, entity).then(
      (page) => current && setLoad({ status: 'loaded', page }),
      (error: unknown) => current && setLoad({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, entity, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
