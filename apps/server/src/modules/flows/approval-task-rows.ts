import { approvalTaskEntity } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import type { SqlExecutor, SqlValue } from '../../platform/database/database.js';
import { columnsOf, tableNameOf } from '../metadata/physical-schema.js';
import { fieldColumnValues } from '../metadata/record-codec.js';
import { nodeName } from './case-texts.js';
import { instant, stored } from './flow-store.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

const TABLE = tableNameOf(approvalTaskEntity.key);
const FIELDS = approvalTaskEntity.fields;
const fieldOf = new Map(FIELDS.map((f) => [f.key, f]));
const INSERT = `INSERT INTO ${TABLE} (id, created_at, created_by, updated_at, updated_by, owner_id, version, deleted_at, ${FIELDS.flatMap((f) => columnsOf(f).map((c) => c.name)).join(', ')})
  VALUES (${['?', '?', '?', '?', '?', '?', '1', 'NULL', ...FIELDS.flatMap((f) => columnsOf(f).map(() => '?'))].join(', ')})`;

/** A boolean as its column holds it (the records' own encoding). */
function flag(value: boolean | null): SqlValue {
  return value === null ? null : (fieldColumnValues(fieldOf.get('on_time')!, value)[0] ?? null);
}

/** A task as it opens. Instants are ISO; people are user ids (`bf_user.id`), as owners are. */
export interface OpenedTask {
  key: string;
  caseId: string;
  flow: FlowDefinition;
  /** The version the case runs (a case moved to another keeps its tasks). */
  flowVersion: number;
  nodeId: string;
  /** The case is back with its initiator (a task at the start node). */
  rework: boolean;
  subjectEntity: string | null;
  subjectId: string | null;
  openedAt: string;
  dueAt: string | null;
  /** Who holds it: its one assignee; none for a pool (whoever decides it owns it). */
  holder: string | null;
  /** Whose command opened it (none: the server's own, a timer). */
  by: string | null;
}

/** How a task closed. */
export interface ClosedTask {
  key: string;
  outcome: 'approved' | 'rejected' | 'returned' | 'resubmitted' | 'cancelled';
  at: string;
  /** Who decided it; undefined when nobody did (a timeout's decision, a withdrawal): the holder stays. */
  decider?: string;
  by: string | null;
}

/** Working days from one instant to another on the business calendar; undefined without one. */
export type WorkingDays = ((fromIso: string, toIso: string) => number) | undefined;

/**
 * The rows of `approval_task`, written in the transaction of the flow command that changes the
 * task (never read back from another connection): opened, handed to someone else, overdue, closed.
 */
export const ApprovalTaskRows = {
  async opened(sql: SqlExecutor, task: OpenedTask): Promise<void> {
    const name = nodeName(task.flow, task.nodeId);
    const values: Record<string, unknown> = {
      task_key: task.key,
      case_id: task.caseId,
      flow_key: task.flow.key,
      flow_version: task.flowVersion,
      node_id: task.nodeId,
      node_name: name.en,
      node_name_zh: name['zh-CN'],
      kind: task.rework ? 'rework' : 'approval',
      subject_entity: task.subjectEntity,
      subject_id: task.subjectId,
      opened_at: task.openedAt,
      due_at: task.dueAt,
      completed_at: null,
      outcome: null,
      business_days: null,
      on_time: null,
    };
    const at = stored(task.openedAt);
    await sql.execute(INSERT, [
      timeOrderedId(),
      at,
      task.by,
      at,
      task.by,
      task.holder,
      ...FIELDS.flatMap((f) => fieldColumnValues(f, values[f.key])),
    ]);
  },

  /** Who may act on the open task changed (delegation, escalation, the next in a sequence, a claim). */
  async held(
    sql: SqlExecutor,
    key: string,
    holder: string | null,
    at: string,
    by: string | null,
  ): Promise<void> {
    await sql.execute(
      `UPDATE ${TABLE} SET owner_id = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE task_key = ? AND completed_at IS NULL`,
      [holder, stored(at), by, key],
    );
  },

  /** The task's timeout fired while it was open: whatever happens next, it was not done on time. */
  async overdue(sql: SqlExecutor, key: string, at: string): Promise<void> {
    await sql.execute(
      `UPDATE ${TABLE} SET on_time = ?, updated_at = ?, version = version + 1 WHERE task_key = ? AND completed_at IS NULL AND on_time IS NULL`,
      [flag(false), stored(at), key],
    );
  },

  /**
   * Closes the row: the outcome, the working days it took and whether it met its due time (a
   * cancelled task met nothing, unless it was already late).
   */
  async closed(sql: SqlExecutor, task: ClosedTask, workingDays: WorkingDays): Promise<void> {
    const [row] = await sql.rows<{ opened_at: unknown; due_at: unknown; on_time: unknown }>(
      `SELECT opened_at, due_at, on_time FROM ${TABLE} WHERE task_key = ? AND completed_at IS NULL`,
      [task.key],
    );
    // A task opened before this server wrote approval tasks has no row: there is nothing to close.
    if (!row) return;
    const openedAt = instant(String(row.opened_at))!;
    const dueAt = row.due_at === null ? undefined : instant(String(row.due_at));
    // Late once its timeout fired (marked then), or closed after its due time.
    const late = row.on_time !== null || (dueAt !== undefined && Date.parse(task.at) > Date.parse(dueAt));
    const onTime = dueAt === undefined ? null : late ? false : task.outcome === 'cancelled' ? null : true;
    const days = workingDays?.(openedAt, task.at);
    const at = stored(task.at);
    await sql.execute(
      `UPDATE ${TABLE} SET completed_at = ?, outcome = ?, business_days = ?, on_time = ?, owner_id = ${task.decider !== undefined ? '?' : 'owner_id'}, updated_at = ?, updated_by = ?, version = version + 1
        WHERE task_key = ? AND completed_at IS NULL`,
      [
        at,
        task.outcome,
        days === undefined ? null : days.toFixed(2),
        flag(onTime),
        ...(task.decider !== undefined ? [task.decider] : []),
        at,
        task.by,
        task.key,
      ],
    );
  },

  /** The case moved to another version of its flow: its open tasks now belong to it. */
  async migrated(
    sql: SqlExecutor,
    caseId: string,
    flowVersion: number,
    at: string,
    by: string | null,
  ): Promise<void> {
    await sql.execute(
      `UPDATE ${TABLE} SET flow_version = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE case_id = ? AND completed_at IS NULL`,
      [flowVersion, stored(at), by, caseId],
    );
  },
};
