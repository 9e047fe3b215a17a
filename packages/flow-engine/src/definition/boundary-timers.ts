import type { BoundaryTimer, FlowNode } from './flow-definition.js';

/** The boundary timers of a node (approvals, services and subflows can carry them). */
export function boundaryTimersOf(node: FlowNode): readonly BoundaryTimer[] {
  return node.type === 'approval' || node.type === 'service' || node.type === 'subflow' ? (node.boundaryTimers ?? []) : [];
}
