import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import type { ImportColumn, ImportFormat, ImportJob, ImportMatchRule, ImportMode, ImportProblem, ImportProblemPage, ImportRollback, ImportStatus } from '@bankforge/client';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database, type SqlExecutor, type SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { expiredMessage, ImportFileRetention } from './import-file-retention.js';

/** Who may read a job: its uploader only (to change or run it), or an administrator too (to see it, or roll it back). */
export type ImportReader = 'uploader' | 'uploaderOrAdministrator';

/** Problems kept per job: enough to fix a file by, never a second copy of a million-row file. */
export const MAX_KEPT_PROBLEMS = 1000;

export interface ImportJobRow {
  id: string;
  entity_key: string;
  file_path: string;
  file_purged_at: string | null;
  file_name: string;
  format: string;
  size_bytes: number | string;
  columns_json: string;
  match_json: string | null;
  mode: string | null;
  status: string;
  rows_total: number | string | null;
  rows_done: number | string;
  rows_created: number | string;
  rows_updated: number | string;
  rows_skipped: number | string;
  rows_failed: number | string;
  problem_count: number | string;
  checkpoint_row: number | string;
  checkpoint_byte: number | string;
  lease_owner: string | null;
  error_en: string | null;
  error_zh: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  version: number | string;
  rollback_total: number | string | null;
  rollback_removed: number | string | null;
  rollback_restored: number | string | null;
  rollback_changed_since: number | string | null;
  /** Whoever asked for the rollback (a user's or an API key's id): it acts as them. */
  rollback_requested_by: string | null;
  /** The rollback's failed attempts in a row. */
  rollback_failures: number | string;
  rollback_due_at: string | null;
}

/** What one unit of work (a batch, or one row of a batch that failed as a whole) adds to a job. */
export interface ImportProgress {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  problems: ImportProblem[];
  /** The checkpoint after the unit: data rows done and the byte after the last. */
  checkpointRow: number;
  checkpointByte: number;
}

/** A record a committed run wrote, for its rollback. */
export interface ImportChange {
  recordId: string;
  row: number;
  kind: 'created' | 'updated';
  versionAfter: number;
  /** Updated only: the changed fields' previous values, already encrypted. */
  prior: string | null;
}

/** The rollback's count so far, once one was asked for. */
function rollbackOf(row: ImportJobRow): ImportRollback | null {
  if (row.rollback_total === null) return null;
  return { total: Number(row.rollback_total), removed: Number(row.rollback_removed ?? 0), restored: Number(row.rollback_restored ?? 0), changedSince: Number(row.rollback_changed_since ?? 0) };
}

/** A run's progress: done is 1; a rollback's share of changes undone (so far, or before it stopped); a CSV's share of bytes read; else the rows of a known total; else unknown. */
function progressOf(row: ImportJobRow): number | null {
  if (row.status === 'done' || row.status === 'rolledBack') return 1;
  const rollback = rollbackOf(row);
  if ((row.status === 'rollingBack' || row.status === 'rollbackFailed') && rollback) return rollback.total === 0 ? 1 : Math.min(1, (rollback.removed + rollback.restored + rollback.changedSince) / rollback.total);
  if (row.status === 'uploaded' || row.status === 'queued') return 0;
  if (row.format === 'csv' && Number(row.size_bytes) > 0) return Math.min(1, Number(row.checkpoint_byte) / Number(row.size_bytes));
  return row.rows_total === null || Number(row.rows_total) === 0 ? null : Math.min(1, Number(row.rows_done) / Number(row.rows_total));
}

export function jobOf(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    entity: row.entity_key,
    fileName: row.file_name,
    format: row.format as ImportFormat,
    sizeBytes: Number(row.size_bytes),
    columns: JSON.parse(row.columns_json) as ImportColumn[],
    match: row.match_json ? (JSON.parse(row.match_json) as ImportMatchRule) : null,
    mode: row.mode as ImportMode | null,
    status: row.status as ImportStatus,
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    rowsDone: Number(row.rows_done),
    progress: progressOf(row),
    created: Number(row.rows_created),
    updated: Number(row.rows_updated),
    skipped: Number(row.rows_skipped),
    failed: Number(row.rows_failed),
    problemCount: Number(row.problem_count),
    createdBy: row.created_by,
    createdAt: fromStoredDatetime(row.created_at)!,
    startedAt: fromStoredDatetime(row.started_at),
    finishedAt: fromStoredDatetime(row.finished_at),
    error: row.error_en ? { message: row.error_en, messageZh: row.error_zh ?? row.error_en } : null,
    rollback: rollbackOf(row),
  };
}

export function importNotFound(id: string): ProblemError {
  return ProblemError.notFound('importNotFound', `There is no import ${id.slice(0, 64)}.`);
}

/** The import jobs, their kept problems and the changes a committed run made. */
@Injectable()
export class ImportStore {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ImportFileRetention) private readonly files: ImportFileRetention,
  ) {}

  async create(job: { id: string; entity: string; filePath: string; fileName: string; format: ImportFormat; sizeBytes: number; columns: ImportColumn[] }, actor: Actor): Promise<ImportJob> {
    const now = toStoredDatetime(new Date().toISOString());
    await this.database.single((sql) =>
      sql.execute(
        `INSERT INTO bf_import_job (id, entity_key, file_path, file_name, format, size_bytes, columns_json, match_json, mode, status, rows_total, rows_done, rows_created, rows_updated, rows_skipped, rows_failed, problem_count, checkpoint_row, checkpoint_byte, lease_owner, lease_until, error_en, error_zh, created_by, created_at, started_at, finished_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'uploaded', NULL, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, ?, ?, NULL, NULL, 1)`,
        [job.id, job.entity, job.filePath, job.fileName, job.format, job.sizeBytes, JSON.stringify(job.columns), actor.userId, now],
      ),
    );
    return this.get(job.id, actor);
  }

  /** The job, to the person who uploaded it and, when `reader` says so, to an administrator (anyone else: 404, as for a job that does not exist). */
  async get(id: string, actor: Actor, reader: ImportReader = 'uploader'): Promise<ImportJob> {
    return jobOf(await this.row(id, actor, reader));
  }

  /**
   * The job's row, to its uploader; to an administrator too when `reader` is
   * 'uploaderOrAdministrator' (reading and rolling back: a job whose key was revoked or whose
   * uploader left must not be stuck). Changing its mapping or running it stays the uploader's.
   * Anyone else: 404, as for a job that does not exist.
   */
  async row(id: string, actor: Actor, reader: ImportReader = 'uploader'): Promise<ImportJobRow> {
    const row = await this.database.read(async (sql) => (await sql.rows<ImportJobRow>('SELECT * FROM bf_import_job WHERE id = ?', [id]))[0]);
    const mayRead = row !== undefined && (row.created_by === actor.userId || (reader === 'uploaderOrAdministrator' && actor.access.admin));
    if (!mayRead) throw importNotFound(id);
    return row;
  }

  async rowById(sql: SqlExecutor, id: string): Promise<ImportJobRow | undefined> {
    return (await sql.rows<ImportJobRow>('SELECT * FROM bf_import_job WHERE id = ?', [id]))[0];
  }

  async list(actor: Actor): Promise<ImportJob[]> {
    const rows = await this.database.read((sql) => sql.rows<ImportJobRow>('SELECT * FROM bf_import_job WHERE created_by = ? ORDER BY created_at DESC, id DESC LIMIT 100', [actor.userId]));
    return rows.map(jobOf);
  }

  /** Every person's and key's jobs, newest first (200 at most), with the uploader's username (a key's `api-key:<name>`): what IT watches. */
  async listAll(): Promise<ImportJob[]> {
    const rows = await this.database.read((sql) =>
      sql.rows<ImportJobRow & { created_by_name: string | null; created_by_key: string | null }>(
        'SELECT j.*, u.username AS created_by_name, k.name AS created_by_key FROM bf_import_job j LEFT JOIN bf_user u ON u.id = j.created_by LEFT JOIN bf_api_key k ON k.id = j.created_by ORDER BY j.created_at DESC, j.id DESC LIMIT 200',
      ),
    );
    // An integration's job is named as its key is in the audit log.
    const nameOf = (row: { created_by_name: string | null; created_by_key: string | null }): string | null => row.created_by_name ?? (row.created_by_key === null ? null : `api-key:${row.created_by_key}`);
    return rows.map((row) => {
      const name = nameOf(row);
      return { ...jobOf(row), ...(name ? { createdByName: name } : {}) };
    });
  }

  /** Saves the mapping and match rule of a job not running. */
  async saveSettings(id: string, columns: ImportColumn[], match: ImportMatchRule, actor: Actor): Promise<ImportJob> {
    const changed = await this.database.single((sql) =>
      sql.execute(`UPDATE bf_import_job SET columns_json = ?, match_json = ?, version = version + 1 WHERE id = ? AND created_by = ? AND status IN ('uploaded', 'done', 'failed')`, [
        JSON.stringify(columns),
        JSON.stringify(match),
        id,
        actor.userId,
      ]),
    );
    if (changed === 0) throw await this.busy(id, actor, 'change the mapping of');
    return this.get(id, actor);
  }

  /**
   * Queues a run from the start: a dry run any number of times, a commit once (a committed job
   * keeps its changes for its rollback). Its earlier problems and counts are cleared.
   */
  async queue(id: string, mode: ImportMode, actor: Actor): Promise<ImportJob> {
    const changed = await this.database.transaction(async (sql) => {
      const queued = await sql.execute(
        `UPDATE bf_import_job SET mode = ?, status = 'queued', rows_done = 0, rows_created = 0, rows_updated = 0, rows_skipped = 0, rows_failed = 0, problem_count = 0,
           checkpoint_row = 0, checkpoint_byte = 0, error_en = NULL, error_zh = NULL, started_at = NULL, finished_at = NULL, lease_owner = NULL, lease_until = NULL, version = version + 1
         WHERE id = ? AND created_by = ? AND match_json IS NOT NULL AND status IN ('uploaded', 'done', 'failed') AND (mode IS NULL OR mode = 'dryRun')`,
        [mode, id, actor.userId],
      );
      if (queued > 0) await sql.execute('DELETE FROM bf_import_problem WHERE job_id = ?', [id]);
      return queued;
    });
    if (changed === 0) throw await this.busy(id, actor, mode === 'dryRun' ? 'dry-run' : 'run');
    return this.get(id, actor);
  }

  /** Why a job cannot be changed or run now: it is not the caller's (404), its file expired, it has no mapping, is running, or was committed (409). */
  private async busy(id: string, actor: Actor, what: string): Promise<ProblemError> {
    const job = jobOf(await this.row(id, actor));
    if (job.status === 'expired') {
      const message = expiredMessage(this.files.retentionHours);
      return new ProblemError(409, 'importExpired', `You cannot ${what} import ${id}: ${message.en}`, [{ path: '/', code: 'importExpired', message: message.en, messageZh: message.zh }]);
    }
    if (!job.match) return ProblemError.conflict('importNotMapped', `Save the mapping and match rule of import ${id} before you ${what} it.`);
    if (job.status === 'queued' || job.status === 'running') return ProblemError.conflict('importRunning', `Import ${id} is running; wait until it is done.`);
    return ProblemError.conflict('importCommitted', `Import ${id} has already been run; upload the file again to import it again.`);
  }

  /** A job as its runner reads it (claimed through the import queue of `ImportRunner`). */
  job(id: string): Promise<ImportJobRow | undefined> {
    return this.database.read((sql) => this.rowById(sql, id));
  }

  /**
   * A unit's progress, in the unit's own transaction: the counters, the checkpoint, the first
   * problems and the changes for the rollback land with the rows or not at all. False when this
   * replica no longer holds the job's lease (then the caller's transaction must not commit).
   */
  async advance(sql: SqlExecutor, id: string, owner: string, leaseSeconds: number, progress: ImportProgress, keptBefore: number, changes: readonly ImportChange[]): Promise<boolean> {
    const moved = await sql.execute(
      `UPDATE bf_import_job SET rows_done = rows_done + ?, rows_created = rows_created + ?, rows_updated = rows_updated + ?, rows_skipped = rows_skipped + ?, rows_failed = rows_failed + ?,
         problem_count = problem_count + ?, checkpoint_row = ?, checkpoint_byte = ?, lease_until = ${databaseNow(sql, leaseSeconds)}
       WHERE id = ? AND lease_owner = ? AND status = 'running'`,
      [progress.rows, progress.created, progress.updated, progress.skipped, progress.failed, progress.problems.length, progress.checkpointRow, progress.checkpointByte, id, owner],
    );
    if (moved === 0) return false;
    const kept = progress.problems.slice(0, Math.max(0, MAX_KEPT_PROBLEMS - keptBefore));
    if (kept.length > 0) {
      const params: SqlValue[] = kept.flatMap((p, i) => [id, keptBefore + i + 1, p.row, p.path.slice(0, 200), p.code.slice(0, 64), p.message.slice(0, 500), p.messageZh.slice(0, 500)]);
      await sql.execute(`INSERT INTO bf_import_problem (job_id, seq, row_no, path, code, message_en, message_zh) VALUES ${kept.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, params);
    }
    if (changes.length > 0) {
      // A record the file names twice keeps its first change (what it was before the import) and its latest version.
      const byRecord = new Map<string, ImportChange>();
      for (const change of changes) {
        const first = byRecord.get(change.recordId);
        byRecord.set(change.recordId, first ? { ...first, versionAfter: change.versionAfter } : change);
      }
      const params: SqlValue[] = [...byRecord.values()].flatMap((c) => [id, c.recordId, c.row, c.kind, c.versionAfter, c.prior]);
      const latest = sql.dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE version_after = VALUES(version_after)' : 'ON CONFLICT (job_id, record_id) DO UPDATE SET version_after = excluded.version_after';
      await sql.execute(
        `INSERT INTO bf_import_change (job_id, record_id, row_no, kind, version_after, prior_values) VALUES ${[...byRecord.values()].map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ${latest}`,
        params,
      );
    }
    return true;
  }

  /**
   * The end of a run: done with the rows counted, or failed with why (in both languages). A
   * committed run's file is deleted as it ends (nothing reads it again); a dry run's is kept for the
   * real run.
   */
  async finish(id: string, owner: string, outcome: { status: 'done'; total: number } | { status: 'failed'; message: string; messageZh: string }): Promise<void> {
    const now = toStoredDatetime(new Date().toISOString());
    const ended = await this.database.single((sql) =>
      outcome.status === 'done'
        ? sql.execute(`UPDATE bf_import_job SET status = 'done', rows_total = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?`, [outcome.total, now, id, owner])
        : sql.execute(`UPDATE bf_import_job SET status = 'failed', error_en = ?, error_zh = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?`, [
            outcome.message.slice(0, 500),
            outcome.messageZh.slice(0, 500),
            now,
            id,
            owner,
          ]),
    );
    if (ended === 0) return;
    const job = await this.job(id);
    // A deletion that fails here is finished by the retention's sweep.
    if (job?.mode === 'commit') await this.files.purge(id, job.file_path).catch(() => undefined);
  }

  /** The last run's row problems, to the uploader or an administrator. */
  async problems(id: string, actor: Actor, offset: number, limit: number): Promise<ImportProblemPage> {
    const job = await this.row(id, actor, 'uploaderOrAdministrator');
    const rows = await this.database.read((sql) =>
      sql.rows<{ row_no: number | string; path: string; code: string; message_en: string; message_zh: string }>(
        `SELECT row_no, path, code, message_en, message_zh FROM bf_import_problem WHERE job_id = ? ORDER BY seq LIMIT ${limit} OFFSET ${offset}`,
        [id],
      ),
    );
    return {
      items: rows.map((r) => ({ row: Number(r.row_no), path: r.path, code: r.code, message: r.message_en, messageZh: r.message_zh })),
      total: Number(job.problem_count),
    };
  }
}
