import type { ArtifactKind, ArtifactSummary } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

/** The published artifacts of a kind (what a flow may refer to), by title; empty until loaded or when the list fails. */
export function usePublishedArtifacts(kind: ArtifactKind): readonly ArtifactSummary[] {
  const api = useApiClient();
  const [items, setItems] = useState<readonly ArtifactSummary[]>([]);
  useEffect(() => {
    let live = true;
    api.listArtifacts(kind).then(
      (list) => live && setItems(list.filter((a) => a.latestVersion !== null).sort((a, b) => a.title.localeCompare(b.title))),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [api, kind]);
  return items;
}

/** The latest published version of an artifact, once loaded (undefined before, or when it has none). */
export function usePublishedDocument<D>(kind: ArtifactKind, key: string | undefined, choices: readonly ArtifactSummary[]): D | undefined {
  const api = useApiClient();
  const version = choices.find((c) => c.key === key)?.latestVersion ?? null;
  const [loaded, setLoaded] = useState<{ key: string; version: number; document: D } | null>(null);
  useEffect(() => {
    if (key === undefined || version === null) return;
    let live = true;
    api.getVersion(kind, key, version).then(
      (v) => live && setLoaded({ key, version, document: v.document as unknown as D }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, kind, key, version]);
  return loaded !== null && loaded.key === key && loaded.version === version ? loaded.document : undefined;
}
