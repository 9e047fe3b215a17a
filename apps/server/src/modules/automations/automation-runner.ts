import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AutomationStepLog } from '@bankforge/client';
import { toStoredDatetime } from '@bankforge/data-model';
import type { AutomationDefinition } from '@bankforge/flow-engine';
import { positiveInteger } from '../../platform/config/server-config.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { LeasePoller } from '../../platform/leases/lease-poller.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { AutomationActions, failureReason } from './automation-actions.js';
import { RUN_COLUMNS, type RunRow } from './automation-run-store.js';
import type { RunContext } from './automation-scope.js';

/** How long a claimed run is this replica's: longer than its actions may take (a connector's retries). */
const LEASE_SECONDS = 120;
const BATCH = 10;
const DEFAULT_POLL_MS = 1000;
/** Finished runs stay listed this long (`BANKFORGE_AUTOMATION_RETENTION_DAYS`), then are deleted. */
const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Rows deleted per statement: a large purge never holds its locks for long. */
const PURGE_BATCH = 1000;
/** How long a paused automation's due run waits before it is looked at again. */
const PAUSED_RECHECK_SECONDS = 60;
/** Attempts of one action before the run fails. */
export const AUTOMATION_MAX_ATTEMPTS = 3;

/** Seconds before attempt `n + 1` of an action that failed `n` times: 30 s, then 2 min. */
export function automationRetryDelaySeconds(failures: number): number {
  return 30 * 4 ** (failures - 1);
}

/**
 * Runs the queued automation runs: claimed with leases on the database's clock (several replicas
 * cooperate; a run whose replica died is claimed again after its lease), each action in order
 * through `AutomationActions`, its progress saved after each one. A wait leaves the run waiting
 * until its due time; a condition that fails stops it; a throw is tried again with backoff, and
 * after `AUTOMATION_MAX_ATTEMPTS` the run fails with a short reason.
 */
@Injectable()
export class AutomationRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller = new LeasePoller(() => this.runBatch());
  readonly owner = this.poller.owner;
  readonly retentionDays = positiveInteger('BANKFORGE_AUTOMATION_RETENTION_DAYS', process.env.BANKFORGE_AUTOMATION_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
  private purgedAt = 0;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(AutomationActions) private readonly actions: AutomationActions,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(Number(process.env.BANKFORGE_AUTOMATION_POLL_MS ?? DEFAULT_POLL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Runs what is due now, batch after batch; answers how many runs were taken up. */
  runDue(): Promise<number> {
    return this.poller.drain();
  }

  private async runBatch(): Promise<number | undefined> {
    const claimed = await this.claim();
    if (claimed.length === 0) {
      if (Date.now() - this.purgedAt >= PURGE_EVERY_MS) {
        this.purgedAt = Date.now();
        await this.purgeFinished();
      }
      return undefined;
    }
    for (const run of claimed) await this.run(run);
    return claimed.length;
  }

  /** Deletes succeeded, stopped and failed runs last changed before the retention period; answers how many. */
  async purgeFinished(now: number = Date.now()): Promise<number> {
    const cutoff = toStoredDatetime(new Date(now - this.retentionDays * DAY_MS).toISOString());
    const finished = "status IN ('succeeded', 'stopped', 'failed') AND updated_at < ?";
    // MySQL deletes with a limit; SQLite (without that build option) through the primary key.
    const statement =
      this.database.dialect === 'mysql'
        ? `DELETE FROM bf_automation_run WHERE ${finished} LIMIT ${PURGE_BATCH}`
        : `DELETE FROM bf_automation_run WHERE id IN (SELECT id FROM bf_automation_run WHERE ${finished} LIMIT ${PURGE_BATCH})`;
    let purged = 0;
    for (;;) {
      const deleted = await this.database.single((sql) => sql.execute(statement, [cutoff]));
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  /** Due runs (queued, retrying, waiting, or running on a replica whose lease ran out), leased to this replica. */
  private async claim(): Promise<RunRow[]> {
    const due = (sql: SqlExecutor): string => {
      const now = databaseNow(sql);
      return `r.status IN ('pending', 'waiting', 'running') AND r.due_at <= ${now} AND (r.lease_until IS NULL OR r.lease_until < ${now})`;
    };
    const lease = (sql: SqlExecutor): string => `status = 'running', lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}`;
    if (this.database.dialect === 'sqlite') {
      return this.database.transaction((sql) =>
        sql.rows<RunRow>(
          `UPDATE bf_automation_run SET ${lease(sql)} WHERE id IN (SELECT r.id FROM bf_automation_run r WHERE ${due(sql)} ORDER BY r.due_at LIMIT ${BATCH}) RETURNING ${RUN_COLUMNS}`,
          [this.owner],
        ),
      );
    }
    return this.database.transaction(async (sql) => {
      const rows = await sql.rows<RunRow>(`SELECT ${RUN_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')} FROM bf_automation_run r WHERE ${due(sql)} ORDER BY r.due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      if (rows.length > 0) await sql.execute(`UPDATE bf_automation_run SET ${lease(sql)} WHERE id IN (${rows.map(() => '?').join(', ')})`, [this.owner, ...rows.map((r) => r.id)]);
      return rows;
    });
  }

  private async run(row: RunRow): Promise<unknown> {
    const automation = await this.published.version<AutomationDefinition>('automation', row.automation_key, Number(row.version));
    const steps = JSON.parse(row.steps) as AutomationStepLog[];
    const context = JSON.parse(row.context) as RunContext;
    if (!automation) return this.settle(row.id, { status: 'failed', step: Number(row.step), attempts: Number(row.attempts), steps, context, error: `automation ${row.automation_key} version ${row.version} is not published` });
    // An administrator's pause (the latest version `enabled: false`) holds queued and waiting runs too: looked at again in a minute.
    const latest = (await this.published.latest<AutomationDefinition>('automation')).get(row.automation_key);
    if (latest?.document.enabled === false) {
      const status = Number(row.step) === 0 && steps.length === 0 ? 'pending' : 'waiting';
      return this.settle(row.id, { status, step: Number(row.step), attempts: Number(row.attempts), steps, context, error: row.error, dueInSeconds: PAUSED_RECHECK_SECONDS });
    }
    const run = { id: row.id, automation: row.automation_key, entity: row.entity, recordId: row.record_id, context };
    let attempts = Number(row.attempts);
    for (let step = Number(row.step); step < automation.actions.length; step++) {
      const action = automation.actions[step]!;
      let outcome;
      try {
        outcome = await this.actions.perform(action, run, true);
      } catch (error) {
        const reason = failureReason(error);
        attempts += 1;
        if (attempts < AUTOMATION_MAX_ATTEMPTS) return this.settle(row.id, { status: 'pending', step, attempts, steps, context, error: reason, dueInSeconds: automationRetryDelaySeconds(attempts) });
        steps.push({ actionId: action.id, status: 'failed', at: new Date().toISOString(), detail: reason });
        return this.settle(row.id, { status: 'failed', step, attempts, steps, context, error: reason });
      }
      attempts = 0;
      steps.push({ actionId: action.id, status: outcome.status, at: new Date().toISOString(), detail: outcome.detail, message: outcome.message });
      if (action.as !== undefined && outcome.result !== undefined) context.results[action.as] = outcome.result;
      if (outcome.status === 'stopped') return this.settle(row.id, { status: 'stopped', step: step + 1, attempts, steps, context, error: null });
      if (outcome.status === 'waiting') return this.settle(row.id, { status: 'waiting', step: step + 1, attempts, steps, context, error: null, dueAt: outcome.dueAt });
      // Progress is kept after each action: a replica that dies goes on from the next one.
      if (!(await this.settle(row.id, { status: 'running', step: step + 1, attempts, steps, context, error: null }))) return;
    }
    await this.settle(row.id, { status: 'succeeded', step: automation.actions.length, attempts, steps, context, error: null });
  }

  /** Saves a run's progress while this replica holds its lease; answers whether it did. */
  private async settle(
    id: string,
    state: { status: RunRow['status']; step: number; attempts: number; steps: AutomationStepLog[]; context: RunContext; error: string | null; dueAt?: string; dueInSeconds?: number },
  ): Promise<boolean> {
    // A run going on keeps its lease for the next action; any other state hands it back.
    const keep = state.status === 'running';
    return this.database.single(async (sql) => {
      const due = state.dueAt !== undefined ? '?' : state.dueInSeconds !== undefined ? databaseNow(sql, state.dueInSeconds) : 'due_at';
      const changed = await sql.execute(
        `UPDATE bf_automation_run SET status = ?, step = ?, attempts = ?, steps = ?, context = ?, error = ?, due_at = ${due}, updated_at = ${databaseNow(sql)}, ${keep ? `lease_until = ${databaseNow(sql, LEASE_SECONDS)}` : 'lease_owner = NULL, lease_until = NULL'}
         WHERE id = ? AND lease_owner = ?`,
        [
          state.status,
          state.step,
          state.attempts,
          JSON.stringify(state.steps),
          JSON.stringify(state.context),
          state.error,
          ...(state.dueAt !== undefined ? [toStoredDatetime(state.dueAt)] : []),
          id,
          this.owner,
        ],
      );
      return changed > 0;
    });
  }
}
