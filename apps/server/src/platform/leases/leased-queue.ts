import { toStoredDatetime } from '@bankforge/data-model';
import type { Dialect } from '../config/server-config.js';
import { databaseNow } from '../database/database-clock.js';
import type { Database, SqlExecutor, SqlValue } from '../database/database.js';
import { LeasePoller } from './lease-poller.js';

/**
 * A table of work that replicas claim with leases (the flows' outbox and timers, the domain events,
 * the webhook deliveries, the automation runs). Each row has a primary key, a state, a due time and
 * the lease columns `lease_owner` and `lease_until`; `attempts` too when claims count attempts.
 */
export interface LeasedTable {
  table: string;
  /** The primary key column. */
  key: string;
  /** The state column and its values while the work waits to be done (claimed or not). */
  waiting: { column: string; values: readonly string[] };
  /** When the work is next due, on the database's clock. */
  due: string;
}

/** How a replica claims from a leased table. */
export interface LeasedQueueSpec extends LeasedTable {
  /** The columns a claim answers. */
  columns: readonly string[];
  /** The claim's order: the due column first, then any tie-break. */
  order: readonly string[];
  /**
   * Work handed out in turn per group (a case's outbox entries, a record's events): only the first
   * waiting row of each group, by `position`, is claimed, so a batch holds one row a group.
   */
  inTurn?: { group: readonly string[]; position: readonly string[] };
  batch: number;
  leaseSeconds: number;
  /** A claim counts an attempt (`attempts + 1`, answered as the claimed row's `attempts`). */
  countsAttempts: boolean;
  /** Assignments a claim makes besides the lease's (a run marked running, a send's time). */
  onClaim?: (on: { readonly dialect: Dialect }) => string;
  /** Tried again after a failure with a growing wait, up to `maxAttempts` in all. */
  retry?: { maxAttempts: number; delaySeconds: (attempts: number) => number };
  /** Finished rows deleted once `olderThan` is older than the retention (tried once an hour, when nothing is due). */
  purge?: { finished: string; olderThan: string; retentionDays: number };
}

/** A change of claimed or waiting rows. */
export interface QueuedChange {
  /** Assignments besides the due time's and the lease's; its `?` are bound to `params`. */
  set?: string;
  params?: readonly SqlValue[];
  /** Due again this many seconds from now. */
  dueInSeconds?: number;
  /** keep: as it is; release: nobody's; renew: this replica's for another `seconds`. */
  lease: 'keep' | 'release' | { renewSeconds: number };
  /**
   * Which rows change: still waiting (a slower replica's settlement of the same work then changes
   * nothing); still waiting and nobody's (no lease, or one that ran out: work settled without a
   * claim); or still waiting and leased to this replica (`owner`).
   */
  while: 'waiting' | 'unleased' | { leasedTo: string };
}

/** The claim filter's columns and the claimable rows' alias. */
const Q = 'q';
const PURGE_EVERY_MS = 3_600_000;
/** Rows deleted per statement: a large purge never holds its locks for long. */
const PURGE_BATCH = 1000;
const DAY_MS = 86_400_000;

const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const marks = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

function waitingIn(table: LeasedTable, alias: string): string {
  const { column, values } = table.waiting;
  return values.length === 1 ? `${alias}${column} = ${literal(values[0]!)}` : `${alias}${column} IN (${values.map(literal).join(', ')})`;
}

/** Nobody's lease holds the row: none, or one that ran out by `now`. */
const unleasedIn = (alias: string, now: string): string => `(${alias}lease_until IS NULL OR ${alias}lease_until < ${now})`;

/**
 * Changes rows of a leased table by key, in the caller's transaction; answers how many changed.
 * What was settled by another replica, or (`leasedTo`) leased to one since, is left as it is.
 */
export async function changeQueued(sql: SqlExecutor, table: LeasedTable, keys: readonly SqlValue[], change: QueuedChange): Promise<number> {
  if (keys.length === 0) return 0;
  const assignments = [
    ...(change.set ? [change.set] : []),
    ...(change.dueInSeconds !== undefined ? [`${table.due} = ${databaseNow(sql, change.dueInSeconds)}`] : []),
    ...(change.lease === 'release' ? ['lease_owner = NULL, lease_until = NULL'] : change.lease === 'keep' ? [] : [`lease_until = ${databaseNow(sql, change.lease.renewSeconds)}`]),
  ];
  const leased = typeof change.while === 'object' ? [change.while.leasedTo] : [];
  const lease = leased.length > 0 ? ' AND lease_owner = ?' : change.while === 'unleased' ? ` AND ${unleasedIn('', databaseNow(sql))}` : '';
  return sql.execute(`UPDATE ${table.table} SET ${assignments.join(', ')} WHERE ${table.key} IN (${marks(keys)}) AND ${waitingIn(table, '')}${lease}`, [
    ...(change.params ?? []),
    ...keys,
    ...leased,
  ]);
}

/**
 * One replica's side of a leased table: claims due rows with a lease on the database's clock
 * (MySQL/MariaDB: `FOR UPDATE SKIP LOCKED`, so replicas never wait on each other; SQLite: one
 * `UPDATE … RETURNING` in its write transaction), and drains them batch after batch through `work`.
 * Work whose replica died is claimed again when its lease runs out: it is done at least once.
 */
export class LeasedQueue<Row extends object> {
  private readonly poller: LeasePoller;
  /** This replica's name on its leases. */
  readonly owner: string;
  private purgedAt = 0;

  /** `work` claims and handles one batch: how many it handled, or undefined when nothing was due. */
  constructor(
    private readonly database: Database,
    readonly spec: LeasedQueueSpec,
    work: () => Promise<number | undefined>,
  ) {
    this.poller = new LeasePoller(async () => {
      const handled = await work();
      if (handled === undefined && this.spec.purge && Date.now() - this.purgedAt >= PURGE_EVERY_MS) {
        this.purgedAt = Date.now();
        await this.purge();
      }
      return handled;
    });
    this.owner = this.poller.owner;
  }

  /** Polls every `pollMs` (0 or less: never; tests drain by hand). */
  start(pollMs: number): void {
    this.poller.start(pollMs);
  }

  /** Finishes the batch in hand and claims no more. */
  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Drains what is due now; answers how many were handled. */
  drain(): Promise<number> {
    return this.poller.drain();
  }

  /** Claims up to a batch of due rows in a transaction of its own (`only`: of those whose column holds one of the values). */
  claim(only?: { column: string; values: readonly SqlValue[] }): Promise<Row[]> {
    return this.database.transaction((sql) => this.claimIn(sql, only));
  }

  /** Claims in the caller's transaction, which holds the claimed rows' locks until it ends. */
  async claimIn(sql: SqlExecutor, only?: { column: string; values: readonly SqlValue[] }): Promise<Row[]> {
    const { table, key, columns, countsAttempts } = this.spec;
    const lease = [`lease_owner = ?, lease_until = ${databaseNow(sql, this.spec.leaseSeconds)}`, ...(countsAttempts ? ['attempts = attempts + 1'] : []), ...(this.spec.onClaim ? [this.spec.onClaim(sql)] : [])].join(', ');
    const { where, ordered, params } = this.claimable(sql, only);
    if (sql.dialect === 'sqlite') {
      return sql.rows<Row>(`UPDATE ${table} SET ${lease} WHERE ${key} IN (SELECT ${Q}.${key} FROM ${table} ${Q} WHERE ${where} ${ordered}) RETURNING ${columns.join(', ')}`, [this.owner, ...params]);
    }
    const rows = await sql.rows<Row & Record<string, SqlValue>>(`SELECT ${columns.map((c) => `${Q}.${c}`).join(', ')} FROM ${table} ${Q} WHERE ${where} ${ordered} FOR UPDATE SKIP LOCKED`, params);
    if (rows.length === 0) return [];
    await sql.execute(`UPDATE ${table} SET ${lease} WHERE ${key} IN (${marks(rows)})`, [this.owner, ...rows.map((r) => r[key]!)]);
    // As SQLite's RETURNING answers them: the attempt this claim counted included.
    return countsAttempts && columns.includes('attempts') ? rows.map((r) => ({ ...r, attempts: Number(r.attempts) + 1 })) : rows;
  }

  /**
   * The rows a claim would take now (`columns` of them), read without claiming them: work some of
   * which needs no lease (nothing to do) is looked at first, and only the rest claimed.
   */
  peek<Peeked extends object>(columns: readonly string[]): Promise<Peeked[]> {
    return this.database.read((sql) => {
      const { where, ordered, params } = this.claimable(sql);
      return sql.rows<Peeked>(`SELECT ${columns.map((c) => `${Q}.${c}`).join(', ')} FROM ${this.spec.table} ${Q} WHERE ${where} ${ordered}`, params);
    });
  }

  /** The due, unleased rows' filter (`only`: of those whose column holds one of the values), and the claim's order up to a batch. */
  private claimable(sql: SqlExecutor, only?: { column: string; values: readonly SqlValue[] }): { where: string; ordered: string; params: readonly SqlValue[] } {
    const now = databaseNow(sql);
    const filter = only ? ` AND ${Q}.${only.column} IN (${marks(only.values)})` : '';
    return {
      where: `${waitingIn(this.spec, `${Q}.`)} AND ${Q}.${this.spec.due} <= ${now} AND ${unleasedIn(`${Q}.`, now)}${filter}${this.firstOfGroup()}`,
      ordered: `ORDER BY ${this.spec.order.map((c) => `${Q}.${c}`).join(', ')} LIMIT ${this.spec.batch}`,
      params: only?.values ?? [],
    };
  }

  /** Changes rows in the caller's transaction; answers how many changed (see `changeQueued`). */
  change(sql: SqlExecutor, keys: readonly SqlValue[], change: QueuedChange): Promise<number> {
    return changeQueued(sql, this.spec, keys, change);
  }

  /** The wait before trying again after failed attempt `attempts`, or undefined when it was the last. */
  retryDelay(attempts: number): number | undefined {
    const retry = this.spec.retry;
    return retry && attempts < retry.maxAttempts ? retry.delaySeconds(attempts) : undefined;
  }

  /** Deletes finished rows older than the retention (as at `now`); answers how many. */
  async purge(now: number = Date.now()): Promise<number> {
    const purge = this.spec.purge;
    if (!purge) return 0;
    const { table, key } = this.spec;
    const cutoff = toStoredDatetime(new Date(now - purge.retentionDays * DAY_MS).toISOString());
    const finished = `${purge.finished} AND ${purge.olderThan} < ?`;
    // MySQL deletes with a limit; SQLite (without that build option) through the primary key.
    const statement =
      this.database.dialect === 'mysql'
        ? `DELETE FROM ${table} WHERE ${finished} LIMIT ${PURGE_BATCH}`
        : `DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${finished} LIMIT ${PURGE_BATCH})`;
    let purged = 0;
    for (;;) {
      const deleted = await this.database.single((sql) => sql.execute(statement, [cutoff]));
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  /** No waiting row of the same group comes before it. */
  private firstOfGroup(): string {
    const inTurn = this.spec.inTurn;
    if (!inTurn) return '';
    const same = inTurn.group.map((c) => `p.${c} = ${Q}.${c}`).join(' AND ');
    // Lexicographic: (a, b) before (a', b') when a < a', or a = a' and b < b'.
    const before = inTurn.position.reduceRight<string>((later, column, i) => {
      const less = `p.${column} < ${Q}.${column}`;
      return i === inTurn.position.length - 1 ? less : `(${less} OR (p.${column} = ${Q}.${column} AND ${later}))`;
    }, '');
    return `\n    AND NOT EXISTS (SELECT 1 FROM ${this.spec.table} p WHERE ${same} AND ${waitingIn(this.spec, 'p.')} AND ${before})`;
  }
}
