/**
 * Subflows: a child case the server starts for a `subflow` node (`startSubflow`) and reports on
 * when it ends (`subflowCompleted`). A BPMN error at the child's end propagates and aborts this case.
 */
import type { SubflowNode } from '../../definition/flow-definition.js';
import { FlowCommandError, type SubflowCompletedCommand } from '../commands.js';
import type { FlowEffect } from '../effects.js';
import type { EventData } from '../events/flow-event.js';
import type { JsonValue, PendingCall } from '../state/flow-state.js';
import { FlowRuntimeError, toJson } from '../values.js';
import { runEnded } from './activities.js';
import { feel } from './expressions.js';
import type { Run } from './run.js';
import { drain } from './tokens.js';

export function startSubflow(run: Run, tokenId: string, node: SubflowNode, runNumber?: number): void {
  const variables: Record<string, JsonValue> = {};
  for (const [name, src] of Object.entries(node.inputs)) variables[name] = toJson(feel(run, src, node.id));
  const id = `c${run.nextSeq()}`;
  const call: PendingCall = { id, nodeId: node.id, tokenId, attempt: 1, kind: 'subflow' };
  if (runNumber !== undefined) call.run = runNumber;
  run.emit('callStarted', { call }, { nodeId: node.id });
  const eff: FlowEffect = { type: 'startSubflow', callId: id, nodeId: node.id, flowKey: node.flowKey, variables, parent: { instanceId: run.state.id, callId: id } };
  if (node.version !== undefined) eff.version = node.version;
  run.effects.push(eff);
}

export function subflowCompleted(run: Run, c: SubflowCompletedCommand): void {
  const call = run.state.calls?.find((x) => x.id === c.callId);
  if (call === undefined || call.kind !== 'subflow') throw new FlowCommandError('unknownCall', `subflow call ${c.callId} is not pending`);
  const node = run.node(call.nodeId);
  const failed = c.errorCode !== undefined || c.error !== undefined;
  const done: EventData<'callDone'> = { callId: call.id, ok: !failed };
  if (failed) done.error = c.errorCode ?? c.error;
  run.emit('callDone', done, { nodeId: node.id });
  if (node.type !== 'subflow') throw new FlowRuntimeError(`call ${call.id} is on ${node.id}, which is not a subflow`);
  if (c.errorCode !== undefined) return run.endCase('failed', c.errorCode, `subflow ${node.id} threw ${c.errorCode}`);
  if (c.error !== undefined) throw new FlowRuntimeError(`subflow ${node.id} failed: ${c.error}`);
  // the child's outcome reads like one of its variables in the output mapping
  const child: Record<string, JsonValue> = { ...(c.outcome !== undefined ? { outcome: c.outcome } : {}), ...(c.output ?? {}) };
  const vars: Record<string, JsonValue> = {};
  for (const [parentVar, childVar] of Object.entries(node.outputs)) {
    if (Object.hasOwn(child, childVar)) vars[parentVar] = child[childVar] ?? null;
  }
  if (Object.keys(vars).length > 0) run.emit('varsSet', { variables: vars }, { nodeId: node.id });
  runEnded(run, call, node);
  drain(run);
}
