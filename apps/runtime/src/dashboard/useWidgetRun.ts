import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, WidgetRunRequest, WidgetRunResult } from '@bankforge/client';
import { useCallback, useEffect, useState } from 'react';

export interface WidgetRun {
  /** The last answer (kept while the next run loads, so the chart does not vanish on every filter change). */
  result: WidgetRunResult | null;
  loading: boolean;
  error: ApiProblem | null;
  retry(): void;
}

/** Runs a widget whenever what it is asked changes; each widget on its own, so they load side by side. Only the latest answer counts. */
export function useWidgetRun(dashboard: string, widget: string, request: WidgetRunRequest): WidgetRun {
  const api = useApiClient();
  const asked = JSON.stringify(request);
  const [result, setResult] = useState<WidgetRunResult | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading while the changed request is asked, the last answer kept on screen
    setLoading(true);
    setError(null);
    api.runWidget(dashboard, widget, JSON.parse(asked) as WidgetRunRequest).then(
      (answer) => {
        if (!current) return;
        setResult(answer);
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
  }, [api, dashboard, widget, asked, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, loading, error, retry };
}
