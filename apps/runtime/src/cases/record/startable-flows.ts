import type { CaseSummary, RuntimeEntityFlow } from '@bankforge/client';

/**
 * The flows the reader may submit the record to now: those they may start that have no running
 * case on it and have not approved it already (an approved application is not submitted again).
 */
export function startableFlows(flows: readonly RuntimeEntityFlow[], cases: readonly CaseSummary[]): RuntimeEntityFlow[] {
  return flows.filter(
    (flow) => flow.canStart && !cases.some((item) => item.flowKey === flow.key && (item.status === 'running' || (item.status === 'completed' && item.outcome === 'approved'))),
  );
}
