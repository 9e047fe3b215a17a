import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, type ChainProgress, type ChainVerdict } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { Database, type SqlExecutor, type SqlValue } from '../../platform/database/database.js';
import { isSignal } from '../../platform/database/driver-error.js';
import { AUDIT_CHAIN_MOVED } from '../../platform/database/migrations/0004-audit-chain-trigger.js';
import { AUDIT_RUN_HASH, AUDIT_RUN_SEQ } from '../../platform/database/migrations/0023-audit-chain-runs.js';
import { canonicalJson } from './canonical-json.js';
import { pageSql, type AuditPage, type AuditSearch } from './audit-search.js';

// One list for the server and the viewer: the client's.
export { AUDIT_ACTIONS };

// The log's entries and verdicts are part of the HTTP contract: their types live in packages/client.
export type { AuditAction, AuditEntry, ChainProgress, ChainVerdict };

export interface AuditEvent {
  action: AuditAction;
  entity?: string;
  recordId?: string;
  detail?: Record<string, unknown>;
  /** `detail` as canonical JSON, rendered ahead by a writer that has the time (an import, for its next batch). */
  renderedDetail?: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A statement that changes a record, and its bound values. */
export interface SqlStatement {
  sql: string;
  params: readonly SqlValue[];
}

const INSERT_ENTRY = 'INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const NO_ROW_CHANGED = 'no row changed';
const ENTRY_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Entries per multi-row INSERT: ten parameters each, far below either database's limit. */
const APPEND_ROWS = 200;

function entryParams(entry: AuditEntry): SqlValue[] {
  return [entry.seq, toStoredDatetime(entry.at), entry.actorId, entry.actorName, entry.action, entry.entity, entry.recordId, canonicalJson(entry.detail), entry.prevHash, entry.hash];
}

/** The hash of an entry: SHA-256 over the canonical JSON of everything it says, the previous hash included. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

interface AuditRow {
  seq: number | string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_key: string | null;
  record_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export function entryFromRow(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: fromStoredDatetime(row.at)!,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action as AuditAction,
    entity: row.entity_key,
    recordId: row.record_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only audit log, a hash chain: each entry carries the hash of the one before, so an
 * edited, deleted, reordered or inserted row breaks the chain from that point. Entries are appended
 * inside the caller's transaction (no change without its entry, no entry without its change), after
 * locking the chain's head row, so concurrent writers queue instead of forking the chain.
 */
@Injectable()
export class AuditLog {
  constructor(@Inject(Database) private readonly database: Database) {}

  /**
   * One INSERT in the common case: the entry is built on the head this process last wrote, and the
   * database's trigger accepts it only if that is still the head. When another writer (or a
   * rolled-back transaction) moved it, the head is read under lock and the entry built again.
   */
  async append(sql: SqlExecutor, actor: Actor, event: AuditEvent): Promise<AuditEntry> {
    let head = this.head ?? (await this.readHead(sql));
    for (let attempt = 0; ; attempt++) {
      const entry = this.entryAfter(head, actor, event);
      try {
        await sql.execute(INSERT_ENTRY, entryParams(entry));
        this.head = { seq: entry.seq, hash: entry.hash };
        return entry;
      } catch (error) {
        this.head = undefined;
        if (attempt > 0 || !isSignal(error, AUDIT_CHAIN_MOVED)) throw error;
        head = await this.readHead(sql);
      }
    }
  }

  /**
   * Makes a change to a record and appends the entry that records it, in the caller's transaction.
   * On MariaDB both travel as one compound statement, a round trip instead of two; the entry is
   * written only if the change changed a row. Answers whether it did (if not, nothing was written).
   * `along`: statements that land with the change, after its entry (its domain event), in the same trip.
   */
  async appendWith(sql: SqlExecutor, change: SqlStatement, actor: Actor, event: AuditEvent, along: readonly SqlStatement[] = []): Promise<boolean> {
    const runAlong = async (): Promise<void> => {
      for (const statement of along) await sql.execute(statement.sql, statement.params);
    };
    if (!this.database.compoundStatements) {
      if ((await sql.execute(change.sql, change.params)) === 0) return false;
      await this.append(sql, actor, event);
      await runAlong();
      return true;
    }
    const entry = this.entryAfter(this.head ?? (await this.readHead(sql)), actor, event);
    const alongSql = along.map((s) => ` ${s.sql};`).join('');
    try {
      await sql.execute(`BEGIN NOT ATOMIC ${change.sql}; IF ROW_COUNT() = 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${NO_ROW_CHANGED}'; END IF; ${INSERT_ENTRY};${alongSql} END`, [
        ...change.params,
        ...entryParams(entry),
        ...along.flatMap((s) => s.params),
      ]);
      this.head = { seq: entry.seq, hash: entry.hash };
      return true;
    } catch (error) {
      if (isSignal(error, NO_ROW_CHANGED)) return false;
      this.head = undefined;
      if (!isSignal(error, AUDIT_CHAIN_MOVED)) throw error;
      // The block is not atomic: the change stands, and only its entry (and what comes after it) is written again on the moved head.
      await this.append(sql, actor, event);
      await runAlong();
      return true;
    }
  }

  /**
   * Appends entries, chained in order, with multi-row INSERTs in the caller's transaction (an
   * import's batch of records). On MariaDB the head row is locked first and the entries go in as
   * one run (see migration 0023): the database checks each follows the one before in memory and the
   * head moves once, at the run's end. Elsewhere each entry moves the head as it lands: built on the
   * head this process last wrote, and once again on the locked head if another writer moved it.
   */
  async appendMany(sql: SqlExecutor, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (sql.dialect === 'mysql') return this.appendRun(sql, actor, events);
    let start = this.head ?? (await this.readHead(sql));
    for (let attempt = 0; ; attempt++) {
      const { entries, head } = this.chainAfter(start, actor, events);
      let written = 0;
      try {
        for (; written < entries.length; written += APPEND_ROWS) await this.insertEntries(sql, entries.slice(written, written + APPEND_ROWS));
        this.head = head;
        return;
      } catch (error) {
        this.head = undefined;
        if (attempt > 0 || written > 0 || !isSignal(error, AUDIT_CHAIN_MOVED)) throw error;
        start = await this.readHead(sql);
      }
    }
  }

  /** A run under the head row's lock: every other writer waits for the caller's commit, so the chain computed here stays the head's. */
  private async appendRun(sql: SqlExecutor, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
    this.head = undefined;
    const start = await this.readHead(sql);
    const { entries, head } = this.chainAfter(start, actor, events);
    try {
      await sql.execute(`SET ${AUDIT_RUN_SEQ} = ?, ${AUDIT_RUN_HASH} = ?`, [start.seq, start.hash]);
      for (let i = 0; i < entries.length; i += APPEND_ROWS) await this.insertEntries(sql, entries.slice(i, i + APPEND_ROWS));
      // Moved only from where the run started: the lock makes this certain, the condition keeps it so.
      const moved = await sql.execute('UPDATE bf_audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ? AND hash = ?', [head.seq, head.hash, start.seq, start.hash]);
      if (moved === 0) throw new Error(AUDIT_CHAIN_MOVED);
    } finally {
      // The connection goes back to the pool: its next INSERT must move the head itself again.
      await sql.execute(`SET ${AUDIT_RUN_SEQ} = NULL, ${AUDIT_RUN_HASH} = NULL`);
    }
    this.head = head;
  }

  /**
   * The entries of a run after `start`, as their INSERT's values: each entry's canonical text is
   * built once around its detail's (the same text `entryHash` hashes), the run's entries stamped
   * with one time, that of their transaction.
   */
  private chainAfter(start: { seq: number; hash: string }, actor: Actor, events: readonly AuditEvent[]): { entries: SqlValue[][]; head: { seq: number; hash: string } } {
    const at = fromStoredDatetime(toStoredDatetime(new Date().toISOString()))!;
    const stored = toStoredDatetime(at);
    const who = `"actorId":${JSON.stringify(actor.userId)},"actorName":${JSON.stringify(actor.name)},"at":${JSON.stringify(at)}`;
    const entries: SqlValue[][] = [];
    let head = start;
    for (const event of events) {
      const detail = event.renderedDetail ?? canonicalJson(event.detail ?? {});
      const entity = event.entity ?? null;
      const recordId = event.recordId ?? null;
      const seq = head.seq + 1;
      // Keys in canonical order: action, actorId, actorName, at, detail, entity, prevHash, recordId, seq.
      const text = `{"action":${JSON.stringify(event.action)},${who},"detail":${detail},"entity":${JSON.stringify(entity)},"prevHash":${JSON.stringify(head.hash)},"recordId":${JSON.stringify(recordId)},"seq":${seq}}`;
      const hash = createHash('sha256').update(text).digest('hex');
      entries.push([seq, stored, actor.userId, actor.name, event.action, entity, recordId, detail, head.hash, hash]);
      head = { seq, hash };
    }
    return { entries, head };
  }

  private async insertEntries(sql: SqlExecutor, entries: readonly SqlValue[][]): Promise<void> {
    await sql.execute(`${INSERT_ENTRY.slice(0, INSERT_ENTRY.indexOf(' VALUES'))} VALUES ${entries.map(() => ENTRY_ROW).join(', ')}`, entries.flat());
  }

  private head: { seq: number; hash: string } | undefined;

  private async readHead(sql: SqlExecutor): Promise<{ seq: number; hash: string }> {
    const lock = sql.dialect === 'mysql' ? ' FOR UPDATE' : '';
    const [head] = await sql.rows<{ seq: number | string; hash: string }>(`SELECT seq, hash FROM bf_audit_head WHERE id = 1${lock}`);
    if (!head) throw new Error('the audit chain has no head row');
    return { seq: Number(head.seq), hash: head.hash };
  }

  private entryAfter(head: { seq: number; hash: string }, actor: Actor, event: AuditEvent): AuditEntry {
    const unsigned: Omit<AuditEntry, 'hash'> = {
      seq: head.seq + 1,
      at: fromStoredDatetime(toStoredDatetime(new Date().toISOString()))!,
      actorId: actor.userId,
      actorName: actor.name,
      action: event.action,
      entity: event.entity ?? null,
      recordId: event.recordId ?? null,
      detail: JSON.parse(event.renderedDetail ?? canonicalJson(event.detail ?? {})) as Record<string, unknown>,
      prevHash: head.hash,
    };
    return { ...unsigned, hash: entryHash(unsigned) };
  }

  /**
   * Appends for events that change nothing else (a read, a failed login). The entry is one INSERT,
   * atomic with the trigger that checks and moves the head, so in the common case it runs on its
   * own, without a transaction around it (two statements fewer). When the head this process last
   * wrote has moved, the entry is appended again in a transaction that reads the head under lock.
   */
  async record(actor: Actor, event: AuditEvent): Promise<AuditEntry> {
    if (this.head) {
      const entry = await this.database.single(async (sql) => {
        const head = this.head;
        if (!head) return undefined;
        const next = this.entryAfter(head, actor, event);
        try {
          await sql.execute(INSERT_ENTRY, entryParams(next));
        } catch (error) {
          this.head = undefined;
          if (isSignal(error, AUDIT_CHAIN_MOVED)) return undefined;
          throw error;
        }
        this.head = { seq: next.seq, hash: next.hash };
        return next;
      });
      if (entry) return entry;
    }
    return this.database.transaction((sql) => this.append(sql, actor, event));
  }

  /** Entries matching the search, a page at a time by sequence (the viewer reads newest first). */
  async list(search: AuditSearch, page: AuditPage): Promise<AuditEntry[]> {
    return this.database.read(async (sql) => (await sql.rows<AuditRow>(...pageSql(search, page))).map(entryFromRow));
  }

  /** Every entry matching the search, in order, a page of rows at a time (an export never holds the whole log). */
  async *entries(search: AuditSearch, order: 'asc' | 'desc'): AsyncGenerator<AuditEntry[], void, undefined> {
    let after: number | undefined;
    for (;;) {
      const page = await this.list(search, { order, limit: EXPORT_PAGE, ...(after === undefined ? {} : order === 'asc' ? { afterSeq: after } : { beforeSeq: after }) });
      if (page.length > 0) yield page;
      if (page.length < EXPORT_PAGE) return;
      after = page.at(-1)!.seq;
    }
  }

  /** Recomputes the whole chain, a page at a time, and names the first entry that does not fit. */
  async verify(): Promise<ChainVerdict> {
    // One transaction: on MySQL a consistent snapshot, so appends made meanwhile do not look like insertions.
    return this.database.transaction(async (sql) => {
      const walk = new ChainWalk(1, GENESIS_HASH);
      for (;;) {
        const rows = await sql.rows<AuditRow>('SELECT * FROM bf_audit WHERE seq >= ? ORDER BY seq LIMIT 1000', [walk.expectedSeq]);
        const broken = walk.check(rows);
        if (broken) return broken;
        if (rows.length < 1000) break;
      }
      const { total: _total, ...verdict } = walk.finish(await readHeadRow(sql));
      return verdict;
    });
  }

  /**
   * Verifies one stretch of the chain: `limit` entries from `fromSeq`, each against its hash and the
   * one before it (the entry before the stretch was verified by the stretch before). A viewer calls
   * stretch after stretch from `nextSeq` and shows how far it got; the last stretch checks the head.
   */
  async verifyStretch(fromSeq: number, limit: number): Promise<ChainProgress> {
    return this.database.transaction(async (sql) => {
      const head = await readHeadRow(sql);
      let prevHash = GENESIS_HASH;
      if (fromSeq > 1) {
        const [before] = await sql.rows<{ hash: string }>('SELECT hash FROM bf_audit WHERE seq = ?', [fromSeq - 1]);
        if (!before) return { ok: false, entries: fromSeq - 2, headHash: GENESIS_HASH, total: head.seq, firstBroken: { seq: fromSeq - 1, reason: 'missingEntry' } };
        prevHash = before.hash;
      }
      const walk = new ChainWalk(fromSeq, prevHash);
      const rows = await sql.rows<AuditRow>(`SELECT * FROM bf_audit WHERE seq >= ? ORDER BY seq LIMIT ${Math.floor(limit)}`, [fromSeq]);
      const broken = walk.check(rows);
      if (broken) return { ...broken, total: head.seq };
      if (rows.length === limit && walk.expectedSeq <= head.seq) return { ok: true, entries: walk.expectedSeq - 1, headHash: walk.prevHash, total: head.seq, nextSeq: walk.expectedSeq };
      return walk.finish(head);
    });
  }
}

/** Rows verified per page of an export. */
const EXPORT_PAGE = 1000;

async function readHeadRow(sql: SqlExecutor): Promise<{ seq: number; hash: string | undefined }> {
  const [head] = await sql.rows<{ seq: number | string; hash: string }>('SELECT seq, hash FROM bf_audit_head WHERE id = 1');
  return { seq: Number(head?.seq ?? -1), hash: head?.hash };
}

/** The chain checked entry by entry: each in sequence, after the one before, matching its own hash. */
class ChainWalk {
  constructor(
    public expectedSeq: number,
    public prevHash: string,
  ) {}

  private fail(seq: number, reason: NonNullable<ChainVerdict['firstBroken']>['reason']): ChainVerdict {
    return { ok: false, entries: this.expectedSeq - 1, headHash: this.prevHash, firstBroken: { seq, reason } };
  }

  /** The verdict at the first entry of the rows that does not fit; undefined when all do. */
  check(rows: readonly AuditRow[]): ChainVerdict | undefined {
    for (const row of rows) {
      let entry: AuditEntry;
      try {
        entry = entryFromRow(row);
      } catch (error) {
        // Only an edit outside the server stores a detail that is not JSON: a broken entry, not a crash.
        if (error instanceof SyntaxError) return this.fail(Number(row.seq), 'detailNotJson');
        throw error;
      }
      if (entry.seq !== this.expectedSeq) return this.fail(this.expectedSeq, 'missingEntry');
      if (entry.prevHash !== this.prevHash) return this.fail(entry.seq, 'prevHashMismatch');
      const { hash, ...unsigned } = entry;
      if (entryHash(unsigned) !== hash) return this.fail(entry.seq, 'hashMismatch');
      this.prevHash = hash;
      this.expectedSeq++;
    }
    return undefined;
  }

  /** The verdict once every entry is walked: the head must be the last entry. */
  finish(head: { seq: number; hash: string | undefined }): ChainProgress {
    const last = this.expectedSeq - 1;
    // Entries past the head were inserted around the log; a head past the last entry means the tail was cut off.
    if (head.seq < last) return { ...this.fail(head.seq + 1, 'unexpectedEntry'), total: head.seq };
    if (head.seq > last) return { ...this.fail(this.expectedSeq, 'missingEntry'), total: head.seq };
    if (head.hash !== this.prevHash) return { ...this.fail(head.seq, 'headMismatch'), total: head.seq };
    return { ok: true, entries: last, headHash: this.prevHash, total: head.seq };
  }
}