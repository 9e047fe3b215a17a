/**
 * Activities: nodes that run as calls to the server (services, decisions, subflows), with their
 * BPMN behaviour: retries, failure edges, standard loops, multi-instance runs, token quantities.
 */
import type { DecisionNode, ServiceNode, SubflowNode } from '../../definition/flow-definition.js';
import { FlowCommandError, type ServiceResultCommand } from '../commands.js';
import type { DecisionAnswer } from '../context.js';
import type { FlowEffect } from '../effects.js';
import type { EventData } from '../events/flow-event.js';
import { copyJson } from '../state/copy.js';
import type { JsonValue, PendingCall } from '../state/flow-state.js';
import { durationMs, FlowRuntimeError, toJson, toNumber } from '../values.js';
import { evaluateRequestBody } from '../../templates/request-body.js';
import { caseValues, feel, FEEL_STEP_BUDGET, holds, setOutputs } from './expressions.js';
import type { Run } from './run.js';
import { startSubflow } from './subflows.js';
import { armBoundaryTimers, cancelTimers, setTimerAt } from './timers.js';
import { drain, queueAlong, queueLeave } from './tokens.js';

/** Nodes that run as calls to the server and carry BPMN activity behaviour. */
export type ActivityNode = ServiceNode | SubflowNode;

/** Evaluates a decision: at once through `context.decide`, else as a call the server answers. */
export function decision(run: Run, tokenId: string, node: DecisionNode): void {
  const inputs: Record<string, JsonValue> = {};
  for (const [name, src] of Object.entries(node.inputs)) inputs[name] = toJson(feel(run, src, node.id));
  if (run.context.decide !== undefined) {
    let answer: DecisionAnswer;
    try {
      answer = run.context.decide(node.decisionKey, inputs, node.decisionVersion);
    } catch (e) {
      throw new FlowRuntimeError(`decision ${node.decisionKey} failed at ${node.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const decided: EventData<'decided'> = { decisionKey: node.decisionKey, inputs, outputs: answer.outputs };
    const version = answer.version ?? node.decisionVersion;
    if (version !== undefined) decided.decisionVersion = version;
    if (answer.trace !== undefined) decided.trace = answer.trace;
    run.emit('decided', decided, { nodeId: node.id });
    setOutputs(run, node.id, node.outputs, answer.outputs);
    return queueLeave(run, tokenId, node);
  }
  const id = `c${run.nextSeq()}`;
  run.emit('callStarted', { call: { id, nodeId: node.id, tokenId, attempt: 1, kind: 'decision' } }, { nodeId: node.id });
  const eff: FlowEffect = { type: 'evaluateDecision', callId: id, nodeId: node.id, decisionKey: node.decisionKey, inputs };
  if (node.decisionVersion !== undefined) eff.decisionVersion = node.decisionVersion;
  run.effects.push(eff);
}

/**
 * A token arrives at a service or subflow: wait for the start quantity, test a loop before its
 * first run, arm the boundary timers, then start one run (or the multi-instance runs).
 */
export function startActivity(run: Run, tokenId: string, node: ActivityNode): void {
  const token = run.token(tokenId);
  const first = token.completedRuns === undefined;
  const startQuantity = node.startQuantity ?? 1;
  if (first && startQuantity > 1) {
    const calls = run.state.calls ?? [];
    const idle = (run.state.tokens ?? []).filter((t) => t.nodeId === node.id && t.id !== tokenId && !calls.some((c) => c.tokenId === t.id));
    if (idle.length + 1 < startQuantity) return;
    for (const t of idle.slice(0, startQuantity - 1)) run.emit('left', { tokenId: t.id }, { nodeId: node.id });
  }
  if (first && node.loop?.testBefore === true && !loopContinues(run, node, 0)) return leaveActivity(run, tokenId, node);
  if (first) armBoundaryTimers(run, tokenId, node);
  const multi = node.multiInstance;
  if (multi === undefined) return startRun(run, tokenId, node);
  const v = toJson(feel(run, multi.cardinality, node.id));
  const n = typeof v === 'number' ? v : toNumber(v);
  if (n === undefined || !Number.isInteger(n) || n < 0) throw new FlowRuntimeError(`multi-instance cardinality of ${node.id} is ${JSON.stringify(v)}, not a non-negative integer`);
  if (n === 0) return leaveActivity(run, tokenId, node);
  run.emit('multiStarted', { tokenId, instanceCount: n }, { nodeId: node.id });
  if (multi.sequential === true) return startRun(run, tokenId, node, 1);
  for (let i = 1; i <= n; i++) startRun(run, tokenId, node, i);
}

function startRun(run: Run, tokenId: string, node: ActivityNode, runNumber?: number): void {
  if (node.type === 'service') startCall(run, tokenId, node, 1, runNumber);
  else startSubflow(run, tokenId, node, runNumber);
}

export function startCall(run: Run, tokenId: string, node: ServiceNode, attempt: number, runNumber?: number): void {
  const id = `c${run.nextSeq()}`;
  const call: PendingCall = { id, nodeId: node.id, tokenId, attempt, kind: 'service' };
  if (runNumber !== undefined) call.run = runNumber;
  run.emit('callStarted', { call }, { nodeId: node.id });
  run.effects.push({ type: 'callService', callId: id, nodeId: node.id, effect: node.effect, config: callConfig(run, node), attempt });
}

/**
 * The config the server sends with: a body written as a FEEL template (text) is evaluated now, over
 * the case's variables at this attempt, and sent as the JSON it gives; a body written as JSON is
 * sent as written. A template that fails fails the case, naming the step.
 */
function callConfig(run: Run, node: ServiceNode): Record<string, JsonValue> {
  const config = copyJson(node.config);
  const template = config.body;
  if (typeof template !== 'string') return config;
  try {
    config.body = evaluateRequestBody(template, caseValues(run), { stepBudget: FEEL_STEP_BUDGET, now: run.feelNow(), names: run.index.feelNames });
  } catch (e) {
    throw new FlowRuntimeError(`request body at ${node.id} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return config;
}

/** The server's answer to a service call or an asynchronous decision. */
export function serviceResult(run: Run, c: ServiceResultCommand): void {
  const call = run.state.calls?.find((x) => x.id === c.callId);
  if (call === undefined || call.kind === 'subflow') throw new FlowCommandError('unknownCall', `call ${c.callId} is not pending`);
  const node = run.node(call.nodeId);
  const data: EventData<'callDone'> = { callId: call.id, ok: c.ok };
  if (c.error !== undefined) data.error = c.error;
  run.emit('callDone', data, { nodeId: node.id });
  const output = c.output ?? {};
  if (node.type === 'decision') {
    if (!c.ok) throw new FlowRuntimeError(`decision ${node.decisionKey} failed at ${node.id}: ${c.error ?? 'error'}`);
    setOutputs(run, node.id, node.outputs, output);
    queueLeave(run, call.tokenId, node);
    return drain(run);
  }
  if (node.type !== 'service') throw new FlowRuntimeError(`call ${call.id} is on ${node.id}, which is not a service`);
  if (c.ok) {
    if (node.outputs !== undefined) setOutputs(run, node.id, node.outputs, output);
    runEnded(run, call, node);
    return drain(run);
  }
  serviceFailed(run, c, call, node);
}

/** A failed attempt: retry (now or after the backoff), else the failure edge, else the case fails. */
function serviceFailed(run: Run, c: ServiceResultCommand, call: PendingCall, node: ServiceNode): void {
  const max = Math.max(1, node.retry?.maxAttempts ?? 1);
  if (call.attempt < max) {
    const backoff = node.retry?.backoff;
    if (backoff === undefined) return startCall(run, call.tokenId, node, call.attempt + 1, call.run);
    const delayMs = durationMs(backoff.delay, run.nowMs) * Math.pow(backoff.multiplier ?? 1, call.attempt - 1);
    const refs: { tokenId: string; attempt: number; run?: number } = { tokenId: call.tokenId, attempt: call.attempt + 1 };
    if (call.run !== undefined) refs.run = call.run;
    setTimerAt(run, node.id, 'retry', Math.round(run.nowMs + delayMs), refs);
    return;
  }
  if (node.failureEdge !== undefined) {
    const edge = run.index.edges.get(node.failureEdge);
    if (edge === undefined) throw new FlowRuntimeError(`failure edge ${node.failureEdge} of ${node.id} does not exist`);
    stopActivity(run, call.tokenId, node);
    queueAlong(run, call.tokenId, edge);
    return drain(run);
  }
  throw new FlowRuntimeError(`service ${node.id} failed after ${call.attempt} attempt(s): ${c.error ?? 'error'}`);
}

/** One run ended well: the next multi-instance run, or the loop again, or on along the outgoing edge. */
export function runEnded(run: Run, call: PendingCall, node: ActivityNode): void {
  const token = run.token(call.tokenId);
  const multi = node.multiInstance;
  if (multi !== undefined && token.instanceCount !== undefined) {
    const done = multi.completionCondition !== undefined && holds(run, multi.completionCondition, node.id);
    if (!done) {
      if (multi.sequential === true && (call.run ?? 0) < token.instanceCount) return startRun(run, call.tokenId, node, (call.run ?? 0) + 1);
      if ((run.state.calls ?? []).some((c) => c.tokenId === call.tokenId)) return;
    }
  }
  const runs = (token.completedRuns ?? 0) + 1;
  if (node.loop !== undefined && loopContinues(run, node, runs)) {
    stopActivity(run, call.tokenId, node, true);
    run.queue.push({ tokenId: call.tokenId, to: node.id, forkStack: undefined, completedRuns: runs });
    return;
  }
  leaveActivity(run, call.tokenId, node);
}

/** Standard loop: another run while the condition holds and the maximum is not reached. */
function loopContinues(run: Run, node: ActivityNode, runs: number): boolean {
  const loop = node.loop;
  if (loop === undefined) return false;
  if (loop.maximum !== undefined && runs >= loop.maximum) return false;
  return loop.condition === undefined || holds(run, loop.condition, node.id);
}

function leaveActivity(run: Run, tokenId: string, node: ActivityNode): void {
  stopActivity(run, tokenId, node);
  queueLeave(run, tokenId, node);
}

/** Cancels the token's other runs (and, unless the activity loops on, its boundary and retry timers). */
export function stopActivity(run: Run, tokenId: string, node: ActivityNode, keepTimers = false): void {
  for (const c of run.state.calls ?? []) {
    if (c.tokenId !== tokenId || c.nodeId !== node.id) continue;
    run.emit('callDone', { callId: c.id, ok: false, error: 'cancelled' }, { nodeId: node.id });
    if (c.kind === 'subflow') run.effects.push({ type: 'cancelSubflow', callId: c.id });
  }
  if (!keepTimers) cancelTimers(run, tokenId, node.id, ['boundary', 'retry']);
}
