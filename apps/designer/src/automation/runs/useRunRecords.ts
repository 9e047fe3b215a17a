import { useApiClient } from '@bankforge/app-shell';
import type { AutomationRunSummary } from '@bankforge/client';
import { useEffect, useState } from 'react';

/** Titles of the runs' records by entity and id: only those the designer user may read (the server's titles endpoint leaves the rest out). */
export type RunRecordTitles = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** The titles of the records the runs are about, one request per entity; a refused request names none of that entity's. */
export function useRunRecordTitles(runs: readonly AutomationRunSummary[] | null): RunRecordTitles {
  const api = useApiClient();
  const [titles, setTitles] = useState<RunRecordTitles>(new Map());
  useEffect(() => {
    if (!runs) return;
    const byEntity = new Map<string, Set<string>>();
    for (const run of runs) {
      if (run.entity && run.recordId) byEntity.set(run.entity, (byEntity.get(run.entity) ?? new Set()).add(run.recordId));
    }
    let live = true;
    void Promise.all(
      [...byEntity].map(async ([entity, ids]) => {
        try {
          return [entity, (await api.recordTitles(entity, [...ids])).titles] as const;
        } catch {
          // Not the designer user's to read: each record is named by its entity and a short id.
          return [entity, {}] as const;
        }
      }),
    ).then((found) => {
      if (live) setTitles(new Map(found));
    });
    return () => {
      live = false;
    };
  }, [api, runs]);
  return titles;
}
