import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { EntityDefinition, FieldDefinition, FieldError } from './entity-definition.js';
import { entityArtifactSchema } from './entity-artifact-schema.js';
import { definitionError, type DefinitionErrorCode } from './definition-errors.js';
import { checkField, checkFieldSet, type RawField } from './field-rules.js';
import { escapePointerToken, pointer, pointerTokens } from '../shared/json-pointer.js';
import { compileRecordValidator } from '../record/record-validator.js';
import { normalizeFieldValue } from '../record/normalize.js';

let compiledSchema: ValidateFunction | undefined;

function artifactValidator(): ValidateFunction {
  compiledSchema ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ownProperties: true }).compile(
    entityArtifactSchema,
  );
  return compiledSchema;
}

const SCHEMA_CODES: Record<string, DefinitionErrorCode> = {
  required: 'required',
  additionalProperties: 'unknownProperty',
  type: 'type',
  enum: 'invalidValue',
  const: 'invalidValue',
  pattern: 'pattern',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  minItems: 'minItems',
  uniqueItems: 'uniqueItems',
};

function schemaError(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  if (error.keyword === 'required') path += `/${escapePointerToken(String(params.missingProperty))}`;
  if (error.keyword === 'additionalProperties') path += `/${escapePointerToken(String(params.additionalProperty))}`;
  const name = pointerTokens(path).at(-1) ?? 'document';
  const allowed = Array.isArray(params.allowedValues)
    ? params.allowedValues.map(String).join(', ')
    : params.allowedValue !== undefined
      ? String(params.allowedValue)
      : typeof params.pattern === 'string'
        ? params.pattern
        : undefined;
  return definitionError(path, SCHEMA_CODES[error.keyword] ?? 'invalid', {
    name,
    allowed,
    type: Array.isArray(params.type) ? params.type.join(' or ') : (params.type as string | undefined),
    limit: typeof params.limit === 'number' ? params.limit : undefined,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks each default against its own field, for fields that are otherwise sound. */
function checkDefaults(fields: readonly RawField[], sound: (i: number) => boolean): FieldError[] {
  const errors: FieldError[] = [];
  fields.forEach((raw, i) => {
    if (raw.default === undefined || !sound(i)) return;
    const field = raw as unknown as FieldDefinition;
    const entity: EntityDefinition = {
      kind: 'entity',
      key: 'default_check',
      title: 'default check',
      label: { en: 'default check', 'zh-CN': 'default check' },
      fields: [field],
    };
    const value = normalizeFieldValue(field, structuredClone(raw.default));
    const problems = compileRecordValidator(entity, { partial: true })({ [field.key]: value });
    for (const problem of problems) {
      const sub = pointerTokens(problem.path).slice(1);
      errors.push(
        definitionError(pointer('fields', i, 'default', ...sub), 'invalidDefault', {
          field: field.key,
          reason: { en: problem.message, zh: problem.messageZh },
        }),
      );
    }
  });
  return errors;
}

/**
 * Validates an `entity` artifact document: its JSON Schema (`entityArtifactSchema`) and the rules
 * beyond it. Returns every problem found, with JSON Pointer paths into the document, or `[]`.
 */
export function validateEntityDefinition(doc: unknown): FieldError[] {
  const validate = artifactValidator();
  const errors = validate(doc) ? [] : (validate.errors ?? []).map(schemaError);
  if (!isRecord(doc) || !Array.isArray(doc.fields)) return errors;
  const fields = (doc.fields as unknown[]).map((f) => (isRecord(f) ? f : {}));
  errors.push(...checkFieldSet(fields));
  fields.forEach((field, i) => errors.push(...checkField(field, i)));
  const troubled = new Set(
    errors.map((e) => pointerTokens(e.path)).filter((t) => t[0] === 'fields' && t.length > 1).map((t) => Number(t[1])),
  );
  errors.push(...checkDefaults(fields, (i) => !troubled.has(i)));
  return errors;
}
