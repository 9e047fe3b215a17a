import { decodeEvent, decodeState, encodeEvent, encodeState, type FlowEvent, type FlowState, type StoredFlowEvent, type StoredFlowState } from '@bankforge/flow-engine';
import type { SqlExecutor } from '../../platform/database/database.js';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';

/** A case as stored: the engine's state in its compact encoding, the record it is about. */
export interface InstanceRow {
  id: string;
  flow_key: string;
  flow_version: number;
  entity_key: string | null;
  record_id: string | null;
  status: string;
  outcome: string | null;
  state: string;
  initiator_id: string;
  started_at: string;
  ended_at: string | null;
  version: number;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  task_id: string;
  flow_key: string;
  node_id: string;
  status: 'open' | 'closed' | 'cancelled';
  mode: string;
  assignee_count: number;
  claimed_by: string | null;
  actions: string;
  editable_fields: string;
  entity_key: string | null;
  record_id: string | null;
  amount: string | number | null;
  currency: string | null;
  initiator_id: string;
  created_at: string;
  due_at: string | null;
  closed_at: string | null;
  result: string | null;
}

/** The instant as both databases store it (`YYYY-MM-DD HH:MM:SS.mmm`, UTC). */
export function stored(iso: string): string {
  return toStoredDatetime(new Date(iso).toISOString());
}

export function instant(value: string | null): string | undefined {
  return fromStoredDatetime(value) ?? undefined;
}

/** The task's id in the API and the tables: the engine's task ids are unique within an instance only. */
export function taskKey(instanceId: string, taskId: string): string {
  return `${instanceId}:${taskId}`;
}

export const FlowStore = {
  /**
   * The case, locked for the command's transaction (MySQL row lock; SQLite transactions run one at
   * a time), with whether `commandId` already acted on it (beyond the engine's window of recent
   * commands) and the directory's stamp: one round trip, as every command needs all three.
   */
  async lock(sql: SqlExecutor, id: string, commandId: string): Promise<{ row: InstanceRow; seen: boolean; directoryStamp: number } | undefined> {
    const [found] = await sql.rows<InstanceRow & { seen_command: number | string | null; directory_stamp: number | string | null }>(
      `SELECT i.*, (SELECT 1 FROM bf_flow_event e WHERE e.instance_id = i.id AND e.command_id = ? LIMIT 1) AS seen_command,
              (SELECT version FROM bf_directory_stamp WHERE id = 1) AS directory_stamp
         FROM bf_flow_instance i WHERE i.id = ?${sql.dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
      [commandId, id],
    );
    if (!found) return undefined;
    const { seen_command: seen, directory_stamp: stamp, ...row } = found;
    return { row, seen: seen !== null && Number(seen) === 1, directoryStamp: Number(stamp ?? 0) };
  },

  /** The case and whether `userId` was ever an assignee of one of its tasks (who may see it): one round trip. */
  async readFor(sql: SqlExecutor, id: string, userId: string): Promise<{ row: InstanceRow; wasAssignee: boolean } | undefined> {
    const [found] = await sql.rows<InstanceRow & { was_assignee: number | string | null }>(
      `SELECT i.*, (SELECT 1 FROM bf_flow_task_assignee a JOIN bf_flow_task t ON t.id = a.task_pk WHERE a.user_id = ? AND t.instance_id = i.id LIMIT 1) AS was_assignee
         FROM bf_flow_instance i WHERE i.id = ?`,
      [userId, id],
    );
    if (!found) return undefined;
    const { was_assignee: was, ...row } = found;
    return { row, wasAssignee: was !== null && Number(was) === 1 };
  },

  async read(sql: SqlExecutor, id: string): Promise<InstanceRow | undefined> {
    const [row] = await sql.rows<InstanceRow>('SELECT * FROM bf_flow_instance WHERE id = ?', [id]);
    return row;
  },

  state(row: InstanceRow): FlowState {
    return decodeState(JSON.parse(row.state) as StoredFlowState);
  },

  async insert(sql: SqlExecutor, row: Omit<InstanceRow, 'state' | 'version'>, state: FlowState): Promise<void> {
    await sql.execute(
      'INSERT INTO bf_flow_instance (id, flow_key, flow_version, entity_key, record_id, status, outcome, state, initiator_id, started_at, ended_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
      [row.id, row.flow_key, row.flow_version, row.entity_key, row.record_id, row.status, row.outcome, JSON.stringify(encodeState(state)), row.initiator_id, row.started_at, row.ended_at],
    );
  },

  /**
   * Saves the state a command left (a migration changes its flow version) and answers the row as
   * now stored; undefined when the version moved (a writer that did not lock).
   */
  async update(sql: SqlExecutor, row: InstanceRow, state: FlowState, endedAt: string | null): Promise<InstanceRow | undefined> {
    const encoded = JSON.stringify(encodeState(state));
    const changed = await sql.execute(
      'UPDATE bf_flow_instance SET flow_version = ?, status = ?, outcome = ?, state = ?, ended_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      [state.definitionVersion, state.status, state.outcome ?? null, encoded, endedAt, row.id, row.version],
    );
    if (changed !== 1) return undefined;
    return { ...row, flow_version: state.definitionVersion, status: state.status, outcome: state.outcome ?? null, state: encoded, ended_at: endedAt, version: Number(row.version) + 1 };
  },


  /** One statement for a command's events: a command appends a dozen or more. */
  async appendEvents(sql: SqlExecutor, instanceId: string, events: readonly FlowEvent[]): Promise<void> {
    if (events.length === 0) return;
    await sql.execute(
      `INSERT INTO bf_flow_event (instance_id, seq, command_id, actor_id, at, payload) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      events.flatMap((event) => [instanceId, event.seq, event.commandId, event.actor ?? null, stored(event.at), JSON.stringify(encodeEvent(event))]),
    );
  },

  async events(sql: SqlExecutor, instanceId: string): Promise<FlowEvent[]> {
    const rows = await sql.rows<{ payload: string }>('SELECT payload FROM bf_flow_event WHERE instance_id = ? ORDER BY seq', [instanceId]);
    return rows.map((r) => decodeEvent(JSON.parse(r.payload) as StoredFlowEvent));
  },

  /** A task with its case's flow version and whether `userId` was ever an assignee of the case: one round trip. */
  async taskFor(sql: SqlExecutor, key: string, userId: string): Promise<{ task: TaskRow & { flow_version: number }; wasAssignee: boolean } | undefined> {
    const [found] = await sql.rows<TaskRow & { flow_version: number | string; was_assignee: number | string | null }>(
      `SELECT t.*, i.flow_version AS flow_version,
              (SELECT 1 FROM bf_flow_task_assignee a JOIN bf_flow_task o ON o.id = a.task_pk WHERE a.user_id = ? AND o.instance_id = t.instance_id LIMIT 1) AS was_assignee
         FROM bf_flow_task t JOIN bf_flow_instance i ON i.id = t.instance_id WHERE t.id = ?`,
      [userId, key],
    );
    if (!found) return undefined;
    const { was_assignee: was, flow_version: version, ...task } = found;
    return { task: { ...task, flow_version: Number(version) }, wasAssignee: was !== null && Number(was) === 1 };
  },

  async task(sql: SqlExecutor, key: string): Promise<TaskRow | undefined> {
    const [row] = await sql.rows<TaskRow>('SELECT * FROM bf_flow_task WHERE id = ?', [key]);
    return row;
  },

  /** A case's open tasks and who may act on each now, in one round trip. */
  async openTasksWithAssignees(sql: SqlExecutor, instanceId: string): Promise<{ tasks: TaskRow[]; assignees: Map<string, string[]> }> {
    const rows = await sql.rows<TaskRow & { assignee: string | null }>(
      `SELECT t.*, a.user_id AS assignee FROM bf_flow_task t LEFT JOIN bf_flow_task_assignee a ON a.task_pk = t.id AND a.is_open = ?
        WHERE t.instance_id = ? AND t.status = 'open' ORDER BY t.created_at, t.id, a.user_id`,
      [true, instanceId],
    );
    const tasks: TaskRow[] = [];
    const assignees = new Map<string, string[]>();
    for (const { assignee, ...task } of rows) {
      if (!assignees.has(task.id)) {
        tasks.push(task);
        assignees.set(task.id, []);
      }
      if (assignee !== null) assignees.get(task.id)!.push(assignee);
    }
    return { tasks, assignees };
  },

  /** Who may act on each task now (open rows) and who ever could (closed rows: past assignees still see the case). */
  async assignees(sql: SqlExecutor, taskKeys: readonly string[]): Promise<Map<string, string[]>> {
    const byTask = new Map<string, string[]>();
    if (taskKeys.length === 0) return byTask;
    const rows = await sql.rows<{ task_pk: string; user_id: string }>(
      `SELECT task_pk, user_id FROM bf_flow_task_assignee WHERE is_open = ? AND task_pk IN (${taskKeys.map(() => '?').join(', ')}) ORDER BY user_id`,
      [true, ...taskKeys],
    );
    for (const row of rows) byTask.set(row.task_pk, [...(byTask.get(row.task_pk) ?? []), row.user_id]);
    return byTask;
  },

  /** A new task's assignees, in one statement; the task row carries their count from the start. */
  async addAssignees(sql: SqlExecutor, key: string, users: readonly string[], dueAt: string | null): Promise<void> {
    const unique = [...new Set(users)];
    if (unique.length === 0) return;
    await sql.execute(`INSERT INTO bf_flow_task_assignee (user_id, task_pk, is_open, due_at) VALUES ${unique.map(() => '(?, ?, ?, ?)').join(', ')}`, unique.flatMap((user) => [user, key, true, dueAt]));
  },

  /** Who may act on an open task now changed (delegation, an added approver, escalation): past ones stay, closed. */
  async setAssignees(sql: SqlExecutor, key: string, users: readonly string[], dueAt: string | null): Promise<void> {
    await sql.execute('UPDATE bf_flow_task_assignee SET is_open = ? WHERE task_pk = ?', [false, key]);
    for (const user of new Set(users)) {
      const changed = await sql.execute('UPDATE bf_flow_task_assignee SET is_open = ?, due_at = ? WHERE task_pk = ? AND user_id = ?', [true, dueAt, key, user]);
      if (changed === 0) await sql.execute('INSERT INTO bf_flow_task_assignee (user_id, task_pk, is_open, due_at) VALUES (?, ?, ?, ?)', [user, key, true, dueAt]);
    }
    await sql.execute('UPDATE bf_flow_task SET assignee_count = ? WHERE id = ?', [new Set(users).size, key]);
  },

  /** Closes an open task and its assignees' inbox rows (on MySQL in one statement: every approval closes one). */
  async closeTask(sql: SqlExecutor, key: string, status: 'closed' | 'cancelled', result: string | null, at: string): Promise<void> {
    if (sql.dialect === 'mysql') {
      await sql.execute(
        "UPDATE bf_flow_task t LEFT JOIN bf_flow_task_assignee a ON a.task_pk = t.id SET t.status = ?, t.result = ?, t.closed_at = ?, a.is_open = ? WHERE t.id = ? AND t.status = 'open'",
        [status, result, at, false, key],
      );
      return;
    }
    await sql.execute("UPDATE bf_flow_task SET status = ?, result = ?, closed_at = ? WHERE id = ? AND status = 'open'", [status, result, at, key]);
    await sql.execute('UPDATE bf_flow_task_assignee SET is_open = ? WHERE task_pk = ?', [false, key]);
  },

  /** Has this user ever been asked to act on the case? */
  async wasAssignee(sql: SqlExecutor, instanceId: string, userId: string): Promise<boolean> {
    const rows = await sql.rows(
      'SELECT 1 AS seen FROM bf_flow_task_assignee a JOIN bf_flow_task t ON t.id = a.task_pk WHERE a.user_id = ? AND t.instance_id = ? LIMIT 1',
      [userId, instanceId],
    );
    return rows.length > 0;
  },

  /** A case of the flow on the record that blocks another: one still running, or one that approved it. */
  /**
   * What a start asks before it runs, in one round trip: the case of the flow on the record that
   * blocks another (one still running, or one that approved it; none asked without a record), and
   * the directory's stamp.
   */
  async startCheck(sql: SqlExecutor, flowKey: string, entityKey: string | undefined, recordId: string | null): Promise<{ blocking?: { id: string; status: string }; directoryStamp: number }> {
    const blocking = (column: string): string =>
      `(SELECT ${column} FROM bf_flow_instance WHERE entity_key = ? AND record_id = ? AND flow_key = ? AND (status = 'running' OR (status = 'completed' AND outcome = 'approved')) ORDER BY status DESC LIMIT 1)`;
    const key = [entityKey ?? null, recordId, flowKey];
    const [row] = await sql.rows<{ directory_stamp: number | string | null; blocking_id: string | null; blocking_status: string | null }>(
      `SELECT (SELECT version FROM bf_directory_stamp WHERE id = 1) AS directory_stamp, ${blocking('id')} AS blocking_id, ${blocking('status')} AS blocking_status`,
      [...key, ...key],
    );
    const found = row?.blocking_id && row.blocking_status ? { id: row.blocking_id, status: row.blocking_status } : undefined;
    return { ...(found ? { blocking: found } : {}), directoryStamp: Number(row?.directory_stamp ?? 0) };
  },
};
