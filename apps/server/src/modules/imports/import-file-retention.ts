import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { toStoredDatetime } from '@bankforge/data-model';
import { positiveInteger, SERVER_CONFIG, type ServerConfig } from '../../platform/config/server-config.js';
import { Database } from '../../platform/database/database.js';
import { importDirectory } from './import-file.js';

const DEFAULT_RETENTION_HOURS = 24;
const SWEEP_EVERY_MS = 10 * 60_000;
/** Jobs handled per statement: a large backlog never holds its locks for long. */
const SWEEP_BATCH = 200;
const HOUR_MS = 3_600_000;

/** Jobs that will never read their file again: a committed run that ended (done, failed, rolling or rolled back) or a job expired. */
const FILE_NO_LONGER_READ = "(status = 'expired' OR (mode = 'commit' AND status IN ('done', 'failed', 'rollingBack', 'rolledBack', 'rollbackFailed')))";
/** Jobs not run for real yet and not queued: uploaded, or after a dry run (which keeps the file for the real run). */
const NEVER_RUN = "status IN ('uploaded', 'done', 'failed') AND (mode IS NULL OR mode = 'dryRun')";

export function importFileRetentionHours(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger('BANKFORGE_IMPORT_FILE_RETENTION_HOURS', env.BANKFORGE_IMPORT_FILE_RETENTION_HOURS) ?? DEFAULT_RETENTION_HOURS;
}

/** Why an abandoned job can no longer run, in both languages. */
export function expiredMessage(hours: number): { en: string; zh: string } {
  return {
    en: `The uploaded file was deleted after ${hours} hours without an import run: it holds customers' data. Upload the file again to import it.`,
    zh: `上传的文件在 ${hours} 小时内未执行导入，已被删除（文件含客户数据）。如需导入，请重新上传。`,
  };
}

/**
 * Deletes import files once nothing will read them: an uploaded file holds customers' data in
 * clear, so it lives no longer than its job needs it. A committed run's file goes when the run ends;
 * a job never run for real goes after the retention (`BANKFORGE_IMPORT_FILE_RETENTION_HOURS`, 24 by
 * default), and the job is marked expired. A queued or running job keeps its file: a run resumed
 * after a restart reads it from its checkpoint. Each deletion is noted on the job (`file_purged_at`),
 * and the periodic sweep finishes any a crash cut short; replicas sweeping together only repeat an
 * idempotent delete.
 */
@Injectable()
export class ImportFileRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly retentionHours = importFileRetentionHours();
  private interval: NodeJS.Timeout | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Tests (poll 0) sweep by hand.
    if (Number(process.env.BANKFORGE_IMPORT_POLL_MS ?? 1) <= 0) return;
    this.interval = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS);
    this.interval.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.interval) clearInterval(this.interval);
  }

  /** The file a job's row names, under DATA_DIR/imports (the row holds a name the server made, never a requested path). */
  pathOf(filePath: string): string {
    return join(importDirectory(this.config.dataDir), filePath);
  }

  /** Deletes the job's file and notes it on the job. */
  async purge(id: string, filePath: string): Promise<void> {
    await rm(this.pathOf(filePath), { force: true });
    const now = toStoredDatetime(new Date().toISOString());
    await this.database.single((sql) => sql.execute('UPDATE bf_import_job SET file_purged_at = ? WHERE id = ? AND file_purged_at IS NULL', [now, id]));
  }

  /**
   * Expires the jobs left unrun past the retention (as at `now`: from their upload, or from their
   * last dry run) and deletes the files no job will read again; answers how many of each.
   */
  async sweep(now: number = Date.now()): Promise<{ expired: number; purged: number }> {
    const cutoff = toStoredDatetime(new Date(now - this.retentionHours * HOUR_MS).toISOString());
    const stamp = toStoredDatetime(new Date(now).toISOString());
    const message = expiredMessage(this.retentionHours);
    let expired = 0;
    for (;;) {
      const due = await this.database.read((sql) => sql.rows<{ id: string }>(`SELECT id FROM bf_import_job WHERE ${NEVER_RUN} AND COALESCE(finished_at, created_at) < ? LIMIT ${SWEEP_BATCH}`, [cutoff]));
      for (const { id } of due) {
        // Conditional: a run asked for meanwhile wins, and the job keeps its file.
        expired += await this.database.single((sql) =>
          sql.execute(`UPDATE bf_import_job SET status = 'expired', error_en = ?, error_zh = ?, finished_at = ?, version = version + 1 WHERE id = ? AND ${NEVER_RUN}`, [message.en, message.zh, stamp, id]),
        );
      }
      if (due.length < SWEEP_BATCH) break;
    }
    let purged = 0;
    for (;;) {
      const unread = await this.database.read((sql) => sql.rows<{ id: string; file_path: string }>(`SELECT id, file_path FROM bf_import_job WHERE file_purged_at IS NULL AND ${FILE_NO_LONGER_READ} LIMIT ${SWEEP_BATCH}`));
      for (const job of unread) await this.purge(job.id, job.file_path);
      purged += unread.length;
      if (unread.length < SWEEP_BATCH) break;
    }
    return { expired, purged };
  }
}
