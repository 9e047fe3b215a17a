import type { ExecuteResult, FlowEffect, JsonValue, ServiceEffect } from '@bankforge/flow-engine';
import { v5 as uuidv5 } from 'uuid';
import { databaseNow } from '../../platform/database/database-clock.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import { changeQueued, type LeasedTable } from '../../platform/leases/leased-queue.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

/** The effects a command hands to the outbox: they reach other systems or other cases, so they leave after commit. */
export type OutboxEffect = Extract<FlowEffect, { type: 'callService' | 'startSubflow' | 'cancelSubflow' | 'instanceEnded' }>;

/** A service step's call: the node's static config, and the case variables the config names (`variables`), as they were. */
export interface CallPayload {
  callId: string;
  nodeId: string;
  effect: ServiceEffect;
  config: Record<string, JsonValue>;
  attempt: number;
  variables: Record<string, JsonValue>;
}

export interface StartSubflowPayload {
  callId: string;
  flowKey: string;
  version?: number;
  variables: Record<string, JsonValue>;
  parent: { instanceId: string; callId: string };
}

/** The child's answer to its parent's subflow step, as the engine's `subflowCompleted` command takes it. */
export interface SubflowCompletedPayload {
  parent: { instanceId: string; callId: string };
  outcome?: string;
  output: Record<string, JsonValue>;
  errorCode?: string;
  error?: string;
}

/** A case a record write starts by itself (`record.startOn`), as the person who wrote the record. */
export interface StartCasePayload {
  flowKey: string;
  version: number;
  recordId: string;
  initiator: string;
}

export type OutboxEntry =
  | { kind: 'startCase'; payload: StartCasePayload }
  | { kind: 'call'; payload: CallPayload }
  | { kind: 'startSubflow'; payload: StartSubflowPayload }
  | { kind: 'cancelSubflow'; payload: { callId: string } }
  | { kind: 'subflowCompleted'; payload: SubflowCompletedPayload };

/** Sends of one entry before it is given up (a call's transport retries, or anything unforeseen). */
export const OUTBOX_MAX_ATTEMPTS = 5;

/** The wait after a failed attempt n: 5 s, 20 s, 80 s, 320 s. */
export function retryDelaySeconds(attempts: number): number {
  return 5 * 4 ** Math.max(0, attempts - 1);
}

/** The outbox as a leased table: an entry waits while pending. */
export const OUTBOX_TABLE: LeasedTable = { table: 'bf_flow_outbox', key: 'id', waiting: { column: 'state', values: ['pending'] }, due: 'due_at' };

/** How an entry ended: done (its work landed, or its case no longer waits for it) or failed (given up). */
export interface Settlement {
  state: 'done' | 'failed';
  /** A short reason, never a value of the payload. */
  error?: string;
}

/** Names subflow children: any fixed UUID does, as long as it never changes. */
const CHILD_NAMESPACE = '5b0c2f0e-7d4a-4c39-9a57-0f3c1e6b8d21';

/**
 * The child case a subflow call starts, derived from the parent and its call: a second dispatch of
 * the start finds it already there, and a cancel finds it without a lookup.
 */
export function childInstanceId(parent: { instanceId: string; callId: string }): string {
  return uuidv5(`${parent.instanceId}/${parent.callId}`, CHILD_NAMESPACE);
}

/** The case a `startCase` entry starts. */
export function startedCaseId(entryId: string): string {
  return uuidv5(`start/${entryId}`, CHILD_NAMESPACE);
}

export const FlowOutbox = {
  /**
   * Writes the effect's entry in the command's own transaction: nothing leaves unless the command
   * commits. A case that ends with no parent answers nobody.
   */
  async enqueue(sql: SqlExecutor, instanceId: string, result: ExecuteResult, effect: OutboxEffect): Promise<void> {
    const entry = entryOf(effect, result.state.variables);
    if (!entry) return;
    const now = databaseNow(sql);
    await sql.execute(
      `INSERT INTO bf_flow_outbox (id, instance_id, seq, kind, payload, state, due_at, lease_owner, lease_until, attempts, last_error, created_at, done_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ${now}, NULL, NULL, 0, NULL, ${now}, NULL)`,
      [timeOrderedId(), instanceId, result.events.at(-1)?.seq ?? 0, entry.kind, JSON.stringify(entry.payload)],
    );
  },

  /**
   * Writes the start of a case in the record write's own transaction; the entry's case id is the
   * case's own, derived from the entry, so a second dispatch starts nothing.
   */
  async enqueueStart(sql: SqlExecutor, start: StartCasePayload): Promise<void> {
    const id = timeOrderedId();
    const now = databaseNow(sql);
    await sql.execute(
      `INSERT INTO bf_flow_outbox (id, instance_id, seq, kind, payload, state, due_at, lease_owner, lease_until, attempts, last_error, created_at, done_at)
       VALUES (?, ?, 0, 'startCase', ?, 'pending', ${now}, NULL, NULL, 0, NULL, ${now}, NULL)`,
      [id, startedCaseId(id), JSON.stringify(start)],
    );
  },

  /** Ends a pending entry (a later settlement of the same entry, by a slower replica, changes nothing). */
  async settle(sql: SqlExecutor, id: string, settlement: Settlement): Promise<void> {
    await changeQueued(sql, OUTBOX_TABLE, [id], {
      set: `state = ?, last_error = COALESCE(?, last_error), done_at = ${databaseNow(sql)}`,
      params: [settlement.state, settlement.error?.slice(0, 500) ?? null],
      lease: 'keep',
      while: 'waiting',
    });
  },

  /** Sends the entry again after its backoff; its lease ends now. */
  async retryLater(sql: SqlExecutor, id: string, attempts: number, error: string): Promise<void> {
    await changeQueued(sql, OUTBOX_TABLE, [id], { set: 'last_error = ?', params: [error.slice(0, 500)], dueInSeconds: retryDelaySeconds(attempts), lease: 'release', while: 'waiting' });
  },
};

function entryOf(effect: OutboxEffect, variables: Readonly<Record<string, JsonValue>>): OutboxEntry | undefined {
  switch (effect.type) {
    case 'callService': {
      // Only what the config names leaves the server: no other value of the case is copied.
      const named = Array.isArray(effect.config.variables) ? effect.config.variables.filter((v): v is string => typeof v === 'string') : [];
      const sent = Object.fromEntries(named.filter((name) => Object.hasOwn(variables, name)).map((name) => [name, variables[name]!]));
      return { kind: 'call', payload: { callId: effect.callId, nodeId: effect.nodeId, effect: effect.effect, config: effect.config, attempt: effect.attempt, variables: sent } };
    }
    case 'startSubflow':
      return {
        kind: 'startSubflow',
        payload: { callId: effect.callId, flowKey: effect.flowKey, ...(effect.version !== undefined ? { version: effect.version } : {}), variables: effect.variables, parent: effect.parent },
      };
    case 'cancelSubflow':
      return { kind: 'cancelSubflow', payload: { callId: effect.callId } };
    case 'instanceEnded':
      return effect.parent ? { kind: 'subflowCompleted', payload: { parent: effect.parent, ...completion(effect) } } : undefined;
  }
}

/**
 * How a child's end answers its parent (the engine's `instanceEnded` doc): a completed child its
 * outcome; a failed one with an outcome (an error end event) that as `errorCode`, else its `error`;
 * withdrawn, cancelled or terminated children their outcome, else their status.
 */
function completion(ended: Extract<OutboxEffect, { type: 'instanceEnded' }>): Omit<SubflowCompletedPayload, 'parent'> {
  if (ended.status === 'failed') return ended.outcome !== undefined ? { errorCode: ended.outcome, output: {} } : { error: ended.error ?? 'the subflow failed', output: {} };
  return { outcome: ended.outcome ?? ended.status, output: ended.variables };
}
