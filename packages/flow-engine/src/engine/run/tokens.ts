/**
 * Moving tokens: a token enters a node, the node decides what happens (wait, fork, end, call out),
 * and the token leaves along the edges the node chooses, until every token rests on a wait state.
 */
import type { FlowEdge, FlowNode } from '../../definition/flow-definition.js';
import { boundaryTimersOf } from '../../definition/boundary-timers.js';
import type { EventData } from '../events/flow-event.js';
import { FlowRuntimeError } from '../values.js';
import { decision, startActivity } from './activities.js';
import { resolveAssignees } from './assignees.js';
import { holds } from './expressions.js';
import { join, retryInclusiveJoins } from './joins.js';
import type { Move, Run } from './run.js';
import { openTask } from './tasks.js';
import { addDuration, setTimerAt, untilMs } from './timers.js';

/** Moves queued tokens until every one rests on a wait state (or the case ends). */
export function drain(run: Run): void {
  const max = run.context.maxSteps ?? 10_000;
  do drainQueue(run, max);
  while (retryInclusiveJoins(run));
}

function drainQueue(run: Run, max: number): void {
  while (run.queue.length > 0) {
    if (!run.running) {
      run.queue.length = 0;
      return;
    }
    const m = run.queue.shift() as Move;
    if (++run.steps > max) throw new FlowRuntimeError(`more than ${max} steps without a wait state (at ${m.to})`);
    const node = run.node(m.to);
    const tokenId = m.tokenId ?? `t${run.nextSeq()}`;
    const data: EventData<'entered'> = { tokenId };
    if (m.tokenId === null || m.forkStack !== undefined) data.forkStack = m.forkStack ?? [];
    if (m.edge !== undefined) data.edgeId = m.edge.id;
    if (m.edge?.loop !== undefined) {
      const n = (run.state.loopCounts?.[m.edge.id] ?? 0) + 1;
      if (n > m.edge.loop.maxIterations) throw new FlowRuntimeError(`loop ${m.edge.id} exceeded its maximum of ${m.edge.loop.maxIterations} iterations`);
      data.loop = [m.edge.id, n];
    }
    if (m.resetLoops !== undefined && m.resetLoops.length > 0) data.resetLoops = m.resetLoops;
    if (m.completedRuns !== undefined) data.completedRuns = m.completedRuns;
    // an existing token keeps its (empty) fork stack without saying so
    if (data.forkStack !== undefined && data.forkStack.length === 0 && m.tokenId !== null) delete data.forkStack;
    run.emit('entered', data, { nodeId: node.id });
    arrive(run, tokenId, node);
  }
}

/** What a node does with a token that entered it. */
function arrive(run: Run, tokenId: string, node: FlowNode): void {
  switch (node.type) {
    case 'start':
    case 'branch':
    case 'inclusive':
    case 'parallel':
      return queueLeave(run, tokenId, node);
    case 'end':
      if (node.errorCode !== undefined) return run.endCase('failed', node.errorCode, `error end event ${node.id} threw ${node.errorCode}`);
      run.emit('left', { tokenId }, { nodeId: node.id });
      if (run.state.tokens === undefined) run.endCase('completed', node.outcome ?? 'approved');
      return;
    case 'terminate':
      return run.endCase('terminated', node.outcome);
    case 'approval':
      return openTask(run, tokenId, node);
    case 'join':
    case 'inclusiveJoin':
      return join(run, node);
    case 'decision':
      return decision(run, tokenId, node);
    case 'service':
    case 'subflow':
      return startActivity(run, tokenId, node);
    case 'notify': {
      const to = resolveAssignees(run, node.to, false);
      run.emit('notified', { kind: node.kind, to, template: node.template }, { nodeId: node.id });
      run.effects.push({ type: 'notify', kind: node.kind, to, nodeId: node.id, template: node.template });
      return queueLeave(run, tokenId, node);
    }
    case 'timer': {
      let due: number;
      if (node.until !== undefined) due = untilMs(run, node.until);
      else if (node.duration !== undefined) due = addDuration(run, node.duration, node.businessCalendar === true);
      else throw new FlowRuntimeError(`timer ${node.id} has neither duration nor until`);
      if (due <= run.nowMs) return queueLeave(run, tokenId, node);
      const eff = setTimerAt(run, node.id, 'wait', due, { tokenId });
      if (node.duration !== undefined) {
        eff.duration = node.duration;
        if (node.businessCalendar === true) eff.businessCalendar = true;
      }
      return;
    }
  }
}

/**
 * Chooses the outgoing edges of `node` and queues the token (or new tokens, for a split) along
 * them. `tokenId` null: new tokens with the fork stack `forkStack` (a join's result).
 */
export function queueLeave(run: Run, tokenId: string | null, node: FlowNode, forkStack?: string[]): void {
  const token = tokenId === null ? undefined : run.state.tokens?.find((t) => t.id === tokenId);
  const forks = tokenId === null ? forkStack : token?.forkStack;
  let edges = run.index.outgoing.get(node.id) ?? [];
  // failure, boundary and reject edges are taken only by those events, never on normal completion
  if (node.type === 'service' && node.failureEdge !== undefined) edges = edges.filter((e) => e.id !== node.failureEdge);
  const timers = boundaryTimersOf(node);
  if (timers.length > 0) {
    const boundary = new Set(timers.map((b) => b.edge));
    edges = edges.filter((e) => !boundary.has(e.id));
  }
  if (node.type === 'approval' && node.rejectEdge !== undefined) edges = edges.filter((e) => e.id !== node.rejectEdge);
  if (node.type === 'parallel' || node.type === 'inclusive') {
    let taken = edges;
    if (node.type === 'inclusive') {
      // BPMN: unconditioned edges are always taken; the default when no conditioned edge holds
      const held = edges.filter((e) => e.default !== true && e.condition !== undefined && holds(run, e.condition, e.id));
      taken = edges.filter((e) => e.default !== true && (e.condition === undefined || held.includes(e)));
      if (held.length === 0) taken = [...taken, ...edges.filter((e) => e.default === true)];
    }
    if (taken.length === 0) throw new FlowRuntimeError(`no outgoing edge of ${node.id} can be taken`);
    const forkId = `f${run.nextSeq()}`;
    run.emit('forked', { forkId, takenEdges: taken.map((e) => e.id) }, { nodeId: node.id });
    if (tokenId !== null) run.emit('left', { tokenId }, { nodeId: node.id });
    for (const e of taken) run.queue.push({ tokenId: null, to: e.target, forkStack: [...(forks ?? []), forkId], edge: e });
    return;
  }
  const edge = chooseEdge(run, node, edges);
  const loopsHere = edges.filter((e) => e.loop !== undefined && e.id !== edge.id && run.state.loopCounts?.[e.id] !== undefined).map((e) => e.id);
  const move: Move = { tokenId, to: edge.target, forkStack: tokenId === null ? (forks ?? []) : undefined, edge };
  if (edge.loop === undefined && loopsHere.length > 0) move.resetLoops = loopsHere;
  run.queue.push(move);
  // BPMN completionQuantity: more tokens along the same edge, on the same fork stack
  const extra = node.type === 'service' || node.type === 'subflow' ? (node.completionQuantity ?? 1) - 1 : 0;
  for (let k = 0; k < extra; k++) run.queue.push({ tokenId: null, to: edge.target, forkStack: [...(forks ?? [])], edge });
}

/** Conditioned edges in order (the first that holds), then the default edge, then an unconditioned one. */
function chooseEdge(run: Run, node: FlowNode, edges: FlowEdge[]): FlowEdge {
  for (const e of edges) if (e.condition !== undefined && e.default !== true && holds(run, e.condition, e.id)) return e;
  const fallback = edges.find((e) => e.default === true) ?? edges.find((e) => e.condition === undefined);
  if (fallback === undefined) throw new FlowRuntimeError(`no outgoing edge of ${node.id} can be taken`);
  return fallback;
}

/** Sends a token along a given edge (a reject, failure or boundary edge), keeping its fork stack. */
export function queueAlong(run: Run, tokenId: string, edge: FlowEdge): void {
  const token = run.state.tokens?.find((t) => t.id === tokenId);
  run.queue.push({ tokenId, to: edge.target, forkStack: token?.forkStack, edge });
}
