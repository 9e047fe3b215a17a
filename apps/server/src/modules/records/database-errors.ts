import { blindIndexColumn, moneyCurrencyColumn, type FieldDefinition } from '@bankforge/data-model';
import type { EntityModel } from '../metadata/entity-model.js';
import { driverError } from '../../platform/database/driver-error.js';
import { indexNameOf } from '../metadata/physical-schema.js';

/** The field whose unique index a failed write violated, or undefined if it was another error. */
export function uniqueViolationField(error: unknown, model: EntityModel): FieldDefinition | 'unknown' | undefined {
  const driver = driverError(error);
  if (!driver) return undefined;
  if (driver.code === 'ER_DUP_ENTRY' || driver.errno === 1062) {
    // "Duplicate entry 'x' for key 'ux_customer_ab12'" (MariaDB) or "... for key 'e_customer.ux_...'" (MySQL 8).
    const index = /for key '(?:[^'.]+\.)?([^']+)'/.exec(driver.sqlMessage ?? driver.message ?? '')?.[1];
    // Record ids are random: a primary-key clash is another table's (the audit chain's), not a field's.
    if (index === 'PRIMARY') return undefined;
    return model.definition.fields.find((f) => f.unique && indexNameOf(model.key, f) === index) ?? 'unknown';
  }
  if (driver.code === 'SQLITE_CONSTRAINT_UNIQUE' || driver.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: e_customer.customer_no"
    const [, table, column] = /constraint failed: ([^.]+)\.([a-z0-9_]+)/.exec(driver.message ?? '') ?? [];
    if (table !== model.table) return undefined;
    return model.definition.fields.find((f) => f.key === column || moneyCurrencyColumn(f.key) === column || blindIndexColumn(f.key) === column) ?? 'unknown';
  }
  return undefined;
}

export function isForeignKeyViolation(error: unknown): boolean {
  const driver = driverError(error);
  return driver?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || driver?.errno === 1452 || driver?.errno === 1451;
}
