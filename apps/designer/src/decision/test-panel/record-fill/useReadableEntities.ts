import { ApiProblem, type ApiClient, type RuntimeEntityPage } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

export type ReadableEntities = { status: 'loading' } | { status: 'loaded'; pages: RuntimeEntityPage[] } | { status: 'failed'; message: string };

/**
 * The published entities the reader may read records of, each as the runtime sees it for them: the
 * entity and how their roles restrict its fields (masked, hidden). An entity their roles do not let
 * them read (403) is left out.
 */
async function readableEntities(api: ApiClient): Promise<RuntimeEntityPage[]> {
  const published = (await api.listArtifacts('entity')).filter((e) => e.latestVersion !== null);
  const pages = await Promise.all(
    published.map((e) =>
      api.request<RuntimeEntityPage>('GET', `/runtime/entities/${encodeURIComponent(e.key)}`).catch((error: unknown) => {
        if (error instanceof ApiProblem && (error.status === 403 || error.status === 404)) return null;
        throw error;
      }),
    ),
  );
  return pages.filter((p): p is RuntimeEntityPage => p !== null);
}

export function useReadableEntities(): ReadableEntities {
  const api = useApiClient();
  const [state, setState] = useState<ReadableEntities>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    readableEntities(api).then(
      (pages) => live && setState({ status: 'loaded', pages }),
      (error: unknown) => live && setState({ status: 'failed', message: asProblem(error).detail || asProblem(error).title }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
