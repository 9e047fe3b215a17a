/**
 * Pure edits of what service, subflow and approval steps share with BPMN activities: timers on
 * their border, retries of a service call, and running a step again (a loop) or several times
 * (multi-instance). Each returns a new step, leaving the one given as it was.
 */
import type { ActivityLoop, BoundaryTimer, FlowDefinition, FlowEdge, FlowNode, MultiInstance, RetryPolicy, ServiceNode, SubflowNode } from '@bankforge/flow-engine';
import { compact } from '../../document/map-edits.js';
import { freeId, takenIds } from '../../document/new-flow.js';

/** The steps that may carry timers on their border. */
export type TimedNode = Extract<FlowNode, { type: 'approval' | 'service' | 'subflow' }>;
/** The steps that may run again or several times. */
export type RepeatableNode = ServiceNode | SubflowNode;

/** A step runs once, again while a condition holds (a loop), or several times (multi-instance): never both. */
export type Repeat = 'once' | 'loop' | 'multiInstance';

/** A loop is bounded from the start: a loop without a maximum and whose condition stays true would never end. */
export const NEW_LOOP: ActivityLoop = { maximum: 3 };
export const NEW_MULTI_INSTANCE: MultiInstance = { cardinality: '', sequential: false };

export function repeatOf(node: RepeatableNode): Repeat {
  return node.multiInstance !== undefined ? 'multiInstance' : node.loop !== undefined ? 'loop' : 'once';
}

/** The step set to run once, in a loop or several times, keeping what it had for the kind it keeps. */
export function withRepeat<N extends RepeatableNode>(node: N, repeat: Repeat): N {
  return compact({
    ...node,
    loop: repeat === 'loop' ? (node.loop ?? NEW_LOOP) : undefined,
    multiInstance: repeat === 'multiInstance' ? (node.multiInstance ?? NEW_MULTI_INSTANCE) : undefined,
  });
}

/** The outgoing edges a timer may leave by: the step's own, other than the one a rejection or failure takes. */
export function timerPaths(flow: FlowDefinition, node: TimedNode): FlowEdge[] {
  const taken = node.type === 'approval' ? node.rejectEdge : node.type === 'service' ? node.failureEdge : undefined;
  return flow.edges.filter((e) => e.source === node.id && e.id !== taken && e.loop === undefined);
}

/**
 * The path a new timer leaves by: the last drawn that no timer takes yet, while another stays for
 * the step to go on by when it ends well. Undefined when the step has no second path to give it.
 */
function spareTimerPath(flow: FlowDefinition, node: TimedNode): string | undefined {
  const used = new Set((node.boundaryTimers ?? []).map((t) => t.edge));
  const free = timerPaths(flow, node).filter((e) => !used.has(e.id));
  return free.length > 1 ? free.at(-1)?.id : undefined;
}

/** Whether a timer can be added: the step needs a path of its own for it. */
export function canAddTimer(flow: FlowDefinition, node: TimedNode): boolean {
  return spareTimerPath(flow, node) !== undefined;
}

/** A timer of one day that stops the step and leaves by a spare path; null when there is none. */
export function addBoundaryTimer<N extends TimedNode>(flow: FlowDefinition, node: N): N | null {
  const edge = spareTimerPath(flow, node);
  if (edge === undefined) return null;
  const timer: BoundaryTimer = { id: freeId(`${node.id}_timer`, takenIds(flow)), duration: 'P1D', interrupting: true, edge };
  return { ...node, boundaryTimers: [...(node.boundaryTimers ?? []), timer] };
}

export function updateBoundaryTimer<N extends TimedNode>(node: N, index: number, timer: BoundaryTimer): N {
  return { ...node, boundaryTimers: (node.boundaryTimers ?? []).map((t, i) => (i === index ? timer : t)) };
}

export function removeBoundaryTimer<N extends TimedNode>(node: N, index: number): N {
  const timers = (node.boundaryTimers ?? []).filter((_, i) => i !== index);
  return compact({ ...node, boundaryTimers: timers.length > 0 ? timers : undefined });
}

/** Retries: `attempts` in all (once: no policy); the wait before the next, growing by `multiplier`. */
export function withRetry(node: ServiceNode, retry: RetryPolicy | undefined): ServiceNode {
  const once = retry === undefined || (retry.maxAttempts === 1 && retry.backoff === undefined);
  return compact({ ...node, retry: once ? undefined : compact({ ...retry, backoff: retry.backoff && compact(retry.backoff) }) });
}
