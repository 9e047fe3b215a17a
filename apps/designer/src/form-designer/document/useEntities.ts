import type { ApiClient } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { useEffect, useRef, useState } from 'react';

export interface LoadedEntities {
  entities: Readonly<Record<string, EntityDefinition>>;
  /** Keys whose draft could not be loaded (unknown entity, or an error). */
  missing: ReadonlySet<string>;
}

/**
 * The drafts of the given entities (the analyst designs against the newest fields), each loaded
 * once; keys asked for later load as they appear.
 */
export function useEntities(api: ApiClient, keys: readonly string[]): LoadedEntities {
  const [entities, setEntities] = useState<Record<string, EntityDefinition>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  // Asked for once per key; an answer arriving after unmount is harmless to set.
  const requested = useRef(new Set<string>());
  const signature = [...new Set(keys.filter(Boolean))].sort().join(',');

  useEffect(() => {
    for (const key of signature.split(',').filter(Boolean)) {
      if (requested.current.has(key)) continue;
      requested.current.add(key);
      api.getDraft<EntityDefinition & { [property: string]: unknown }>('entity', key).then(
        (draft) => setEntities((cur) => ({ ...cur, [key]: draft.document })),
        () => setMissing((cur) => new Set([...cur, key])),
      );
    }
  }, [api, signature]);

  return { entities, missing };
}

/** The keys of all entities, for choosing a repeating group's or a lookup's entity. */
export function useEntityKeys(api: ApiClient): readonly string[] {
  const [keys, setKeys] = useState<readonly string[]>([]);
  useEffect(() => {
    let live = true;
    api.listArtifacts('entity').then(
      (list) => live && setKeys(list.map((a) => a.key).sort()),
      () => live && setKeys([]),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return keys;
}
