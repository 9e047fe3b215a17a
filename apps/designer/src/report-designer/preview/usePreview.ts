import type { ApiProblem, ReportPreviewRequest, ReportRunResult } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useEffect, useRef, useState } from 'react';

/** How long the editing pauses before the preview runs again (typing a label is many changes). */
export const PREVIEW_DELAY_MS = 600;

export type PreviewState =
  | { status: 'idle' }
  | { status: 'running'; previous: ReportRunResult | null }
  | { status: 'done'; result: ReportRunResult }
  | { status: 'failed'; problem: ApiProblem };

/**
 * The draft run by the server under its row cap (`POST /api/reports/preview`), once the editing
 * pauses and while `runnable` (no problems the browser already sees, required parameters filled).
 * An answer to an older draft is dropped; `rerun` asks again for the same one (the data changed).
 */
export function usePreview(request: ReportPreviewRequest, runnable: boolean): { state: PreviewState; rerun(): void } {
  const api = useApiClient();
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const [runs, setRuns] = useState(0);
  const shown = useRef<ReportRunResult | null>(null);
  const body = JSON.stringify(request);
  useEffect(() => {
    if (!runnable) return;
    // Cleared when the draft changes again: an answer in flight is then for a draft no longer shown.
    let live = true;
    const timer = setTimeout(() => {
      setState({ status: 'running', previous: shown.current });
      api.previewReport(JSON.parse(body) as ReportPreviewRequest).then(
        (result) => {
          if (!live) return;
          shown.current = result;
          setState({ status: 'done', result });
        },
        (error: unknown) => {
          if (live) setState({ status: 'failed', problem: asProblem(error) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, body, runnable, runs]);
  return { state, rerun: () => setRuns((n) => n + 1) };
}
