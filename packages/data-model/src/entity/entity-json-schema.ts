import type { EntityDefinition, FieldDefinition } from './entity-definition.js';
import { decimalShape, isEncrypted, stringLength } from '../field-types/column-shape.js';
import { isAutoNumbered } from '../field-types/auto-number.js';

/**
 * An OpenAPI 3.0 Schema Object, as a plain object: JSON Schema's subset that OpenAPI 3.0 takes
 * (`nullable` rather than a `null` type, no `$schema`), with `x-` extensions for the bank's words.
 */
export type OpenApiSchema = Record<string, unknown>;

/** The three schemas an integrator needs per entity: a record as answered, a new record, a change. */
export interface EntityApiSchemas {
  /** `GET`, the query's items and every write's answer. */
  record: OpenApiSchema;
  /** `POST /api/records/{entity}`. */
  input: OpenApiSchema;
  /** `PATCH /api/records/{entity}/{id}`: any of the fields, with the `version` read. */
  patch: OpenApiSchema;
}

/** The schema names of an entity: `loan_application` is `LoanApplicationRecord`, `…RecordInput`, `…RecordPatch`. */
export function entitySchemaNames(entityKey: string): { record: string; input: string; patch: string } {
  const base = entityKey
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return { record: `${base}Record`, input: `${base}RecordInput`, patch: `${base}RecordPatch` };
}

const SYSTEM_PROPERTIES: Record<string, OpenApiSchema> = {
  id: { type: 'string', readOnly: true, description: 'The record id (UUID)' },
  version: { type: 'integer', readOnly: true, description: 'Optimistic lock: send it back with a change; a stale one answers 409' },
  created_at: { type: 'string', format: 'date-time', readOnly: true },
  created_by: { type: 'string', nullable: true, readOnly: true, description: 'The id of the user or API key that created it' },
  updated_at: { type: 'string', format: 'date-time', readOnly: true },
  updated_by: { type: 'string', nullable: true, readOnly: true },
  owner_id: { type: 'string', nullable: true, readOnly: true, description: 'The owner (a user or an API key), whose data scope reaches it' },
};

/** Money, decimals and percentages travel as decimal strings, never as binary floating point. */
function decimalString(field: FieldDefinition): OpenApiSchema {
  const { precision, scale } = decimalShape(field);
  const whole = precision - scale;
  return {
    type: 'string',
    format: 'decimal',
    pattern: scale > 0 ? `^-?\\d{1,${whole}}(\\.\\d{1,${scale}})?$` : `^-?\\d{1,${whole}}$`,
    'x-precision': precision,
    'x-scale': scale,
  };
}

function textBounds(field: FieldDefinition, cap: number | undefined): OpenApiSchema {
  const max = field.maxLength === undefined ? cap : Math.min(field.maxLength, cap ?? Infinity);
  const min = Math.max(field.minLength ?? 0, field.required ? 1 : 0);
  return { ...(min > 0 ? { minLength: min } : {}), ...(max !== undefined ? { maxLength: max } : {}) };
}

function valueSchema(field: FieldDefinition): OpenApiSchema {
  switch (field.type) {
    case 'text':
      return { type: 'string', ...textBounds(field, stringLength(field)), ...(field.pattern !== undefined ? { pattern: `^(?:${field.pattern})$` } : {}) };
    case 'longText':
      return { type: 'string', ...textBounds(field, undefined) };
    case 'email':
      return { type: 'string', format: 'email', ...textBounds(field, stringLength(field)) };
    case 'url':
      return { type: 'string', format: 'uri', pattern: '^[hH][tT][tT][pP][sS]?://', ...textBounds(field, stringLength(field)) };
    case 'mobile':
      return { type: 'string', format: 'mainland-mobile', pattern: '^1[3-9]\\d{9}$', minLength: 11, maxLength: 11 };
    case 'residentId':
      return { type: 'string', format: 'resident-id', pattern: '^\\d{17}[\\dX]$', minLength: 18, maxLength: 18, description: '18-character PRC resident ID (checksum and birth date checked)' };
    case 'autoNumber':
      return { type: 'string', maxLength: stringLength(field), readOnly: true, description: 'Numbered by the server on create' };
    case 'reference':
      return { type: 'string', maxLength: stringLength(field), 'x-reference': field.reference?.entity, description: `The id of a ${field.reference?.entity ?? 'related'} record` };
    case 'singleSelect':
      return { type: 'string', enum: (field.options ?? []).map((o) => o.value), 'x-enum-labels': optionLabels(field) };
    case 'multiSelect':
      return {
        type: 'array',
        uniqueItems: true,
        ...(field.required ? { minItems: 1 } : {}),
        items: { type: 'string', enum: (field.options ?? []).map((o) => o.value) },
        'x-enum-labels': optionLabels(field),
      };
    case 'integer':
      return { type: 'integer', format: 'int64', ...(field.min !== undefined ? { minimum: Number(field.min) } : {}), ...(field.max !== undefined ? { maximum: Number(field.max) } : {}) };
    case 'decimal':
    case 'percentage':
      return decimalString(field);
    case 'money':
      return {
        type: 'object',
        additionalProperties: false,
        required: ['amount', 'currency'],
        properties: {
          amount: decimalString(field),
          currency: { type: 'string', pattern: '^[A-Z]{3}$', ...(field.currencies ? { enum: [...field.currencies] } : {}), description: 'ISO 4217' },
        },
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'json':
      return { description: 'Any JSON value' };
  }
}

function optionLabels(field: FieldDefinition): Record<string, { en: string; 'zh-CN': string }> {
  return Object.fromEntries((field.options ?? []).map((o) => [o.value, o.label]));
}

/** What people call the field, in both languages, before what the type says. */
function described(field: FieldDefinition, schema: OpenApiSchema): OpenApiSchema {
  const words = [`${field.label.en} / ${field.label['zh-CN']}`, field.description, schema.description as string | undefined].filter((w) => w);
  return { title: field.label.en, ...schema, description: words.join('. '), 'x-label': field.label };
}

/**
 * One field as a record answers it. A sensitive field is a string the reader may see masked
 * (`1101************2X`), so its format and pattern are not promised.
 */
function answeredField(field: FieldDefinition): OpenApiSchema {
  if (isEncrypted(field)) {
    return described(field, { type: 'string', nullable: true, 'x-sensitive': true, description: 'Sensitive: answered masked unless the reader\'s role shows it in clear' });
  }
  return described(field, orNull(valueSchema(field)));
}

/** OpenAPI 3.0 says null with `nullable`, which needs a type (an untyped JSON value takes null anyway) and, with an enum, null among its values. */
function orNull(schema: OpenApiSchema): OpenApiSchema {
  if (schema.type === undefined) return schema;
  return { ...schema, nullable: true, ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}) };
}

/** One field as a write takes it: null clears an optional field; a required one never takes null. */
function writtenField(field: FieldDefinition): OpenApiSchema {
  const schema = valueSchema(field);
  return described(field, field.required ? schema : orNull(schema));
}

/**
 * The OpenAPI 3.0 schemas of one entity's records, from its definition alone (pure): each field's
 * JSON type, format, options, bounds and bilingual label. The record store checks more than a
 * schema can say (resident ID checksums, currencies, FEEL form rules); its 422 answers name them.
 */
export function entityApiSchemas(entity: EntityDefinition): EntityApiSchemas {
  const writable = entity.fields.filter((field) => !isAutoNumbered(field));
  const required = writable.filter((field) => field.required).map((field) => field.key);
  const title = `${entity.label.en} / ${entity.label['zh-CN']}`;
  return {
    record: {
      type: 'object',
      title: entity.label.en,
      description: `${title}${entity.description ? `. ${entity.description}` : ''}. A field the reader's role hides is absent; one it masks is a masked string.`,
      'x-entity': entity.key,
      required: Object.keys(SYSTEM_PROPERTIES),
      properties: { ...SYSTEM_PROPERTIES, ...Object.fromEntries(entity.fields.map((field) => [field.key, answeredField(field)])) },
    },
    input: {
      type: 'object',
      title: `New ${entity.label.en}`,
      description: `A new ${title} record. Other properties are refused (422 unknownField) unless they name a repeating group of the form given as ?form=, whose rows they carry`,
      'x-entity': entity.key,
      ...(required.length > 0 ? { required } : {}),
      properties: Object.fromEntries(writable.map((field) => [field.key, writtenField(field)])),
    },
    patch: {
      type: 'object',
      title: `${entity.label.en} change`,
      description: `A change to a ${title} record: the fields to change and the version read (a form's repeating groups as on create)`,
      'x-entity': entity.key,
      required: ['version'],
      properties: { version: { type: 'integer', description: 'The version read; a stale one answers 409' }, ...Object.fromEntries(writable.map((field) => [field.key, writtenField(field)])) },
    },
  };
}
