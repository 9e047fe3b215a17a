import { isEncrypted } from '@bankforge/data-model';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { AuditLog } from '../../modules/audit/audit-log.js';
import { connectorSealedColumns } from '../../modules/connectors/connector-store.js';
import { importSealedColumns } from '../../modules/imports/import-sealed-columns.js';
import { webhookSealedColumns } from '../../modules/webhooks/webhook-store.js';
import type { Database } from '../database/database.js';
import type { MetadataService } from '../../modules/metadata/metadata.service.js';
import type { FieldCipher } from './field-cipher.js';
import type { SealedColumn } from './sealed-column.js';

export interface RotationResult {
  keyId: string;
  /** `entity.field` of each encrypted record field, then `table.column` of each other sealed column. */
  fields: string[];
  reencrypted: number;
}

/** Every sealed column outside the records: secrets of connectors and webhooks, imports' prior values. */
const PLATFORM_SEALED_COLUMNS: readonly SealedColumn[] = [...connectorSealedColumns, ...webhookSealedColumns, ...importSealedColumns];

/**
 * Re-encrypts every encrypted value not yet under the current key, a batch at a time, while the
 * server keeps running. Each row is rewritten only if it still holds the ciphertext that was read
 * (a concurrent edit wins and is already under the current key). The value, its blind index and
 * the record's version do not change: only the envelope does.
 */
export async function rotateDataKeys(database: Database, metadata: MetadataService, cipher: FieldCipher, batch = 500): Promise<RotationResult> {
  const result: RotationResult = { keyId: cipher.currentKeyId, fields: [], reencrypted: 0 };
  const columns: { name: string; sealed: SealedColumn }[] = [];
  for (const entity of await metadata.listEntities()) {
    const model = await metadata.entity(entity.key);
    for (const field of model.definition.fields.filter(isEncrypted)) {
      columns.push({ name: `${entity.key}.${field.key}`, sealed: { table: model.table, column: field.key, keys: ['id'], associatedData: () => field.id } });
    }
  }
  for (const sealed of PLATFORM_SEALED_COLUMNS) columns.push({ name: `${sealed.table}.${sealed.column}`, sealed });
  for (const { name, sealed } of columns) {
    result.fields.push(name);
    result.reencrypted += await reencryptColumn(database, cipher, sealed, batch);
  }
  await new AuditLog(database).record(SYSTEM_ACTOR, { action: 'keyRotation', detail: { ...result } });
  return result;
}

async function reencryptColumn(database: Database, cipher: FieldCipher, sealed: SealedColumn, batch: number): Promise<number> {
  const q = (id: string): string => database.quote(id);
  const column = q(sealed.column);
  const keys = sealed.keys.map(q);
  const byKey = keys.map((k) => `${k} = ?`).join(' AND ');
  let reencrypted = 0;
  for (;;) {
    const rows = await database.read((sql) =>
      sql.rows<Record<string, string>>(`SELECT ${keys.join(', ')}, ${column} AS sealed_value FROM ${q(sealed.table)} WHERE ${column} IS NOT NULL AND ${column} NOT LIKE ? LIMIT ${batch}`, [
        `v1.${cipher.currentKeyId}.%`,
      ]),
    );
    if (rows.length === 0) return reencrypted;
    // Counted once the batch commits: a transaction the database rolls back is run again from the start.
    reencrypted += await database.transaction(async (sql) => {
      let changed = 0;
      for (const row of rows) {
        const data = sealed.associatedData(row);
        const old = String(row.sealed_value);
        const keyValues = sealed.keys.map((k) => String(row[k]));
        changed += await sql.execute(`UPDATE ${q(sealed.table)} SET ${column} = ? WHERE ${byKey} AND ${column} = ?`, [cipher.encrypt(cipher.decrypt(old, data), data), ...keyValues, old]);
      }
      return changed;
    });
  }
}
