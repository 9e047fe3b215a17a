import type { CaseSummary, RuntimeEntityFlow } from '@bankforge/client';

/** The flows the reader may submit the record to now: those they may start that have no running case on it. */
export function startableFlows(flows: readonly RuntimeEntityFlow[], cases: readonly CaseSummary[]): RuntimeEntityFlow[] {
  return flows.filter((flow) => flow.canStart && !cases.some((item) => item.flowKey === flow.key && item.status === 'running'));
}
