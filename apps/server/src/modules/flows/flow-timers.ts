import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { LeasePoller } from '../../platform/leases/lease-poller.js';
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

interface ClaimedTimer {
  id: string;
  instance_id: string;
  timer_id: string;
  flow_key: string;
  flow_version: number;
}

/**
 * Durable timers (SLA timeouts, reminders, timer steps), fired exactly once across replicas: a
 * replica claims due timers with a lease, on the database's clock (MySQL/MariaDB: `FOR UPDATE SKIP
 * LOCKED`, so replicas never wait on each other; SQLite: one `UPDATE … RETURNING`), and fires each
 * with the timer's id as the command id. A second firing (a race, or a replica that died mid-fire
 * and whose lease ran out) finds the command already in the case's history and changes nothing.
 */
@Injectable()
export class FlowTimers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller = new LeasePoller(() => this.fireBatch());
  /** This replica's name on its leases. */
  readonly owner = this.poller.owner;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.poller.start(Number(process.env.BANKFORGE_FLOW_TIMER_POLL_MS ?? DEFAULT_POLL_MS));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Claims and fires the timers due now, batch after batch; answers how many fired. */
  fireDue(): Promise<number> {
    return this.poller.drain();
  }

  /** One claimed batch, fired in groups by a few workers; undefined when nothing was due. */
  private async fireBatch(): Promise<number | undefined> {
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
      const timers = await this.lease(sql);
      if (timers.length === 0) return [];
      const flows = await sql.rows<{ id: string; flow_key: string; flow_version: number }>(
        `SELECT id, flow_key, flow_version FROM bf_flow_instance WHERE id IN (${timers.map(() => '?').join(', ')})`,
        [...new Set(timers.map((t) => t.instance_id))],
      );
      const byInstance = new Map(flows.map((f) => [f.id, f]));
      const orphans = timers.filter((t) => !byInstance.has(t.instance_id));
      // A timer whose case is gone has nothing left to do.
      if (orphans.length > 0) await sql.execute(`UPDATE bf_flow_timer SET state = 'fired', last_error = 'caseNotFound' WHERE id IN (${orphans.map(() => '?').join(', ')})`, orphans.map((t) => t.id));
      return timers.flatMap((t) => {
        const flow = byInstance.get(t.instance_id);
        return flow ? [{ ...t, flow_key: flow.flow_key, flow_version: Number(flow.flow_version) }] : [];
      });
    });
  }

  private async lease(sql: SqlExecutor): Promise<Omit<ClaimedTimer, 'flow_key' | 'flow_version'>[]> {
    if (this.database.dialect === 'sqlite') {
      return sql.rows(
        `UPDATE bf_flow_timer SET lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}, attempts = attempts + 1
          WHERE id IN (SELECT id FROM bf_flow_timer WHERE state = 'scheduled' AND due_at <= ${databaseNow(sql)}
                         AND (lease_until IS NULL OR lease_until < ${databaseNow(sql)}) ORDER BY due_at LIMIT ${BATCH})
          RETURNING id, instance_id, timer_id`,
        [this.owner],
      );
    }
    const rows = await sql.rows<Omit<ClaimedTimer, 'flow_key' | 'flow_version'>>(
      `SELECT id, instance_id, timer_id FROM bf_flow_timer
        WHERE state = 'scheduled' AND due_at <= ${databaseNow(sql)} AND (lease_until IS NULL OR lease_until < ${databaseNow(sql)})
        ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    );
    if (rows.length > 0) {
      await sql.execute(
        `UPDATE bf_flow_timer SET lease_owner = ?, lease_until = ${databaseNow(sql, LEASE_SECONDS)}, attempts = attempts + 1 WHERE id IN (${rows.map(() => '?').join(', ')})`,
        [this.owner, ...rows.map((r) => r.id)],
      );
    }
    return rows;
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
      await this.database
        .transaction((sql) => sql.execute(`UPDATE bf_flow_timer SET lease_until = ${databaseNow(sql, RETRY_SECONDS)} WHERE id = ? AND lease_owner = ? AND state = 'scheduled'`, [timer.id, this.owner]))
        .catch(() => undefined);
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
  return sql.execute(`UPDATE bf_flow_timer SET state = 'fired', fired_at = ${databaseNow(sql)}, last_error = ? WHERE id = ? AND state = 'scheduled'`, [error, timer.id]);
}
