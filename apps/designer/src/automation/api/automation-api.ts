import type { ApiClient, AutomationRunQuery, AutomationRunSummary, AutomationTestInput, AutomationTestResult } from '@bankforge/client';

/**
 * The automation endpoints the designer calls (runs, replay, test). The artifact itself goes
 * through the artifact API like every kind.
 */
export interface AutomationApi {
  runs(key: string, query: AutomationRunQuery): Promise<AutomationRunSummary[]>;
  replay(id: string): Promise<AutomationRunSummary>;
  test(key: string, input: AutomationTestInput): Promise<AutomationTestResult>;
}

function query(q: AutomationRunQuery): string {
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A page of runs may come as a list or as `{ items }`: both read as the list. */
function runList(answer: AutomationRunSummary[] | { items: AutomationRunSummary[] }): AutomationRunSummary[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export function automationApi(api: ApiClient): AutomationApi {
  return {
    runs: async (key, q) => runList(await api.request<AutomationRunSummary[] | { items: AutomationRunSummary[] }>('GET', `/automations/${encodeURIComponent(key)}/runs${query(q)}`)),
    replay: (id) => api.request('POST', `/automations/runs/${encodeURIComponent(id)}/replay`),
    test: (key, input) => api.request('POST', `/automations/${encodeURIComponent(key)}/test`, input),
  };
}
