/**
 * BPMN joins. A parallel join fires when a token waits on every incoming edge (after an exclusive
 * split it never does: that flow deadlocks, as BPMN says). An inclusive join fires when no token
 * elsewhere in the case can still reach it, so it waits for exactly the branches taken.
 */
import type { FlowNode } from '../../definition/flow-definition.js';
import type { EventData } from '../events/flow-event.js';
import type { Token } from '../state/flow-state.js';
import { commonPrefix } from '../values.js';
import type { Run } from './run.js';
import { queueLeave } from './tokens.js';

/** Fires the join when it can: consumes one token per incoming edge and closes the fork they came from. */
export function join(run: Run, node: FlowNode): void {
  const tokens = run.state.tokens ?? [];
  const here = tokens.filter((t) => t.nodeId === node.id);
  const incoming = run.index.incoming.get(node.id) ?? [];
  const picked: Token[] = [];
  for (const edge of incoming) {
    const t = here.find((x) => x.arrivalEdge === edge.id && !picked.includes(x));
    if (t !== undefined) picked.push(t);
    else if (node.type === 'join') return;
  }
  if (node.type === 'inclusiveJoin') {
    const elsewhere = tokens.some((t) => t.nodeId !== node.id && reachable(run, t.nodeId).has(node.id));
    if (elsewhere || picked.length === 0) return;
  }
  const stacks = picked.map((t) => t.forkStack ?? []);
  const first = stacks[0] ?? [];
  const same = stacks.every((f) => f.length === first.length && f.every((x, i) => x === first[i]));
  const data: EventData<'joined'> = { tokenIds: picked.map((t) => t.id) };
  const top = same ? first[first.length - 1] : undefined;
  if (top !== undefined) data.forkId = top;
  run.emit('joined', data, { nodeId: node.id });
  queueLeave(run, null, node, same ? first.slice(0, -1) : commonPrefix(stacks));
}

/**
 * A token that left the case (or went elsewhere) may have been what an inclusive join waited
 * for: once the queue is empty, try the joins that hold tokens. True when one fired.
 */
export function retryInclusiveJoins(run: Run): boolean {
  if (run.state.status !== 'running') return false;
  const waiting = new Set((run.state.tokens ?? []).filter((t) => run.index.nodes.get(t.nodeId)?.type === 'inclusiveJoin').map((t) => t.nodeId));
  for (const id of waiting) {
    join(run, run.node(id));
    if (run.queue.length > 0) return true;
  }
  return false;
}

/** Nodes reachable from `from` along non-loop edges (cached per definition). */
function reachable(run: Run, from: string): Set<string> {
  let r = run.index.reachable.get(from);
  if (r === undefined) {
    r = new Set();
    const todo = [from];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      for (const e of run.index.outgoing.get(id) ?? []) {
        if (e.loop !== undefined || r.has(e.target)) continue;
        r.add(e.target);
        todo.push(e.target);
      }
    }
    run.index.reachable.set(from, r);
  }
  return r;
}
