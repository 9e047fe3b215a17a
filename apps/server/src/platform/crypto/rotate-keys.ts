import { isEncrypted } from '@bankforge/data-model';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { AuditLog } from '../../modules/audit/audit-log.js';
import type { Database } from '../database/database.js';
import type { MetadataService } from '../../modules/metadata/metadata.service.js';
import type { FieldCipher } from './field-cipher.js';

export interface RotationResult {
  keyId: string;
  fields: string[];
  reencrypted: number;
}

/**
 * Re-encrypts every encrypted value not yet under the current key, a batch at a time, while the
 * server keeps running. Each row is rewritten only if it still holds the ciphertext that was read
 * (a concurrent edit wins and is already under the current key). The value, its blind index and
 * the record's version do not change: only the envelope does.
 */
export async function rotateDataKeys(database: Database, metadata: MetadataService, cipher: FieldCipher, batch = 500): Promise<RotationResult> {
  const q = (id: string): string => database.quote(id);
  const result: RotationResult = { keyId: cipher.currentKeyId, fields: [], reencrypted: 0 };
  for (const entity of await metadata.listEntities()) {
    const model = await metadata.entity(entity.key);
    for (const field of model.definition.fields.filter(isEncrypted)) {
      result.fields.push(`${entity.key}.${field.key}`);
      const column = q(field.key);
      for (;;) {
        const rows = await database.read((sql) =>
          sql.rows<{ id: string; value: string }>(`SELECT id, ${column} AS value FROM ${q(model.table)} WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ? LIMIT ${batch}`, [
            `v1.${cipher.currentKeyId}.%`,
          ]),
        );
        if (rows.length === 0) break;
        // Counted once the batch commits: a transaction the database rolls back is run again from the start.
        result.reencrypted += await database.transaction(async (sql) => {
          let changed = 0;
          for (const row of rows) {
            const fresh = cipher.encrypt(cipher.decrypt(row.value, field.id), field.id);
            changed += await sql.execute(`UPDATE ${q(model.table)} SET ${column} = ? WHERE id = ? AND ${column} = ?`, [fresh, row.id, row.value]);
          }
          return changed;
        });
      }
    }
  }
  await new AuditLog(database).record(SYSTEM_ACTOR, { action: 'keyRotation', detail: { ...result } });
  return result;
}
