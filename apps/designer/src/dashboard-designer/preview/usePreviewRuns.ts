import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ReportRunResult } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';

export type PreviewRun = { status: 'loading' } | { status: 'ready'; result: ReportRunResult } | { status: 'error'; error: ApiProblem };

/**
 * Each report the widgets show, run once with the analyst's own rights (the server applies their
 * scope and masking, as it will for the dashboard's readers); `refresh` runs them all again.
 */
export function usePreviewRuns(reports: readonly string[]): { runs: ReadonlyMap<string, PreviewRun>; refresh: () => void } {
  const api = useApiClient();
  const [runs, setRuns] = useState<ReadonlyMap<string, PreviewRun>>(new Map());
  const wanted = [...new Set(reports)].sort().join(' ');
  useEffect(() => {
    const missing = wanted.split(' ').filter((key) => key !== '' && !runs.has(key));
    if (missing.length === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- each report is marked as running once, before its request goes out
    setRuns((current) => new Map([...current, ...missing.map((key): [string, PreviewRun] => [key, { status: 'loading' }])]));
    for (const key of missing)
      api.runReport(key).then(
        (result) => setRuns((current) => (current.has(key) ? new Map(current).set(key, { status: 'ready', result }) : current)),
        (error: unknown) => setRuns((current) => (current.has(key) ? new Map(current).set(key, { status: 'error', error: asProblem(error) }) : current)),
      );
  }, [api, wanted, runs]);
  const refresh = useCallback(() => setRuns(new Map()), []);
  return { runs, refresh };
}
