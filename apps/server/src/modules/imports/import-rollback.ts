import { Inject, Injectable } from '@nestjs/common';
import type { ImportJob } from '@bankforge/client';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import type { LeasedQueueSpec } from '../../platform/leases/leased-queue.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { DirectoryService } from '../auth/directory.service.js';
import { RecordsService } from '../records/records.service.js';
import { requesterActor } from './import-actor.js';
import { failureCause, requesterCannotImport, requesterGone, rollbackGaveUp, rollbackInterrupted, rollbackRetrying, type RollbackReason } from './import-rollback-reasons.js';
import { importNotFound, ImportStore, type ImportJobRow } from './import-store.js';
import { priorValuesData } from './import-sealed-columns.js';

/** Changes undone per transaction. */
const DEFAULT_BATCH = 500;
/** How long a claimed rollback is this replica's without a batch: a batch takes far less. */
const LEASE_SECONDS = 60;
const DEFAULT_POLL_MS = 1000;
/** Attempts in a row that may fail before the rollback ends rollbackFailed: one that fails the same way each time is not tried forever. */
export const ROLLBACK_MAX_ATTEMPTS = 5;

/** Seconds before the attempt after `failures` failed ones: 30 s, 1, 2, then 4 minutes. */
export function rollbackRetrySeconds(failures: number): number {
  return 30 * 2 ** (failures - 1);
}

/** A rollback asked for, due again after a failed attempt, or left by a replica whose lease ran out: one at a time, the earliest due first. */
const ROLLBACK_QUEUE: LeasedQueueSpec = {
  table: 'bf_import_job',
  key: 'id',
  waiting: { column: 'status', values: ['rollingBack'] },
  // Its own: `created_at` is the upload's, and a failed attempt puts the next one off.
  due: 'rollback_due_at',
  // On MySQL/MariaDB the claim reads the row before it takes the lease: `lease_owner` is the previous one.
  columns: ['id', 'lease_owner'],
  order: ['rollback_due_at', 'id'],
  batch: 1,
  leaseSeconds: LEASE_SECONDS,
  // Failures in a row are counted (`rollback_failures`), not claims: a batch done resets them.
  countsAttempts: false,
  retry: { maxAttempts: ROLLBACK_MAX_ATTEMPTS, delaySeconds: rollbackRetrySeconds },
};

interface ClaimedRollback {
  id: string;
  lease_owner: string | null;
}

interface ChangeRow {
  record_id: string;
  kind: string;
  version_after: number | string;
  prior_values: string | null;
}

interface Undone {
  removed: number;
  restored: number;
  changedSince: number;
}

class LeaseLost extends Error {}

/** The rollback cannot go on as whoever asked for it: it ends at once (trying again would not help). */
class RequesterRefused extends Error {
  constructor(readonly reason: RollbackReason) {
    super(reason.en);
  }
}

/**
 * Undoes a committed import as a whole, in the background: asking answers at once with the job
 * marked rollingBack, and a replica claims it with a lease (as the import runner claims runs) and
 * works through the changes the run recorded. The records it created are soft-deleted and the ones
 * it updated get their previous values back, each through the records layer (audited, with domain
 * events), a batch per transaction with the job's counts and its lease: a record someone changed
 * after the import is left as it is and counted, so the rollback never overwrites later work. Each
 * undone change is deleted with its undo, so a replica that takes over after a crash finishes what
 * is left, and the job ends rolledBack. It acts as, and is audited as, whoever asked for it, while
 * they still exist and hold the import right on the entity; else it ends rollbackFailed at once. An
 * attempt that fails is tried again with a growing wait (one its server stopped in the middle of, found
 * when its lease has run out, counts as failed too, and the next goes on at once), and after
 * `ROLLBACK_MAX_ATTEMPTS` failed in a row the job ends rollbackFailed with the cause (a code or class, never a value); what was
 * undone stays undone, and asking again goes on from there.
 */
@Injectable()
export class ImportRollbacks extends LeasedQueueWorker<ClaimedRollback> {
  /** Changes undone per transaction. */
  batchChanges = DEFAULT_BATCH;
  /** Tests stop a rollback after this many batches (0: before its first), as a crash would (its lease left to run out). */
  stopAfterBatches: number | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(ImportStore) private readonly store: ImportStore,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
  ) {
    super(database, ROLLBACK_QUEUE, { env: 'BANKFORGE_IMPORT_POLL_MS', defaultMs: DEFAULT_POLL_MS });
  }

  /** Runs the rollbacks due now (asked for, or left by a replica whose lease ran out); answers how many it ran. */
  runDue(): Promise<number> {
    return this.queue.drain();
  }

  /**
   * Marks a committed import that has stopped rollingBack and starts it, as the caller (its uploader,
   * or an administrator: an import whose key was revoked or whose uploader left can still be undone);
   * answers the job. A rollback that ended rollbackFailed goes on from where it stopped, its counts
   * kept and its failures forgotten. Asking again while it rolls back, or once it has, answers the job as it is
   * (a retried request changes nothing twice).
   */
  async request(id: string, actor: Actor): Promise<ImportJob> {
    const job = await this.store.row(id, actor, 'uploaderOrAdministrator');
    await this.records.viewFor(job.entity_key, actor, 'import');
    if (job.mode === 'commit' && (job.status === 'rollingBack' || job.status === 'rolledBack')) return this.store.get(id, actor, 'uploaderOrAdministrator');
    const notRollbackable = (): ProblemError => {
      const message = `Only a committed import that has stopped can be rolled back; import ${id} is ${job.mode === 'commit' ? job.status : 'not committed'}.`;
      return new ProblemError(409, 'importNotRollbackable', message, [{ path: '/', code: 'importNotRollbackable', message, messageZh: '只有已正式导入且已结束的导入才能回滚。' }]);
    };
    if (job.mode !== 'commit' || !['done', 'failed', 'rollbackFailed'].includes(job.status)) throw notRollbackable();
    // The requester (not the importer) is the caller: the uploader or an administrator, a person or a
    // key with an id; only the server's own actor has none, and it asks for no rollback.
    const requester = actor.userId;
    if (requester === null) throw importNotFound(id);
    const started = await this.database.single((sql) => {
      const asked = `status = 'rollingBack', rollback_requested_by = ?, rollback_failures = 0, rollback_due_at = ${databaseNow(sql)}, error_en = NULL, error_zh = NULL, lease_owner = NULL, lease_until = NULL, version = version + 1`;
      return job.status === 'rollbackFailed'
        ? sql.execute(`UPDATE bf_import_job SET ${asked} WHERE id = ? AND mode = 'commit' AND status = 'rollbackFailed'`, [requester, id])
        : sql.execute(
            `UPDATE bf_import_job SET ${asked}, rollback_total = (SELECT COUNT(*) FROM bf_import_change c WHERE c.job_id = ?), rollback_removed = 0, rollback_restored = 0, rollback_changed_since = 0
             WHERE id = ? AND mode = 'commit' AND status IN ('done', 'failed')`,
            [requester, id, id],
          );
    });
    // Asked twice at once: the other request started it.
    if (started === 0 && !['rollingBack', 'rolledBack'].includes((await this.store.row(id, actor, 'uploaderOrAdministrator')).status)) throw notRollbackable();
    // Read before the drain starts: the answer is the rollback as asked for, not a moment of its run.
    const answer = await this.store.get(id, actor, 'uploaderOrAdministrator');
    void this.queue.drain().catch(() => undefined);
    return answer;
  }

  protected async nextBatch(): Promise<number | undefined> {
    const claimed = await this.claim();
    if (!claimed) return undefined;
    const job = await this.store.job(claimed.id);
    if (!job) return 1;
    if (claimed.leftBy !== null && !(await this.interrupted(job.id))) return 1;
    try {
      await this.rollBack(job.id, job.entity_key, await this.undoer(job));
    } catch (error) {
      if (error instanceof LeaseLost) return 1;
      if (error instanceof RequesterRefused) await this.end(job.id, error.reason);
      else await this.failed(job.id, error);
    }
    return 1;
  }

  /**
   * Claims the next due rollback, and whose lease on it ran out without being released (null when it
   * was free): the replica running the previous attempt stopped in the middle of it.
   */
  private claim(): Promise<{ id: string; leftBy: string | null } | undefined> {
    return this.database.transaction(async (tx) => {
      // SQLite's RETURNING answers the lease as the claim leaves it, so the owners before it are read
      // first: its single connection serialises the transaction, nobody claims in between.
      const before = tx.dialect === 'sqlite' ? await tx.rows<ClaimedRollback>("SELECT id, lease_owner FROM bf_import_job WHERE status = 'rollingBack' AND lease_owner IS NOT NULL") : [];
      const [claimed] = await this.queue.claimIn(tx);
      if (!claimed) return undefined;
      const leftBy = tx.dialect === 'sqlite' ? (before.find((row) => row.id === claimed.id)?.lease_owner ?? null) : claimed.lease_owner;
      return { id: claimed.id, leftBy };
    });
  }

  /**
   * Who the undo acts as: whoever asked for it, with the rights of an import's own undo (it may
   * remove what the import created and restore what it changed, whatever their other grants), so
   * long as they still exist and hold the import right on the entity.
   */
  private async undoer(job: ImportJobRow): Promise<Actor> {
    // Asked for before requesters were recorded: by the importer, the only one who may.
    const requester = await this.database.read((sql) => requesterActor(sql, this.directory, job.rollback_requested_by ?? job.created_by));
    if (!requester) throw new RequesterRefused(requesterGone());
    try {
      await this.records.viewFor(job.entity_key, requester, 'import');
    } catch (error) {
      if (error instanceof ProblemError && error.status === 403) throw new RequesterRefused(requesterCannotImport());
      throw error;
    }
    return { ...requester, access: AccessProfile.unrestricted };
  }

  /** A failed attempt: due again after a growing wait, or after the last the job ends rollbackFailed. The cause in words, never a value. */
  private async failed(id: string, error: unknown): Promise<void> {
    const cause = failureCause(error);
    await this.database.transaction(async (tx) => {
      const [row] = await tx.rows<{ rollback_failures: number | string }>("SELECT rollback_failures FROM bf_import_job WHERE id = ? AND lease_owner = ? AND status = 'rollingBack'", [id, this.queue.owner]);
      if (!row) return;
      const failures = Number(row.rollback_failures) + 1;
      const wait = this.queue.retryDelay(failures);
      const reason = wait === undefined ? rollbackGaveUp(failures, cause) : rollbackRetrying(failures, ROLLBACK_MAX_ATTEMPTS, wait, cause);
      await this.queue.change(tx, [id], {
        set: `rollback_failures = ?, error_en = ?, error_zh = ?${wait === undefined ? ", status = 'rollbackFailed', version = version + 1" : ''}`,
        params: [failures, reason.en, reason.zh],
        ...(wait === undefined ? {} : { dueInSeconds: wait }),
        lease: 'release',
        while: { leasedTo: this.queue.owner },
      });
    });
  }

  /**
   * The previous attempt was interrupted (its replica stopped mid-way, its lease ran out): counted as a
   * failed one, so a rollback that brings its server down the same way each time is not tried forever.
   * Answers whether this attempt goes on; after the last allowed the job ends rollbackFailed at once.
   */
  private async interrupted(id: string): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      const [row] = await tx.rows<{ rollback_failures: number | string }>("SELECT rollback_failures FROM bf_import_job WHERE id = ? AND lease_owner = ? AND status = 'rollingBack'", [id, this.queue.owner]);
      if (!row) return false;
      const failures = Number(row.rollback_failures) + 1;
      const last = this.queue.retryDelay(failures) === undefined;
      const reason = rollbackInterrupted(failures, ROLLBACK_MAX_ATTEMPTS);
      const changed = await this.queue.change(tx, [id], {
        set: `rollback_failures = ?, error_en = ?, error_zh = ?${last ? ", status = 'rollbackFailed', version = version + 1" : ''}`,
        params: [failures, reason.en, reason.zh],
        lease: last ? 'release' : 'keep',
        while: { leasedTo: this.queue.owner },
      });
      return !last && changed > 0;
    });
  }

  /** The rollback ends rollbackFailed at once, for this reason. */
  private async end(id: string, reason: RollbackReason): Promise<void> {
    await this.database.single((sql) =>
      this.queue.change(sql, [id], { set: "status = 'rollbackFailed', error_en = ?, error_zh = ?, version = version + 1", params: [reason.en, reason.zh], lease: 'release', while: { leasedTo: this.queue.owner } }),
    );
  }

  private async rollBack(id: string, entity: string, undoer: Actor): Promise<void> {
    const removeView = await this.records.viewFor(entity, undoer, 'delete');
    const restoreView = await this.records.viewFor(entity, undoer, 'update');
    let batches = 0;
    if (this.stopAfterBatches === 0) throw new LeaseLost();
    for (;;) {
      const changes = await this.database.read((sql) =>
        sql.rows<ChangeRow>(`SELECT record_id, kind, version_after, prior_values FROM bf_import_change WHERE job_id = ? ORDER BY row_no DESC, record_id LIMIT ${this.batchChanges}`, [id]),
      );
      if (changes.length === 0) break;
      await this.database.transaction(async (tx) => {
        const undone: Undone = { removed: 0, restored: 0, changedSince: 0 };
        for (const change of changes) {
          const version = Number(change.version_after);
          if (change.kind === 'created') {
            if (await this.records.importRemoveIn(tx, removeView, undoer, change.record_id, version)) undone.removed++;
            else undone.changedSince++;
          } else {
            const current = await this.records.readIn(tx, restoreView.model, change.record_id);
            if (!current || current.version !== version) undone.changedSince++;
            else {
              const prior = JSON.parse(this.cipher.decrypt(change.prior_values!, priorValuesData(id))) as Record<string, unknown>;
              await this.records.importUpdateIn(tx, restoreView, undefined, undoer, change.record_id, prior);
              undone.restored++;
            }
          }
          await tx.execute('DELETE FROM bf_import_change WHERE job_id = ? AND record_id = ?', [id, change.record_id]);
        }
        if (!(await this.advance(tx, id, undone))) throw new LeaseLost();
      });
      if (this.stopAfterBatches !== undefined && ++batches >= this.stopAfterBatches) throw new LeaseLost();
    }
    await this.database.single((sql) =>
      sql.execute(`UPDATE bf_import_job SET status = 'rolledBack', rollback_failures = 0, error_en = NULL, error_zh = NULL, lease_owner = NULL, lease_until = NULL, version = version + 1 WHERE id = ? AND lease_owner = ? AND status = 'rollingBack'`, [
        id,
        this.queue.owner,
      ]),
    );
  }

  /** A batch's counts and the lease renewed, in the batch's transaction, earlier failures forgotten; false when this replica no longer holds the job. */
  private async advance(tx: SqlExecutor, id: string, undone: Undone): Promise<boolean> {
    const moved = await tx.execute(
      `UPDATE bf_import_job SET rollback_removed = rollback_removed + ?, rollback_restored = rollback_restored + ?, rollback_changed_since = rollback_changed_since + ?,
         rollback_failures = 0, error_en = NULL, error_zh = NULL, lease_until = ${databaseNow(tx, LEASE_SECONDS)} WHERE id = ? AND lease_owner = ? AND status = 'rollingBack'`,
      [undone.removed, undone.restored, undone.changedSince, id, this.queue.owner],
    );
    return moved > 0;
  }
}
