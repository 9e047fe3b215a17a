/**
 * The storage boundary of the history: `encodeEvent` turns an event into its stored form (short
 * names, flags as `1`, see `stored-event.ts`), `decodeEvent` turns a stored event back. Fields keep
 * their order, so the stored history is the same bytes it always was. Like the state's encoding,
 * both share the values they do not rename with their input.
 *
 * Events are encoded once, when stored, and decoded when a server loads a history: renaming by
 * table here is cheap enough, unlike the state's encoding, which every command goes through.
 */
import { decodeCall, decodeInitiator, decodeTimer, encodeCall, encodeInitiator, encodeTimer } from '../state/state-encoding.js';
import type { FlowEvent, FlowEventType } from './flow-event.js';
import type { StoredFlowEvent } from './stored-event.js';

/** A payload field: its stored name and, when the value changes form too, how. */
type Field = readonly [stored: string, encode?: (v: never) => unknown, decode?: (v: never) => unknown];

/** `true` is stored as `1` (the flags `b`, `x`, `auto`, `fired`, `ini`). */
const flag: readonly [(v: true) => 1, (v: 1) => true] = [() => 1, () => true];

const PAYLOADS: Record<FlowEventType, Record<string, Field>> = {
  started: {
    definitionKey: ['def'],
    definitionVersion: ['ver'],
    instanceId: ['id'],
    initiator: ['ini', encodeInitiator, decodeInitiator],
    variables: ['vars'],
    subject: ['subject'],
    parent: ['parent'],
  },
  entered: { tokenId: ['tok'], forkStack: ['f'], edgeId: ['e'], loop: ['loop'], resetLoops: ['rl'], completedRuns: ['i'] },
  multiStarted: { tokenId: ['tok'], instanceCount: ['n'] },
  left: { tokenId: ['tok'] },
  forked: { forkId: ['fork'], takenEdges: ['taken'] },
  joined: { forkId: ['fork'], tokenIds: ['toks'] },
  taskCreated: { tokenId: ['tok'], assignees: ['who'], approvalsRequired: ['req'] },
  voteRejected: { userId: ['u'] },
  approved: { userId: ['u'], counted: ['b', ...flag], groups: ['g'], othersReleased: ['x', ...flag], automatic: ['auto', ...flag] },
  delegated: { from: ['from'], to: ['to'] },
  approverAdded: { userId: ['u'], position: ['p'], addedBy: ['by'] },
  authorityRouted: { to: ['to'], approver: ['by'], limit: ['limit'] },
  escalated: { from: ['from'], to: ['to'] },
  commented: {},
  taskClosed: { reason: ['r'], returnTo: ['to'], toInitiator: ['ini', ...flag], automatic: ['auto', ...flag] },
  timerSet: { timer: ['timer', encodeTimer, decodeTimer] },
  timerDone: { timerId: ['id'], fired: ['fired', ...flag] },
  callStarted: { call: ['call', encodeCall, decodeCall] },
  callDone: { callId: ['id'], ok: ['ok'], error: ['error'] },
  varsSet: { variables: ['vars'] },
  notified: { kind: ['kind'], to: ['to'], template: ['template'] },
  ended: { status: ['st'], outcome: ['out'], error: ['err'] },
  migrated: { fromVersion: ['from'], toVersion: ['to'] },
  decided: { decisionKey: ['key'], decisionVersion: ['ver'], inputs: ['in'], outputs: ['out'], trace: ['trace'] },
};

/** The same tables the other way round: stored name → [name, decode]. */
const STORED: Record<string, Map<string, readonly [string, ((v: never) => unknown) | undefined]>> = {};
for (const [type, fields] of Object.entries(PAYLOADS)) {
  STORED[type] = new Map(Object.entries(fields).map(([name, [stored, , decode]]) => [stored, [name, decode] as const]));
}

/** The stored form of an event (serialise it with `JSON.stringify`). */
export function encodeEvent(e: FlowEvent): StoredFlowEvent {
  const fields = PAYLOADS[e.type];
  if (fields === undefined) throw new Error(`encodeEvent: no event type ${String(e.type)}`);
  return withBase(e, 'commandId', 'cmd', (data) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(data)) {
      const v = data[k];
      if (v === undefined) continue;
      const f = fields[k];
      if (f === undefined) throw new Error(`encodeEvent: ${e.type} has no field ${k}`);
      const convert = f[1] as ((v: unknown) => unknown) | undefined;
      out[f[0]] = convert === undefined ? v : convert(v);
    }
    return out;
  }) as unknown as StoredFlowEvent;
}

/** The event a stored one holds. */
export function decodeEvent(e: StoredFlowEvent): FlowEvent {
  const fields = STORED[e.type];
  if (fields === undefined) throw new Error(`decodeEvent: no event type ${String(e.type)}`);
  return withBase(e, 'cmd', 'commandId', (data) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(data)) {
      const v = data[k];
      if (v === undefined) continue;
      const f = fields.get(k);
      if (f === undefined) throw new Error(`decodeEvent: ${e.type} has no field ${k}`);
      const convert = f[1] as ((v: unknown) => unknown) | undefined;
      out[f[0]] = convert === undefined ? v : convert(v);
    }
    return out;
  }) as unknown as FlowEvent;
}

/** The event's own fields in their order (the command id renamed), its payload converted. */
function withBase(e: object, from: string, to: string, payload: (data: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const o = e as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined) continue;
    if (k === from) out[to] = v;
    else if (k === 'data') out.data = payload(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}
