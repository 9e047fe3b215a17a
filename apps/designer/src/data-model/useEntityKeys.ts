import { useEffect, useState } from 'react';
import { useApiClient } from '@bankforge/app-shell';

/** The keys of all entities, for a reference field's target (the one being edited included). */
export function useEntityKeys(own: string): string[] {
  const api = useApiClient();
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    api.listArtifacts('entity').then(
      (list) => current && setKeys(list.map((e) => e.key)),
      // Without the list, a reference can still point at this entity; the server checks the rest.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);
  return keys.includes(own) ? keys : [...keys, own].sort();
}
