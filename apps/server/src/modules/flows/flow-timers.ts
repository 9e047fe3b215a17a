import { Inject, Injectable } from '@nestjs/common';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { changeQueued, type LeasedTable } from '../../platform/leases/leased-queue.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { FlowRunner, type CaseCommandRun } from './flow-runner.js';

/** How long a claimed timer is this replica's: after it, another replica may fire it. */
const LEASE_SECONDS = 60;
/** After a failed firing, the wait before any replica tries the timer again. */
const RETRY_SECONDS = 2;
const BATCH = 50;
const DEFAULT_POLL_MS = 5000;
/**
 * Timers fired at once by one replica on MySQL/MariaDB (each in its own transaction, on its own
 * case; the audit chain's head is the one row they queue on). SQLite runs one transaction at a time.
 */
const MYSQL_CONCURRENCY = 4;
/** Timers fired in one transaction. */
const GROUP = 10;

/** The timers as a leased table: a timer waits while scheduled. */
const TIMER_TABLE: LeasedTable = { table: 'bf_flow_timer', key: 'id', waiting: { column: 'state', values: ['scheduled'] }, due: 'due_at' };

interface ClaimedTimer {
  id: string;
  instance_id: string;
  timer_id: string;
  flow_key: string;
  flow_version: number;
}

/**
 * Durable timers (SLA timeouts, reminders, timer steps), fired exactly once across replicas: a
 * replica claims due timers with a lease (`LeasedQueue`), and fires each with the timer's id as the command id. A second firing (a race, or a replica that died mid-fire
 * and whose lease ran out) finds the command already in the case's history and changes nothing.
 */
@Injectable()
export class FlowTimers extends LeasedQueueWorker<Omit<ClaimedTimer, 'flow_key' | 'flow_version'>> {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
  ) {
    super(
      database,
      { ...TIMER_TABLE, columns: ['id', 'instance_id', 'timer_id'], order: ['due_at'], batch: BATCH, leaseSeconds: LEASE_SECONDS, countsAttempts: true },
      { env: 'BANKFORGE_FLOW_TIMER_POLL_MS', defaultMs: DEFAULT_POLL_MS },
    );
  }

  /** Claims and fires the timers due now, batch after batch; answers how many fired. */
  fireDue(): Promise<number> {
    return this.queue.drain();
  }

  /** One claimed batch, fired in groups by a few workers; undefined when nothing was due. */
  protected async nextBatch(): Promise<number | undefined> {
    const claimed = await this.claim();
    if (claimed.length === 0) return undefined;
    let fired = 0;
    const groups: ClaimedTimer[][] = [];
    for (let i = 0; i < claimed.length; i += GROUP) groups.push(claimed.slice(i, i + GROUP));
    const worker = async (): Promise<void> => {
      for (let group = groups.shift(); group; group = groups.shift()) fired += await this.fireGroup(group);
    };
    const workers = this.database.dialect === 'mysql' ? MYSQL_CONCURRENCY : 1;
    await Promise.all(Array.from({ length: Math.min(workers, groups.length) }, worker));
    return fired;
  }

  /** Leases a batch of due timers to this replica, with the flow version of each one's case. */
  private async claim(): Promise<ClaimedTimer[]> {
    return this.database.transaction(async (sql) => {
      const timers = await this.queue.claimIn(sql);
      if (timers.length === 0) return [];
      const flows = await sql.rows<{ id: string; flow_key: string; flow_version: number }>(
        `SELECT id, flow_key, flow_version FROM bf_flow_instance WHERE id IN (${timers.map(() => '?').join(', ')})`,
        [...new Set(timers.map((t) => t.instance_id))],
      );
      const byInstance = new Map(flows.map((f) => [f.id, f]));
      const orphans = timers.filter((t) => !byInstance.has(t.instance_id));
      // A timer whose case is gone has nothing left to do.
      await changeQueued(sql, TIMER_TABLE, orphans.map((t) => t.id), { set: "state = 'fired', last_error = 'caseNotFound'", lease: 'keep', while: 'waiting' });
      return timers.flatMap((t) => {
        const flow = byInstance.get(t.instance_id);
        return flow ? [{ ...t, flow_key: flow.flow_key, flow_version: Number(flow.flow_version) }] : [];
      });
    });
  }

  /**
   * Fires a group of timers in one transaction (one commit, where a commit each would make the disk
   * the limit); when one of them is refused or races, each is fired on its own. Answers how many fired.
   */
  private async fireGroup(timers: readonly ClaimedTimer[]): Promise<number> {
    if (timers.length > 1) {
      try {
        const outcomes = await this.runner.runAll(timers.map((timer) => firing(timer)), SYSTEM_ACTOR);
        const repeated = timers.filter((_, i) => outcomes[i]!.duplicate);
        if (repeated.length > 0) {
          await this.database.transaction(async (sql) => {
            for (const timer of repeated) await markFired(sql, timer, null);
          });
        }
        return outcomes.filter((o) => !o.duplicate).length;
      } catch {
        // Nothing of the group landed: each on its own, with its own outcome.
      }
    }
    let fired = 0;
    for (const timer of timers) if (await this.fire(timer)) fired++;
    return fired;
  }

  /** Fires one claimed timer; the timer is marked fired in the command's own transaction. */
  private async fire(timer: ClaimedTimer): Promise<boolean> {
    try {
      const { instanceId, commandId, commandOf, options } = firing(timer);
      const outcome = await this.runner.run(instanceId, commandId, commandOf, SYSTEM_ACTOR, options);
      if (outcome.duplicate) await this.database.transaction((sql) => markFired(sql, timer, null));
      return !outcome.duplicate;
    } catch (error) {
      // A case that ended, or a timer the case no longer has: the timer has nothing left to do.
      if (error instanceof ProblemError && (error.status === 404 || error.status === 409) && error.code !== 'staleCase') {
        await this.database.transaction((sql) => markFired(sql, timer, error.code));
        return false;
      }
      // Anything else (a race, the database busy past its retries): tried again shortly, not after the whole lease.
      await this.database.transaction((sql) => this.queue.change(sql, [timer.id], { lease: { renewSeconds: RETRY_SECONDS }, while: { leasedTo: this.owner } })).catch(() => undefined);
      return false;
    }
  }
}

/** The timer's firing as a case command: the timer's id is the command's, and the timer is marked fired in its transaction. */
function firing(timer: ClaimedTimer): CaseCommandRun {
  const commandId = `timer:${timer.id}`;
  return {
    instanceId: timer.instance_id,
    commandId,
    commandOf: () => ({ type: 'timerFired', commandId, timerId: timer.timer_id }),
    options: {
      sideWork: async (sql) => void (await markFired(sql, timer, null)),
      known: { flowKey: timer.flow_key, flowVersion: timer.flow_version },
    },
  };
}

function markFired(sql: SqlExecutor, timer: ClaimedTimer, error: string | null): Promise<number> {
  return changeQueued(sql, TIMER_TABLE, [timer.id], { set: `state = 'fired', fired_at = ${databaseNow(sql)}, last_error = ?`, params: [error], lease: 'keep', while: 'waiting' });
}
