import {
  columnKind,
  decimalShape,
  fromStoredDatetime,
  isEncrypted,
  moneyCurrencyColumn,
  toStoredDatetime,
  type FieldDefinition,
} from '@bankforge/data-model';
import type { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { SqlValue } from '../../platform/database/database.js';

function decimalFromDb(value: unknown, scale: number): string | null {
  if (value === null || value === undefined) return null;
  // SQLite answers numbers (exact to 15 significant digits); MySQL answers exact strings.
  if (typeof value === 'number') return value.toFixed(scale);
  const text = String(value);
  const [whole = '0', fraction = ''] = text.split('.');
  return scale > 0 ? `${whole}.${fraction.padEnd(scale, '0').slice(0, scale)}` : whole;
}

function cipherFor(field: FieldDefinition, cipher: FieldCipher | undefined): FieldCipher {
  if (!cipher) throw new Error(`${field.key} is encrypted at rest and no cipher was given`);
  return cipher;
}

/** The column values (in `columnsOf` order) that hold a field's canonical API value. */
export function fieldColumnValues(field: FieldDefinition, value: unknown, cipher?: FieldCipher): SqlValue[] {
  if (isEncrypted(field)) {
    if (value === null || value === undefined) return [null, null];
    const text = String(value);
    const c = cipherFor(field, cipher);
    return [c.encrypt(text, field.id), c.blindIndex(text)];
  }
  const kind = columnKind(field);
  if (value === null || value === undefined) return kind === 'money' ? [null, null] : [null];
  switch (kind) {
    case 'money': {
      const money = value as { amount: string; currency: string };
      return [money.amount, money.currency];
    }
    case 'boolean':
      return [value ? 1 : 0];
    case 'datetime':
      return [toStoredDatetime(String(value))];
    case 'json':
      return [JSON.stringify(value)];
    case 'integer':
      return [value as number];
    default:
      return [String(value)];
  }
}

/** A field's canonical API value from a database row. */
export function fieldValueFromRow(field: FieldDefinition, row: Record<string, unknown>, cipher?: FieldCipher): unknown {
  const raw = row[field.key];
  if (isEncrypted(field)) return raw === null || raw === undefined ? null : cipherFor(field, cipher).decrypt(String(raw), field.id);
  const kind = columnKind(field);
  if (kind === 'money') {
    const amount = decimalFromDb(raw, decimalShape(field).scale);
    return amount === null ? null : { amount, currency: String(row[moneyCurrencyColumn(field.key)] ?? '') };
  }
  if (raw === null || raw === undefined) return null;
  switch (kind) {
    case 'decimal':
      return decimalFromDb(raw, decimalShape(field).scale);
    case 'integer':
      return Number(raw);
    case 'boolean':
      return raw === 1 || raw === true || raw === '1';
    case 'datetime':
      return fromStoredDatetime(raw);
    case 'date':
      return String(raw).slice(0, 10);
    // MariaDB's JSON is text; MySQL's answers parsed values.
    case 'json':
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    default:
      return String(raw);
  }
}
