import type { SqlFragment, ValueType } from '@bankforge/data-model';

/** A field path or calculated field made SQL: an expression over the query's tables and its type. */
export interface ResolvedValue {
  sql: SqlFragment;
  type: ValueType;
}

/** A stored field an expression reads: what field rules (hidden, masked) apply to. */
export interface FieldRead {
  entity: string;
  /** The field key, or a standard column (`owner_id`, `created_at`, ...). */
  field: string;
}
