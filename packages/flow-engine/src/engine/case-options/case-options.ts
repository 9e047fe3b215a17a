/**
 * What a case allows now, read from its state: where a task may return it, and whether its
 * initiator may still withdraw it. The engine's own commands decide by these same rules, so a
 * screen that offers them offers what a command will accept.
 */
import type { FlowDefinition } from '../../definition/flow-definition.js';
import type { FlowState, Task } from '../state/flow-state.js';

/** A step a return may send the case to; `toInitiator`: the start step, where the initiator amends and resubmits. */
export interface ReturnOption {
  nodeId: string;
  toInitiator?: true;
}

/** The task is on the start node: the initiator's resubmit task of a case returned to them. */
export function isResubmitTask(definition: FlowDefinition, task: Task): boolean {
  return definition.nodes.find((n) => n.id === task.nodeId)?.type === 'start';
}

/** The case is with its initiator (returned, not resubmitted yet). */
export function isReturnedToInitiator(definition: FlowDefinition, state: FlowState): boolean {
  return (state.tasks ?? []).some((t) => isResubmitTask(definition, t));
}

/** The case has paths open besides the task's (a parallel branch, a pending call): it cannot run again from its start. */
export function hasOtherPaths(state: FlowState, task: Task): boolean {
  const token = state.tokens?.find((t) => t.id === task.tokenId);
  return (state.tokens ?? []).some((t) => t.id !== task.tokenId) || (state.calls ?? []).length > 0 || (token?.forkStack ?? []).length > 0;
}

/**
 * Where a return of `taskId` may send the case, the one a return without a target takes first:
 * the node's `returnTo` over the approvals given on the case's path. `previous`: the last
 * approval; `initiator`: the start step; `any`: every approval on the path, latest first, and the
 * start step. The initiator only from the case's one path. Empty when the task offers no return.
 */
export function returnOptions(definition: FlowDefinition, state: FlowState, taskId: string): ReturnOption[] {
  const task = state.tasks?.find((t) => t.id === taskId);
  const node = definition.nodes.find((n) => n.id === task?.nodeId);
  if (task === undefined || node?.type !== 'approval' || !node.actions.includes('return')) return [];
  const allowed = node.returnTo ?? 'previous';
  const path = state.approvalPath ?? [];
  const start = definition.nodes.find((n) => n.type === 'start');
  const initiator: ReturnOption[] = start !== undefined && !hasOtherPaths(state, task) ? [{ nodeId: start.id, toInitiator: true }] : [];
  const previous = path.at(-1);
  if (allowed === 'initiator') return initiator;
  if (allowed === 'previous') return previous === undefined ? [] : [{ nodeId: previous }];
  return [...[...new Set([...path].reverse())].map((nodeId) => ({ nodeId })), ...initiator];
}

/** Whether the initiator may withdraw the case: nobody has acted since it was submitted, or it is back with them. */
export function canWithdraw(definition: FlowDefinition, state: FlowState): boolean {
  return state.status === 'running' && (state.lastActionSeq === undefined || isReturnedToInitiator(definition, state));
}
