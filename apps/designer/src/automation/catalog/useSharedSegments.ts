import type { Segment } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

/**
 * The saved segments of an entity a schedule may name as its audience: those the analyst sees that
 * are shared (a private one is refused on publish). Empty when there is no entity or the list was
 * refused (an analyst who may not read the entity sees none).
 */
export function useSharedSegments(entity: string | undefined): readonly Segment[] {
  const api = useApiClient();
  const [segments, setSegments] = useState<readonly Segment[]>([]);
  useEffect(() => {
    let live = true;
    if (!entity) {
      setSegments([]);
      return;
    }
    api
      .listSegments(entity)
      .then((page) => page.items.filter((s) => s.sharing !== 'private'))
      .catch(() => [])
      .then((shared) => {
        if (live) setSegments(shared);
      });
    return () => {
      live = false;
    };
  }, [api, entity]);
  return segments;
}
