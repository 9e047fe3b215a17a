import type { DecisionEvaluationPage, LoggedDecisionEvaluation } from '@bankforge/client';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { positiveInteger } from '../../platform/config/server-config.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';
import { Database, type SqlExecutor, type SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** How long evaluations are kept unless BANKFORGE_DECISION_LOG_DAYS says otherwise. */
const DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Rows deleted per statement: a large purge never holds its locks for long. */
const PURGE_BATCH = 5000;
/** Rows per INSERT (10 parameters each, far below either database's limit). */
const INSERT_BATCH = 500;
const COLUMNS = 'id, decision_key, version, evaluated_at, caller, source, case_id, inputs, outputs, duration_us';

/** One evaluation as the log keeps it (sensitive inputs already masked). */
export interface DecisionEvaluationEntry {
  key: string;
  version: number;
  /** ISO instant. */
  at: string;
  /** The user's or API key's name (`automation:<key>` for an automation's). */
  caller: string;
  source: 'api' | 'flow' | 'automation';
  caseId: string | null;
  inputs: Readonly<Record<string, unknown>>;
  outputs: Readonly<Record<string, unknown>>;
  micros: number;
}

interface Row {
  id: string;
  decision_key: string;
  version: number;
  evaluated_at: string;
  caller: string;
  source: 'api' | 'flow' | 'automation';
  case_id: string | null;
  inputs: string;
  outputs: string;
  duration_us: number;
}

interface Pending {
  params: SqlValue[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

function paramsOf(entry: DecisionEvaluationEntry): SqlValue[] {
  return [timeOrderedId(), entry.key, entry.version, toStoredDatetime(entry.at), entry.caller.slice(0, 128), entry.source, entry.caseId, JSON.stringify(entry.inputs), JSON.stringify(entry.outputs), entry.micros];
}

function insertSql(rows: number): string {
  return `INSERT INTO bf_decision_evaluation (${COLUMNS}) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
}

function evaluationOf(row: Row): LoggedDecisionEvaluation {
  return {
    id: row.id,
    key: row.decision_key,
    version: Number(row.version),
    at: fromStoredDatetime(row.evaluated_at) ?? '',
    caller: row.caller,
    source: row.source,
    caseId: row.case_id,
    inputs: JSON.parse(row.inputs) as Record<string, unknown>,
    outputs: JSON.parse(row.outputs) as Record<string, unknown>,
    durationMs: Number(row.duration_us) / 1000,
  };
}

/**
 * The record of every decision evaluation (the API's, the flows' and the automations'), kept for
 * BANKFORGE_DECISION_LOG_DAYS days. The API's evaluations are written by group commit: a request
 * waits for its row, and rows arriving while a write is under way go together in the next one,
 * so a busy server writes one INSERT per batch instead of one per request (an automation's too). A
 * flow's are written in its command's transaction. Older rows are purged every hour, by age.
 */
@Injectable()
export class DecisionEvaluationLog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly days = positiveInteger('BANKFORGE_DECISION_LOG_DAYS', process.env.BANKFORGE_DECISION_LOG_DAYS) ?? DEFAULT_DAYS;
  private queue: Pending[] = [];
  private writing: Promise<void> | undefined;
  private interval: NodeJS.Timeout | undefined;

  constructor(@Inject(Database) private readonly database: Database) {}

  onApplicationBootstrap(): void {
    this.interval = setInterval(() => void this.purge().catch(() => undefined), PURGE_EVERY_MS);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.writing;
  }

  /** Writes an evaluation on its own (batched with the others waiting); resolves once it is stored. */
  record(entry: DecisionEvaluationEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ params: paramsOf(entry), resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Writes evaluations in the caller's transaction. */
  async recordIn(sql: SqlExecutor, entries: readonly DecisionEvaluationEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += INSERT_BATCH) {
      const batch = entries.slice(i, i + INSERT_BATCH);
      await sql.execute(insertSql(batch.length), batch.flatMap(paramsOf));
    }
  }

  /** A decision's evaluations, newest first, a keyset page at a time. */
  async page(key: string, limit: number, cursor: string | undefined): Promise<DecisionEvaluationPage> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const rows = await this.database.read((sql) =>
      sql.rows<Row>(
        `SELECT ${COLUMNS} FROM bf_decision_evaluation WHERE decision_key = ?${after ? ' AND (evaluated_at < ? OR (evaluated_at = ? AND id < ?))' : ''}
          ORDER BY evaluated_at DESC, id DESC LIMIT ${limit + 1}`,
        after ? [key, after.at, after.at, after.id] : [key],
      ),
    );
    const items = rows.slice(0, limit).map(evaluationOf);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last) : null };
  }

  /** The latest `limit` evaluations of one version of a decision, newest first. */
  async recent(key: string, version: number, limit: number): Promise<LoggedDecisionEvaluation[]> {
    const rows = await this.database.read((sql) =>
      sql.rows<Row>(`SELECT ${COLUMNS} FROM bf_decision_evaluation WHERE decision_key = ? AND version = ? ORDER BY evaluated_at DESC, id DESC LIMIT ${limit}`, [key, version]),
    );
    return rows.map(evaluationOf);
  }

  /** Deletes the evaluations older than the retention period; answers how many. */
  async purge(now: number = Date.now()): Promise<number> {
    const cutoff = toStoredDatetime(new Date(now - this.days * DAY_MS).toISOString());
    // MySQL deletes in order with a limit; SQLite (without that build option) through the index by id.
    const statement =
      this.database.dialect === 'mysql'
        ? `DELETE FROM bf_decision_evaluation WHERE evaluated_at < ? ORDER BY evaluated_at LIMIT ${PURGE_BATCH}`
        : `DELETE FROM bf_decision_evaluation WHERE id IN (SELECT id FROM bf_decision_evaluation WHERE evaluated_at < ? LIMIT ${PURGE_BATCH})`;
    let purged = 0;
    for (;;) {
      const deleted = await this.database.single((sql) => sql.execute(statement, [cutoff]));
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  private async drain(): Promise<void> {
    // From the next turn of the event loop: the requests that arrived together have all queued
    // their rows by then, and go in one INSERT rather than the first alone and the rest after it.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, INSERT_BATCH);
      try {
        await this.database.single((sql) => sql.execute(insertSql(batch.length), batch.flatMap((p) => p.params)));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.writing = undefined;
  }
}

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify([toStoredDatetime(fromStoredDatetime(row.evaluated_at) ?? ''), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(at) && typeof id === 'string' && id.length <= 36) return { at, id };
  } catch {
    // answered below
  }
  throw ProblemError.badRequest('invalidCursor', 'The cursor is not one this log gave; start again without it.', [{ path: 'cursor', code: 'invalidCursor', message: 'is not a cursor of this log' }]);
}
