import type { SqlFragment } from '../sql/fragment.js';
import type { ValueType } from './value-type.js';

/** A field path or calculated field made SQL: an expression over the query's tables and its type. */
export interface ResolvedValue {
  sql: SqlFragment;
  type: ValueType;
}

/** Records a problem at a JSON Pointer; compilation goes on so that every problem is reported at once. */
export type IssueSink = (path: string, code: string, message: string) => void;
