import { createHash } from 'node:crypto';
import {
  blindIndexColumn,
  columnKind,
  entityTable,
  decimalShape,
  isEncrypted,
  moneyCurrencyColumn,
  stringLength,
  type EntityDefinition,
  type FieldDefinition,
} from '@bankforge/data-model';
import type { Dialect } from '../../platform/config/server-config.js';

/** The physical table of an entity (the data model's `entityTable`). */
export const tableNameOf = entityTable;

export interface PhysicalColumn {
  name: string;
  /** The column's SQL type per dialect; SQLite types are affinities, so lengths are advisory there. */
  mysql: string;
  sqlite: string;
}

/**
 * The columns a field occupies: one, or two for money (amount and ISO currency) and for encrypted
 * fields (the ciphertext, which is longer than the value, and its blind index).
 */
export function columnsOf(field: FieldDefinition): PhysicalColumn[] {
  const kind = columnKind(field);
  if (isEncrypted(field)) {
    return [
      { name: field.key, mysql: kind === 'text' ? 'MEDIUMTEXT' : 'TEXT', sqlite: 'TEXT' },
      { name: blindIndexColumn(field.key), mysql: 'CHAR(64)', sqlite: 'VARCHAR(64)' },
    ];
  }
  switch (kind) {
    case 'string': {
      const type = `VARCHAR(${stringLength(field)})`;
      return [{ name: field.key, mysql: type, sqlite: type }];
    }
    case 'text':
      return [{ name: field.key, mysql: 'MEDIUMTEXT', sqlite: 'TEXT' }];
    case 'integer':
      return [{ name: field.key, mysql: 'BIGINT', sqlite: 'INTEGER' }];
    case 'decimal': {
      const { precision, scale } = decimalShape(field);
      return [{ name: field.key, mysql: `DECIMAL(${precision},${scale})`, sqlite: `DECIMAL(${precision},${scale})` }];
    }
    case 'money': {
      const { precision, scale } = decimalShape(field);
      return [
        { name: field.key, mysql: `DECIMAL(${precision},${scale})`, sqlite: `DECIMAL(${precision},${scale})` },
        { name: moneyCurrencyColumn(field.key), mysql: 'CHAR(3)', sqlite: 'VARCHAR(3)' },
      ];
    }
    case 'boolean':
      return [{ name: field.key, mysql: 'TINYINT(1)', sqlite: 'BOOLEAN' }];
    // SQLite keeps dates as fixed-width text, which sorts and compares like the calendar.
    case 'date':
      return [{ name: field.key, mysql: 'DATE', sqlite: 'VARCHAR(10)' }];
    case 'datetime':
      return [{ name: field.key, mysql: 'DATETIME(3)', sqlite: 'VARCHAR(23)' }];
    case 'json':
      return [{ name: field.key, mysql: 'LONGTEXT', sqlite: 'TEXT' }];
  }
}

export function columnType(column: PhysicalColumn, dialect: Dialect): string {
  return dialect === 'mysql' ? column.mysql : column.sqlite;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/**
 * Index names derive from the entity key and the field's stable id, so they survive a rename of
 * the field and a unique violation reported by the database can be traced back to its field.
 */
export function indexNameOf(entityKey: string, field: Pick<FieldDefinition, 'id' | 'unique'>): string {
  return `${field.unique ? 'ux' : 'ix'}_${entityKey.slice(0, 24)}_${shortHash(`${entityKey}:${field.id}`)}`;
}

/** A composite index's name derives from the entity key and the index's key. */
export function entityIndexNameOf(entityKey: string, indexKey: string): string {
  return `cx_${entityKey.slice(0, 24)}_${shortHash(`${entityKey}:index:${indexKey}`)}`;
}

export function foreignKeyNameOf(entityKey: string, field: Pick<FieldDefinition, 'id'>): string {
  return `fk_${entityKey.slice(0, 24)}_${shortHash(`${entityKey}:${field.id}`)}`;
}

/** What a field's index covers: its column(s), or for an encrypted field its blind index. */
export function indexColumnsOf(field: FieldDefinition): string[] {
  return isEncrypted(field) ? [blindIndexColumn(field.key)] : columnsOf(field).map((c) => c.name);
}

export function hasIndex(field: FieldDefinition): boolean {
  return Boolean(field.unique || field.indexed || field.type === 'reference');
}

/** System columns are the same in every entity table. */
export const SYSTEM_COLUMNS: readonly PhysicalColumn[] = [
  { name: 'id', mysql: 'VARCHAR(36) NOT NULL', sqlite: 'VARCHAR(36) NOT NULL' },
  { name: 'created_at', mysql: 'DATETIME(3) NOT NULL', sqlite: 'VARCHAR(23) NOT NULL' },
  { name: 'created_by', mysql: 'VARCHAR(64)', sqlite: 'VARCHAR(64)' },
  { name: 'updated_at', mysql: 'DATETIME(3) NOT NULL', sqlite: 'VARCHAR(23) NOT NULL' },
  { name: 'updated_by', mysql: 'VARCHAR(64)', sqlite: 'VARCHAR(64)' },
  { name: 'owner_id', mysql: 'VARCHAR(64)', sqlite: 'VARCHAR(64)' },
  { name: 'version', mysql: 'INT NOT NULL', sqlite: 'INTEGER NOT NULL' },
  { name: 'deleted_at', mysql: 'DATETIME(3)', sqlite: 'VARCHAR(23)' },
];

/** System columns indexed in every table (the data model says which; the report compiler reads it too). */
export { SYSTEM_INDEXES } from '@bankforge/data-model';

/** What the store records about an entity's table, next to the entity's published version. */
export interface EntityTableLayout {
  table: string;
  entityVersion: number;
  columns: Record<string, string[]>;
  indexes: Record<string, string>;
}

export function layoutOf(entity: EntityDefinition, entityVersion: number): EntityTableLayout {
  const columns: Record<string, string[]> = {};
  const indexes: Record<string, string> = {};
  for (const field of entity.fields) {
    columns[field.id] = columnsOf(field).map((c) => c.name);
    if (hasIndex(field)) indexes[field.id] = indexNameOf(entity.key, field);
  }
  return { table: tableNameOf(entity.key), entityVersion, columns, indexes };
}
