import type { EntityDefinition, FieldError } from '../entity/entity-definition.js';
import { errorFields } from './ajv-errors.js';
import { createRecordAjv } from './record-ajv.js';
import { recordJsonSchema, type RecordSchemaOptions } from './record-schema.js';
import { recordTypeCheck } from './type-check.js';

export type RecordValidatorOptions = RecordSchemaOptions;

/** Validates one record's field values; returns every problem found, or `[]`. */
export type RecordValidator = (values: Record<string, unknown>) => FieldError[];

/**
 * Compiles the validator for an entity's records, once: the caller keeps the returned function
 * (the server caches it per entity version). Pass values through `normalizeRecordValues` first;
 * the validator itself accepts only canonical values.
 */
export function compileRecordValidator(
  entity: EntityDefinition,
  options: RecordValidatorOptions = {},
): RecordValidator {
  const validate = createRecordAjv().compile(recordJsonSchema(entity, options));
  return recordTypeCheck(validate, errorFields(entity.fields));
}
