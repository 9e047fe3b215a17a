import { Inject, Injectable } from '@nestjs/common';
import type { AutomationStepLog } from '@bankforge/client';
import { toStoredDatetime } from '@bankforge/data-model';
import type { AutomationDefinition } from '@bankforge/flow-engine';
import { positiveInteger } from '../../platform/config/server-config.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database } from '../../platform/database/database.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { AutomationActions } from './automation-actions.js';
import { failureSaid, retriesExhausted } from './automation-failures.js';
import { RUN_COLUMNS, type RunRow } from './automation-run-store.js';
import type { RunContext } from './automation-scope.js';
import { stepSaid, type Said } from './automation-step-messages.js';

/** How long a claimed run is this replica's: longer than its actions may take (a connector's retries). */
const LEASE_SECONDS = 120;
const BATCH = 10;
const DEFAULT_POLL_MS = 1000;
/** Finished runs stay listed this long (`BANKFORGE_AUTOMATION_RETENTION_DAYS`), then are deleted. */
const DEFAULT_RETENTION_DAYS = 30;
/** How long a paused automation's due run waits before it is looked at again. */
const PAUSED_RECHECK_SECONDS = 60;
/** Attempts of one action before the run fails. */
export const AUTOMATION_MAX_ATTEMPTS = 3;

/** Seconds before attempt `n + 1` of an action that failed `n` times: 30 s, then 2 min. */
export function automationRetryDelaySeconds(failures: number): number {
  return 30 * 4 ** (failures - 1);
}

/**
 * Runs the queued automation runs: claimed with leases (`LeasedQueue`: several replicas cooperate;
 * a run whose replica died is claimed again after its lease), each action in order
 * through `AutomationActions`, its progress saved after each one. A wait leaves the run waiting
 * until its due time; a condition that fails stops it; a throw is tried again with backoff, and
 * after `AUTOMATION_MAX_ATTEMPTS` the run fails with a short reason (a code and values, and English).
 */
@Injectable()
export class AutomationRunner extends LeasedQueueWorker<RunRow> {
  readonly retentionDays: number;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(AutomationActions) private readonly actions: AutomationActions,
  ) {
    const retentionDays = positiveInteger('BANKFORGE_AUTOMATION_RETENTION_DAYS', process.env.BANKFORGE_AUTOMATION_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS;
    super(
      database,
      {
        table: 'bf_automation_run',
        key: 'id',
        // Queued, retrying, waiting, or running on a replica whose lease ran out.
        waiting: { column: 'status', values: ['pending', 'waiting', 'running'] },
        due: 'due_at',
        columns: RUN_COLUMNS.split(', '),
        order: ['due_at'],
        batch: BATCH,
        leaseSeconds: LEASE_SECONDS,
        // A run's attempts count its current action's failures, not its claims.
        countsAttempts: false,
        onClaim: () => "status = 'running'",
        retry: { maxAttempts: AUTOMATION_MAX_ATTEMPTS, delaySeconds: automationRetryDelaySeconds },
        purge: { finished: "status IN ('succeeded', 'stopped', 'failed')", olderThan: 'updated_at', retentionDays },
      },
      { env: 'BANKFORGE_AUTOMATION_POLL_MS', defaultMs: DEFAULT_POLL_MS },
    );
    this.retentionDays = retentionDays;
  }

  /** Runs what is due now, batch after batch; answers how many runs were taken up. */
  runDue(): Promise<number> {
    return this.queue.drain();
  }

  protected async nextBatch(): Promise<number | undefined> {
    const claimed = await this.queue.claim();
    if (claimed.length === 0) return undefined;
    for (const run of claimed) await this.run(run);
    return claimed.length;
  }

  /** Deletes succeeded, stopped and failed runs last changed before the retention period; answers how many. */
  purgeFinished(now: number = Date.now()): Promise<number> {
    return this.queue.purge(now);
  }

  private async run(row: RunRow): Promise<unknown> {
    const automation = await this.published.version<AutomationDefinition>('automation', row.automation_key, Number(row.version));
    const steps = JSON.parse(row.steps) as AutomationStepLog[];
    const context = JSON.parse(row.context) as RunContext;
    if (!automation) {
      const error = stepSaid('automationNotPublished', { automation: row.automation_key, version: Number(row.version) });
      return this.settle(row.id, { status: 'failed', step: Number(row.step), attempts: Number(row.attempts), steps, context, error });
    }
    // An administrator's pause (the latest version `enabled: false`) holds queued and waiting runs too: looked at again in a minute.
    const latest = (await this.published.latest<AutomationDefinition>('automation')).get(row.automation_key);
    if (latest?.document.enabled === false) {
      const status = Number(row.step) === 0 && steps.length === 0 ? 'pending' : 'waiting';
      return this.settle(row.id, { status, step: Number(row.step), attempts: Number(row.attempts), steps, context, error: { kept: row }, dueInSeconds: PAUSED_RECHECK_SECONDS });
    }
    const run = { id: row.id, automation: row.automation_key, entity: row.entity, recordId: row.record_id, context };
    let attempts = Number(row.attempts);
    for (let step = Number(row.step); step < automation.actions.length; step++) {
      const action = automation.actions[step]!;
      let outcome;
      try {
        outcome = await this.actions.perform(action, run, true);
      } catch (error) {
        const reason = failureSaid(error);
        attempts += 1;
        const wait = this.queue.retryDelay(attempts);
        if (wait !== undefined) return this.settle(row.id, { status: 'pending', step, attempts, steps, context, error: reason, dueInSeconds: wait });
        steps.push({ actionId: action.id, status: 'failed', at: new Date().toISOString(), ...reason });
        return this.settle(row.id, { status: 'failed', step, attempts, steps, context, error: retriesExhausted(attempts, reason) });
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
    state: { status: RunRow['status']; step: number; attempts: number; steps: AutomationStepLog[]; context: RunContext; error: Said | { kept: RunRow } | null; dueAt?: string; dueInSeconds?: number },
  ): Promise<boolean> {
    // A run going on keeps its lease for the next action; any other state hands it back.
    const keep = state.status === 'running';
    // A paused run keeps the error it had, in the words it was stored in (English only, on a run from before codes).
    const [error, errorMessage] = state.error === null ? [null, null] : 'kept' in state.error ? [state.error.kept.error, state.error.kept.error_message] : [state.error.detail, JSON.stringify(state.error.message)];
    return this.database.single(async (sql) => {
      const changed = await this.queue.change(sql, [id], {
        set: `status = ?, step = ?, attempts = ?, steps = ?, context = ?, error = ?, error_message = ?, updated_at = ${databaseNow(sql)}${state.dueAt !== undefined ? ', due_at = ?' : ''}`,
        params: [
          state.status,
          state.step,
          state.attempts,
          JSON.stringify(state.steps),
          JSON.stringify(state.context),
          error,
          errorMessage,
          ...(state.dueAt !== undefined ? [toStoredDatetime(state.dueAt)] : []),
        ],
        ...(state.dueInSeconds !== undefined ? { dueInSeconds: state.dueInSeconds } : {}),
        lease: keep ? { renewSeconds: LEASE_SECONDS } : 'release',
        while: { leasedTo: this.owner },
      });
      return changed > 0;
    });
  }
}
