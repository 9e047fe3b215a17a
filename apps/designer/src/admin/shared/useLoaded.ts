import type { ApiClient, ApiProblem } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'error'; error: ApiProblem };

/**
 * What a page shows, loaded with the app's client, and `reload` to read it again after a change.
 * A reload keeps showing the data it has until the new answer arrives (no flash of "Loading"), and
 * resolves once it is shown, so a notice of the change appears with the list that shows it.
 * `load` must keep its identity (a module-level function), or every render loads again.
 */
export function useLoaded<T>(load: (api: ApiClient) => Promise<T>): { state: Loaded<T>; reload: () => Promise<void> } {
  const api = useApiClient();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load(api).then(
      (data) => current && setState({ status: 'loaded', data }),
      (error: unknown) => current && setState({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, load]);
  const reload = useCallback(async () => {
    try {
      setState({ status: 'loaded', data: await load(api) });
    } catch (error) {
      setState({ status: 'error', error: asProblem(error) });
    }
  }, [api, load]);
  return { state, reload };
}
