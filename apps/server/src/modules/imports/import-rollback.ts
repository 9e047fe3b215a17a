import { Inject, Injectable } from '@nestjs/common';
import type { ImportRollback } from '@bankforge/client';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { RecordsService } from '../records/records.service.js';
import { ImportStore } from './import-store.js';
import { priorValuesData } from './import-sealed-columns.js';

/** Changes undone per transaction. */
const BATCH = 500;

interface ChangeRow {
  record_id: string;
  kind: string;
  version_after: number | string;
  prior_values: string | null;
}

/**
 * Undoes a committed import as a whole: the records it created are soft-deleted and the ones it
 * updated get their previous values back, each through the records layer (audited, with domain
 * events), a batch per transaction. A record someone changed after the import is left as it is and
 * counted: the rollback never overwrites later work. Each undone change is deleted with its undo,
 * so a rollback cut short is finished by asking again.
 */
@Injectable()
export class ImportRollbacks {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(ImportStore) private readonly store: ImportStore,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  async rollback(id: string, actor: Actor): Promise<ImportRollback> {
    const job = await this.store.row(id, actor);
    await this.records.viewFor(job.entity_key, actor, 'import');
    if (job.mode !== 'commit' || !['done', 'failed', 'rolledBack'].includes(job.status)) {
      throw ProblemError.conflict('importNotRollbackable', `Only a committed import that has stopped can be rolled back; import ${id} is ${job.mode === 'commit' ? job.status : 'not committed'}.`);
    }
    await this.database.single((sql) => sql.execute(`UPDATE bf_import_job SET status = 'rolledBack', version = version + 1 WHERE id = ? AND status IN ('done', 'failed', 'rolledBack')`, [id]));
    // The import's own undo: it may remove what it created and restore what it changed, whatever the importer's other grants; still audited as them.
    const undoer: Actor = { ...actor, access: AccessProfile.unrestricted };
    const removeView = await this.records.viewFor(job.entity_key, undoer, 'delete');
    const restoreView = await this.records.viewFor(job.entity_key, undoer, 'update');
    const result = { removed: 0, restored: 0, changedSince: 0 };
    for (;;) {
      const changes = await this.database.read((sql) =>
        sql.rows<ChangeRow>(`SELECT record_id, kind, version_after, prior_values FROM bf_import_change WHERE job_id = ? ORDER BY row_no DESC, record_id LIMIT ${BATCH}`, [id]),
      );
      if (changes.length === 0) break;
      await this.database.transaction(async (tx) => {
        for (const change of changes) {
          const version = Number(change.version_after);
          if (change.kind === 'created') {
            if (await this.records.importRemoveIn(tx, removeView, undoer, change.record_id, version)) result.removed++;
            else result.changedSince++;
          } else {
            const current = await this.records.readIn(tx, restoreView.model, change.record_id);
            if (!current || current.version !== version) result.changedSince++;
            else {
              const prior = JSON.parse(this.cipher.decrypt(change.prior_values!, priorValuesData(id))) as Record<string, unknown>;
              await this.records.importUpdateIn(tx, restoreView, undefined, undoer, change.record_id, prior);
              result.restored++;
            }
          }
          await tx.execute('DELETE FROM bf_import_change WHERE job_id = ? AND record_id = ?', [id, change.record_id]);
        }
      });
    }
    return { job: await this.store.get(id, actor), ...result };
  }
}
