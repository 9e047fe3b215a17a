import type { SqlFragment } from '../sql/fragment.js';
import type { ValueType } from './value-type.js';

/** A field path or calculated field made SQL: an expression over the query's tables and its type. */
export interface ResolvedValue {
  sql: SqlFragment;
  type: ValueType;
}

/** Records a problem at a JSON Pointer; compilation goes on so that every problem is reported at once. */
export type IssueSink = (path: string, code: string, message: string) => void;

/** A stored field an expression reads: what field rules (hidden, masked) apply to. */
export interface FieldRead {
  entity: string;
  /** The field key, or a standard column (`owner_id`, `created_at`, ...). */
  field: string;
}
