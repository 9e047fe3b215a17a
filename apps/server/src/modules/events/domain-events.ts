import type { EntityDefinition } from '@bankforge/data-model';
import type { FlowEvent, InstanceStatus, JsonValue } from '@bankforge/flow-engine';
import type { Dialect } from '../../platform/config/server-config.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import type { SqlStatement } from '../audit/audit-log.js';
import { sensitiveFields } from '../audit/audit-redaction.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

export type RecordEventType = 'record.created' | 'record.updated' | 'record.deleted' | 'record.restored';
export type CaseEventType = 'case.started' | `case.${Exclude<InstanceStatus, 'running'>}` | 'task.created' | 'task.completed' | 'task.cancelled';
export type DomainEventType = RecordEventType | CaseEventType;

/** A field's change: its value before (absent on a create) and after; of a sensitive field only that it changed. */
export type FieldChange = { old?: JsonValue; new: JsonValue } | { masked: true };

/** What happened to which record. */
interface EventSubject {
  type: DomainEventType;
  entity: string;
  recordId: string;
}

/**
 * An event before it is written, with its changes, or (a writer that has the time: an import, in
 * its worker thread) their JSON rendered ahead.
 */
export type NewDomainEvent = EventSubject & ({ changes: Record<string, FieldChange> } | { renderedChanges: string });

/** An event as subscribers receive it. */
export interface DomainEvent extends EventSubject {
  changes: Record<string, FieldChange>;
  /** The database's order of events (per record, the order they happened in). */
  seq: number;
  /** Stable across deliveries: what a subscriber keys its idempotency on. */
  id: string;
  actor: { id: string | null; kind: Actor['kind'] };
  /** ISO 8601, on the database's clock. */
  occurredAt: string;
  /** This delivery's number: above 1, an earlier one failed or its replica died. */
  attempt: number;
}

const COLUMNS = '(id, type, entity, record_id, changes, actor_id, actor_kind, occurred_at, state, due_at, lease_owner, lease_until, attempts, last_error)';

/** The protected fields per entity version (a definition is replaced, never changed, when published). */
const sensitiveByEntity = new WeakMap<EntityDefinition, ReadonlySet<string>>();

function sensitiveOf(entity: EntityDefinition): ReadonlySet<string> {
  let found = sensitiveByEntity.get(entity);
  if (!found) sensitiveByEntity.set(entity, (found = sensitiveFields(entity)));
  return found;
}

/**
 * A record's changed fields: on a create (`before` null) every field with a value, on an update
 * those whose value differs (`keys`: the ones written). Sensitive fields, and those derived from
 * one, by name only: the event store and its subscribers are no copy of the secrets.
 */
export function recordChanges(
  entity: EntityDefinition,
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
  keys: Iterable<string> = entity.fields.map((f) => f.key),
): Record<string, FieldChange> {
  const sensitive = sensitiveOf(entity);
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    const next = (after[key] ?? null) as JsonValue;
    const previous = before ? ((before[key] ?? null) as JsonValue) : undefined;
    if (before ? JSON.stringify(previous) === JSON.stringify(next) : next === null) continue;
    changes[key] = sensitive.has(key) ? { masked: true } : before ? { old: previous!, new: next } : { new: next };
  }
  return changes;
}

/**
 * The domain events a flow command's engine events make, on the case's record (a case without
 * one on `flow:<key>` and its own id). They name the case, flow, task and outcome, never the
 * case's variables, which may carry any value of the record.
 */
export function caseEvents(flowEvents: readonly FlowEvent[], caseRow: { id: string; flow_key: string; entity_key: string | null; record_id: string | null }): NewDomainEvent[] {
  const subject = caseRow.entity_key && caseRow.record_id ? { entity: caseRow.entity_key, recordId: caseRow.record_id } : { entity: `flow:${caseRow.flow_key}`, recordId: caseRow.id };
  const about = { case: { new: caseRow.id }, flow: { new: caseRow.flow_key } };
  const events: NewDomainEvent[] = [];
  for (const event of flowEvents) {
    const task = event.taskId !== undefined ? { task: { new: event.taskId }, ...(event.nodeId !== undefined ? { node: { new: event.nodeId } } : {}) } : {};
    switch (event.type) {
      case 'started':
        events.push({ type: 'case.started', ...subject, changes: { ...about, version: { new: event.data.definitionVersion }, status: { new: 'running' } } });
        break;
      case 'taskCreated':
        events.push({ type: 'task.created', ...subject, changes: { ...about, ...task } });
        break;
      case 'taskClosed':
        events.push({ type: event.data.reason === 'cancelled' ? 'task.cancelled' : 'task.completed', ...subject, changes: { ...about, ...task, result: { new: event.data.reason } } });
        break;
      case 'ended':
        events.push({
          type: `case.${event.data.status}`,
          ...subject,
          changes: { ...about, status: { old: 'running', new: event.data.status }, ...(event.data.outcome !== undefined ? { outcome: { new: event.data.outcome } } : {}) },
        });
        break;
      default:
        break;
    }
  }
  return events;
}

export const DomainEvents = {
  /** One INSERT of the events, pending and due now, for a caller to run in the change's transaction. */
  insert(on: { readonly dialect: Dialect }, events: readonly NewDomainEvent[], actor: Pick<Actor, 'userId' | 'kind'>): SqlStatement {
    const now = databaseNow(on);
    const row = `(?, ?, ?, ?, ?, ?, ?, ${now}, 'pending', ${now}, NULL, NULL, 0, NULL)`;
    return {
      sql: `INSERT INTO bf_domain_event ${COLUMNS} VALUES ${events.map(() => row).join(', ')}`,
      params: events.flatMap((e) => [timeOrderedId(), e.type, e.entity, e.recordId, 'renderedChanges' in e ? e.renderedChanges : JSON.stringify(e.changes), actor.userId, actor.kind]),
    };
  },

  /** Writes the events in the caller's transaction: they are handed out only if it commits. */
  async write(sql: SqlExecutor, events: readonly NewDomainEvent[], actor: Pick<Actor, 'userId' | 'kind'>): Promise<void> {
    if (events.length === 0) return;
    const { sql: statement, params } = DomainEvents.insert(sql, events, actor);
    await sql.execute(statement, params);
  },
};
