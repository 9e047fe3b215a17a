import type { ApiProblem } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import type { EntityCatalog } from '@bankforge/report-engine';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

export type PublishedEntities =
  | { status: 'loading' }
  | { status: 'error'; error: ApiProblem; retry(): void }
  | { status: 'ready'; catalog: EntityCatalog };

/**
 * The latest published version of every entity: what a report reads when it runs, what the
 * engine's check in the browser runs against (as the server's on publish), and where joins find
 * the entities that refer to the source.
 */
export function usePublishedEntities(): PublishedEntities {
  const api = useApiClient();
  const [loads, setLoads] = useState(0);
  const [state, setState] = useState<PublishedEntities>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const published = (await api.listArtifacts('entity')).filter((e) => e.latestVersion !== null);
        const versions = await Promise.all(published.map((e) => api.getVersion<EntityDefinition & Record<string, unknown>>('entity', e.key, e.latestVersion!)));
        if (live) setState({ status: 'ready', catalog: new Map(versions.map((v) => [v.document.key, v.document as EntityDefinition])) });
      } catch (error) {
        if (live)
          setState({
            status: 'error',
            error: asProblem(error),
            retry: () => {
              setState({ status: 'loading' });
              setLoads((n) => n + 1);
            },
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, loads]);
  return state;
}
