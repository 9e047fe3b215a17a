import { useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';

export interface RecordChoice {
  id: string;
  title: string;
}

/** A few records of `entity` the analyst may read, named by their titles: the ones to try a test on. */
export function useRecordChoices(entity: string | undefined): { entity: string; records: RecordChoice[] } | null {
  const api = useApiClient();
  const [found, setFound] = useState<{ entity: string; records: RecordChoice[] } | null>(null);
  useEffect(() => {
    if (!entity) return;
    let live = true;
    void (async () => {
      try {
        const page = await api.queryRecords(entity, { limit: 20 });
        const ids = page.items.map((r) => r.id);
        const { titles } = ids.length > 0 ? await api.recordTitles(entity, ids) : { titles: {} as Record<string, string> };
        if (live) setFound({ entity, records: ids.map((id) => ({ id, title: titles[id] ?? id })) });
      } catch {
        // No records to offer (none readable, the entity not published): the id is typed.
        if (live) setFound({ entity, records: [] });
      }
    })();
    return () => {
      live = false;
    };
  }, [api, entity]);
  return entity && found?.entity === entity ? found : null;
}
