import type { RecordTypeCheck } from '../form/form-model-api.js';
import { toFieldErrors, type ErrorField, type SchemaError } from './ajv-errors.js';

/** A validation function as Ajv compiles it, in Node or as standalone code. */
export interface SchemaCheck {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

/** Wraps a compiled record schema into a check that reports FieldErrors. */
export function recordTypeCheck(validate: SchemaCheck, fields: readonly ErrorField[]): RecordTypeCheck {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  return (values) => (validate(values) ? [] : toFieldErrors(validate.errors ?? [], byKey, values));
}
