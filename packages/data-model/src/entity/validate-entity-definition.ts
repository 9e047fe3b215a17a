import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { EntityDefinition, FieldDefinition, FieldError } from './entity-definition.js';
import { entityArtifactSchema } from './entity-artifact-schema.js';
import { definitionError, type DefinitionErrorCode } from './definition-errors.js';
import { checkField, checkFieldSet, type RawField } from './field-rules.js';
import { escapePointerToken, pointer, pointerTokens } from '../json-pointer/json-pointer.js';
import { compileRecordValidator } from '../record/record-validator.js';
import { normalizeFieldValue } from '../record/normalize.js';
import { titleTemplateProblems } from './record-title.js';
import { checkEntityIndexes } from './entity-indexes.js';

let compiledSchema: ValidateFunction | undefined;

function artifactValidator(): ValidateFunction {
  compiledSchema ??= new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    ownProperties: true,
  }).compile(entityArtifactSchema);
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
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
};

function schemaError(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  if (error.keyword === 'required') path += `/${escapePointerToken(String(params.missingProperty))}`;
  if (error.keyword === 'additionalProperties')
    path += `/${escapePointerToken(String(params.additionalProperty))}`;
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

/**
 * Checks each default against its own field, for fields that are otherwise sound (so their keys
 * are unique and their definitions compile). One validator serves all of them.
 */
function checkDefaults(fields: readonly RawField[], sound: (i: number) => boolean): FieldError[] {
  const indexByKey = new Map<string, number>();
  const withDefault: FieldDefinition[] = [];
  const values: Record<string, unknown> = {};
  fields.forEach((raw, i) => {
    if (raw.default === undefined || !sound(i)) return;
    const field = raw as unknown as FieldDefinition;
    indexByKey.set(field.key, i);
    withDefault.push(field);
    values[field.key] = normalizeFieldValue(field, structuredClone(raw.default));
  });
  if (withDefault.length === 0) return [];
  const entity: EntityDefinition = {
    kind: 'entity',
    key: 'default_check',
    title: 'default check',
    label: { en: 'default check', 'zh-CN': 'default check' },
    fields: withDefault,
  };
  return compileRecordValidator(entity, { partial: true })(values).map((problem) => {
    const [key = '', ...sub] = pointerTokens(problem.path);
    return definitionError(
      pointer('fields', indexByKey.get(key) ?? -1, 'default', ...sub),
      'invalidDefault',
      {
        field: key,
        reason: { en: problem.message, zh: problem.messageZh },
      },
    );
  });
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
    errors
      .map((e) => pointerTokens(e.path))
      .filter((t) => t[0] === 'fields' && t.length > 1)
      .map((t) => Number(t[1])),
  );
  errors.push(...checkDefaults(fields, (i) => !troubled.has(i)));
  if (typeof doc.titleTemplate === 'string') errors.push(...checkTitleTemplate(doc.titleTemplate, fields));
  errors.push(...checkEntityIndexes(doc.indexes, fields));
  return errors;
}

/** A title template may name only fields of the entity that read as text. */
function checkTitleTemplate(template: string, fields: readonly RawField[]): FieldError[] {
  const known = fields.filter((f) => typeof f.key === 'string' && typeof f.type === 'string') as unknown as FieldDefinition[];
  return titleTemplateProblems(template, known).map((problem) =>
    definitionError('/titleTemplate', 'titleField', { value: problem.key, ...(problem.reason === 'fieldType' ? { type: known.find((f) => f.key === problem.key)!.type } : {}) }),
  );
}
