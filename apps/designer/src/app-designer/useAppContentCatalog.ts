import type { ApiProblem, ArtifactSummary } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';
import { APP_CONTENT_KINDS, type AppContentKind } from './app-edits.js';

export type AppContentCatalog =
  | { status: 'loading' }
  | { status: 'ready'; byKind: ReadonlyMap<AppContentKind, readonly ArtifactSummary[]> }
  | { status: 'error'; error: ApiProblem };

/** Every artifact an app could hold, by kind, sorted by title: what the designer offers to add. */
export function useAppContentCatalog(): AppContentCatalog {
  const api = useApiClient();
  const [catalog, setCatalog] = useState<AppContentCatalog>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    Promise.all(APP_CONTENT_KINDS.map(async (kind) => [kind, [...(await api.listArtifacts(kind))].sort((a, b) => a.title.localeCompare(b.title))] as const)).then(
      (lists) => current && setCatalog({ status: 'ready', byKind: new Map(lists) }),
      (error: unknown) => current && setCatalog({ status: 'error', error: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  return catalog;
}
