import type { ApiProblem, RecordPage, RecordQuery } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from '../shell/api-context.js';
import { asProblem } from '../shell/problems.js';

export interface RecordQueryResult {
  /** The last page answered (kept while the next one loads, so the grid does not jump). */
  page: RecordPage | null;
  loading: boolean;
  error: ApiProblem | null;
  retry: () => void;
}

/** Runs the records query whenever it changes; only the latest answer counts. */
export function useRecordQuery(entity: string, query: RecordQuery): RecordQueryResult {
  const api = useApiClient();
  const key = JSON.stringify(query);
  const [page, setPage] = useState<RecordPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    api.queryRecords(entity, JSON.parse(key) as RecordQuery).then(
      (answer) => {
        if (!current) return;
        setPage(answer);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!current) return;
        setError(asProblem(caught));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, entity, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { page, loading, error, retry };
}
