import type { ApiProblem, RecordPage, RecordQuery } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';
import { asProblem, useApiClient } from '@bankforge/app-shell';

export interface RecordQueryResult {
  /** The last page answered (kept while the next one loads, so the grid does not jump). */
  page: RecordPage | null;
  loading: boolean;
  error: ApiProblem | null;
  /** The query the error answers (the current one may have moved on). */
  failed: RecordQuery | null;
  retry: () => void;
}

/** Runs the records query whenever it changes; only the latest answer counts. */
export function useRecordQuery(entity: string, query: RecordQuery): RecordQueryResult {
  const api = useApiClient();
  const key = JSON.stringify(query);
  const [page, setPage] = useState<RecordPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ problem: ApiProblem; query: RecordQuery } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading while the changed query is asked, the last page kept on screen
    setLoading(true);
    setError(null);
    const query = JSON.parse(key) as RecordQuery;
    api.queryRecords(entity, query).then(
      (answer) => {
        if (!current) return;
        setPage(answer);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError({ problem: asProblem(caught), query });
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, entity, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { page, loading, error: error?.problem ?? null, failed: error?.query ?? null, retry };
}
