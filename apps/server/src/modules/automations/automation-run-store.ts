import { fromStoredDatetime } from '@bankforge/data-model';
import type { AutomationRunStatus, AutomationRunSummary, AutomationStepLog, AutomationStepMessage } from '@bankforge/client';
import { databaseNow } from '../../platform/database/database-clock.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { RunContext } from './automation-scope.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

export interface RunRow {
  id: string;
  automation_key: string;
  version: number | string;
  trigger_type: string;
  trigger_key: string;
  entity: string | null;
  record_id: string | null;
  status: AutomationRunStatus;
  step: number | string;
  attempts: number | string;
  due_at: string | null;
  context: string;
  steps: string;
  error: string | null;
  /** `error` as JSON `{ code, params }`; null on runs failed before codes. */
  error_message: string | null;
  replay_of: string | null;
  created_at: string;
  updated_at: string;
}

/** A run about to be queued. */
export interface NewRun {
  automation: string;
  version: number;
  trigger: string;
  /** Unique per automation: a trigger heard twice queues one run. */
  triggerKey: string;
  entity: string | null;
  recordId: string | null;
  context: RunContext;
  replayOf?: string;
}

export const RUN_COLUMNS = 'id, automation_key, version, trigger_type, trigger_key, entity, record_id, status, step, attempts, due_at, context, steps, error, replay_of, created_at, updated_at, error_message';

const instant = (stored: string | null): string | null => (stored === null ? null : fromStoredDatetime(String(stored)));

export function runSummary(row: RunRow): AutomationRunSummary {
  return {
    id: row.id,
    automation: row.automation_key,
    version: Number(row.version),
    status: row.status,
    trigger: row.trigger_type,
    entity: row.entity,
    recordId: row.record_id,
    step: Number(row.step),
    attempts: Number(row.attempts),
    dueAt: row.status === 'waiting' || row.status === 'pending' ? instant(row.due_at) : null,
    error: row.error,
    errorMessage: row.error_message ? (JSON.parse(row.error_message) as AutomationStepMessage) : null,
    steps: JSON.parse(row.steps) as AutomationStepLog[],
    replayOf: row.replay_of,
    createdAt: instant(row.created_at)!,
    updatedAt: instant(row.updated_at)!,
  };
}

export const AutomationRuns = {
  /** Queues a run, due now; a repeat of its trigger key changes nothing. Answers its id, or undefined for a repeat. */
  async insert(sql: SqlExecutor, run: NewRun): Promise<string | undefined> {
    const id = timeOrderedId();
    const now = databaseNow(sql);
    const onRepeat = sql.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT (automation_key, trigger_key) DO NOTHING';
    await sql.execute(
      `INSERT INTO bf_automation_run (${RUN_COLUMNS}, lease_owner, lease_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, 0, ${now}, ?, '[]', NULL, ?, ${now}, ${now}, NULL, NULL, NULL) ${onRepeat}`,
      [id, run.automation, run.version, run.trigger.slice(0, 80), run.triggerKey.slice(0, 160), run.entity, run.recordId, JSON.stringify(run.context), run.replayOf ?? null],
    );
    const [row] = await sql.rows<{ id: string }>('SELECT id FROM bf_automation_run WHERE automation_key = ? AND trigger_key = ?', [run.automation, run.triggerKey.slice(0, 160)]);
    return row?.id === id ? id : undefined;
  },

  async read(sql: SqlExecutor, id: string): Promise<RunRow | undefined> {
    const [row] = await sql.rows<RunRow>(`SELECT ${RUN_COLUMNS} FROM bf_automation_run WHERE id = ?`, [id]);
    return row;
  },

  async list(sql: SqlExecutor, automation: string, status: AutomationRunStatus | undefined, limit: number): Promise<RunRow[]> {
    return sql.rows<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM bf_automation_run WHERE automation_key = ?${status ? ' AND status = ?' : ''} ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
      status ? [automation, status] : [automation],
    );
  },
};
