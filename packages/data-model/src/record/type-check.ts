import type { FieldError } from '../entity/entity-definition.js';
import { toFieldErrors, type ErrorField, type SchemaError } from './ajv-errors.js';

/**
 * Type-level checks of one entity's record values (formats, bounds, options), without
 * `required`: the model decides what is required. In Node this is `compileRecordValidator(entity,
 * { partial: true })`; in the browser the standalone validator the server serves.
 */
export type RecordTypeCheck = (values: Record<string, unknown>) => FieldError[];

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
