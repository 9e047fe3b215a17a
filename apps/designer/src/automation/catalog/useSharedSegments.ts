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
  // Kept with the entity they are of: a list answered for the entity before is not shown for this one.
  const [loaded, setLoaded] = useState<{ entity: string; segments: readonly Segment[] }>({ entity: '', segments: [] });
  useEffect(() => {
    if (!entity) return;
    let live = true;
    api
      .listSegments(entity)
      .then((page) => page.items.filter((s) => s.sharing !== 'private'))
      .catch(() => [])
      .then((segments) => {
        if (live) setLoaded({ entity, segments });
      });
    return () => {
      live = false;
    };
  }, [api, entity]);
  return entity && loaded.entity === entity ? loaded.segments : [];
}
