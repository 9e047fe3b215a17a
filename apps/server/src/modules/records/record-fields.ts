import {
  blindIndexColumn,
  columnKind,
  isEncrypted,
  moneyCurrencyColumn,
  type FieldDefinition,
} from '@bankforge/data-model';
import type { EntityModel } from '../metadata/entity-model.js';
import { hasIndex } from '../metadata/physical-schema.js';

/** What a filter, a sort or a projection can name: a field, a system column, or a money field's currency. */
export interface RecordColumn {
  name: string;
  column: string;
  kind: 'string' | 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'json' | 'multi' | 'currency' | 'encrypted';
  sortable: boolean;
  field?: FieldDefinition;
}

const SYSTEM: Record<string, RecordColumn> = {
  id: { name: 'id', column: 'id', kind: 'string', sortable: true },
  created_at: { name: 'created_at', column: 'created_at', kind: 'datetime', sortable: true },
  updated_at: { name: 'updated_at', column: 'updated_at', kind: 'datetime', sortable: true },
  owner_id: { name: 'owner_id', column: 'owner_id', kind: 'string', sortable: true },
  created_by: { name: 'created_by', column: 'created_by', kind: 'string', sortable: false },
  updated_by: { name: 'updated_by', column: 'updated_by', kind: 'string', sortable: false },
  version: { name: 'version', column: 'version', kind: 'integer', sortable: false },
  deleted_at: { name: 'deleted_at', column: 'deleted_at', kind: 'datetime', sortable: false },
};

export const SYSTEM_FIELD_NAMES = Object.keys(SYSTEM);

/**
 * Resolves a name from a request to a column known from metadata, or undefined. This is the only
 * way a request's words reach SQL, and they reach it as metadata's identifiers, never as typed.
 */
export function resolveColumn(model: EntityModel, name: string): RecordColumn | undefined {
  const system = Object.hasOwn(SYSTEM, name) ? SYSTEM[name] : undefined;
  if (system) return system;
  const [key, part] = name.split('.', 2) as [string, string | undefined];
  const field = model.fieldsByKey.get(key);
  if (!field) return undefined;
  const kind = columnKind(field);
  if (part !== undefined) {
    return kind === 'money' && part === 'currency' && name === `${key}.currency`
      ? { name, column: moneyCurrencyColumn(key), kind: 'currency', sortable: false, field }
      : undefined;
  }
  // An encrypted field is found through its blind index: equal or not, never ordered.
  if (isEncrypted(field)) return { name, column: blindIndexColumn(key), kind: 'encrypted', sortable: false, field };
  const sortable = hasIndex(field);
  if (field.type === 'multiSelect') return { name, column: key, kind: 'multi', sortable: false, field };
  return { name, column: key, kind: kind === 'money' ? 'decimal' : kind, sortable, field };
}
