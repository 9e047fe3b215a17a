import type { EntityDefinition, FieldDefinition } from '../entity/entity-definition.js';
import { canonicalDecimal } from '../field-types/decimal.js';
import { canonicalDatetime } from '../field-types/date-time.js';
import { decimalShape, stringLength } from '../field-types/column-shape.js';
import { anchoredFieldPattern } from './field-pattern.js';
import { isAutoNumbered } from '../field-types/auto-number.js';

/** A JSON Schema document (draft-07), as a plain object. */
export type JsonSchema = Record<string, unknown>;

export interface RecordSchemaOptions {
  /** A partial update (PATCH): no property is required, but required fields stay non-null. */
  partial?: boolean;
  /** YYYY-MM-DD: resident IDs may not be born after this day. Unchecked when absent. */
  today?: string;
}

/** A reference holds the id of another record: a UUID or similar. */
export const REFERENCE_PATTERN = '^[0-9a-zA-Z-]+$';
/** The url field takes absolute http and https addresses only (no `javascript:`, `file:`, …). */
export const URL_SCHEME_PATTERN = '^[hH][tT][tT][pP][sS]?://[^/?#\\s]';

function decimalBound(bound: number | string | undefined, scale: number): string | undefined {
  if (bound === undefined) return undefined;
  // Bounds with more fraction digits than the scale are still exact bounds: compare unscaled.
  return canonicalDecimal(bound, scale) ?? canonicalDecimal(bound);
}

function stringBound(field: FieldDefinition, bound: number | string | undefined): string | undefined {
  if (typeof bound !== 'string') return undefined;
  return field.type === 'datetime' ? (canonicalDatetime(bound) ?? bound) : bound;
}

function compact(schema: JsonSchema): JsonSchema {
  for (const key of Object.keys(schema)) if (schema[key] === undefined) delete schema[key];
  return schema;
}

const NO_NUL_PATTERN = '^[^\\u0000]*$';

function textLength(field: FieldDefinition, cap: number | undefined): JsonSchema {
  const max = field.maxLength === undefined ? cap : Math.min(field.maxLength, cap ?? Infinity);
  const min = Math.max(field.minLength ?? 0, field.required ? 1 : 0);
  return { minLength: min > 0 ? min : undefined, maxLength: max };
}

function decimalKeyword(field: FieldDefinition): JsonSchema {
  const { precision, scale } = decimalShape(field);
  return compact({
    precision,
    scale,
    min: decimalBound(field.min, scale),
    max: decimalBound(field.max, scale),
  });
}

function valueSchema(field: FieldDefinition, options: RecordSchemaOptions): JsonSchema {
  switch (field.type) {
    // No NUL characters: SQLite's text functions stop at one, so a search could not see past it.
    // The field's own pattern sits in allOf beside it: patterns run in RE2, which has no lookahead
    // to join the two in one expression. Both fail as `pattern` at the field's path, reported once.
    case 'text':
      return {
        type: 'string',
        ...textLength(field, stringLength(field)),
        pattern: NO_NUL_PATTERN,
        allOf: field.pattern === undefined ? undefined : [{ pattern: anchoredFieldPattern(field.pattern) }],
      };
    case 'longText':
      return { type: 'string', ...textLength(field, undefined), pattern: NO_NUL_PATTERN };
    case 'email':
      return { type: 'string', format: 'email', ...textLength(field, stringLength(field)) };
    case 'url':
      return {
        type: 'string',
        format: 'uri',
        pattern: URL_SCHEME_PATTERN,
        ...textLength(field, stringLength(field)),
      };
    case 'mobile':
      return { type: 'string', format: 'mainland-mobile' };
    // The server assigns it on insert (from the field's numbering): any text of the column's length.
    case 'autoNumber':
      return { type: 'string', minLength: 1, maxLength: stringLength(field) };
    case 'residentId':
      return { type: 'string', residentId: options.today === undefined ? {} : { today: options.today } };
    case 'reference':
      return { type: 'string', minLength: 1, maxLength: stringLength(field), pattern: REFERENCE_PATTERN };
    case 'singleSelect':
      return { type: 'string', enum: (field.options ?? []).map((o) => o.value) };
    case 'multiSelect':
      return {
        type: 'array',
        items: { type: 'string', enum: (field.options ?? []).map((o) => o.value) },
        uniqueItems: true,
        minItems: field.required ? 1 : undefined,
      };
    case 'integer':
      return {
        type: 'integer',
        safeInteger: true,
        minimum: field.min === undefined ? undefined : Number(field.min),
        maximum: field.max === undefined ? undefined : Number(field.max),
      };
    case 'decimal':
    case 'percentage':
      return { type: 'string', decimalShape: decimalKeyword(field) };
    case 'money':
      return {
        type: 'object',
        additionalProperties: false,
        required: ['amount', 'currency'],
        properties: {
          amount: { type: 'string', decimalShape: decimalKeyword(field) },
          currency: compact({ type: 'string', format: 'iso-currency', allowedCurrencies: field.currencies }),
        },
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
    case 'datetime': {
      const range = compact({ min: stringBound(field, field.min), max: stringBound(field, field.max) });
      return {
        type: 'string',
        format: field.type === 'date' ? 'iso-date' : 'utc-datetime',
        dateRange: Object.keys(range).length > 0 ? { kind: field.type, ...range } : undefined,
      };
    }
    case 'json':
      return { jsonValue: true, not: field.required ? { type: 'null' } : undefined };
  }
}

function allowNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum)) schema.enum = [...(schema.enum as unknown[]), null];
  return schema;
}

/** The JSON Schema (draft-07) of one field's value in a record. */
export function fieldJsonSchema(field: FieldDefinition, options: RecordSchemaOptions = {}): JsonSchema {
  const schema = compact({
    title: field.label.en,
    description: field.description,
    ...valueSchema(field, options),
  });
  // An auto-numbered value is the server's to assign: a new record comes without one.
  if (!field.required || isAutoNumbered(field)) return allowNull(schema);
  // A required string-valued field may not be empty, whatever its format.
  if (schema.type === 'string' && schema.minLength === undefined) schema.minLength = 1;
  return schema;
}

/**
 * The JSON Schema (draft-07) of a record's field values. Besides standard keywords it uses this
 * package's formats (`mainland-mobile`, `iso-currency`, `iso-date`, `utc-datetime`, plus `email`
 * and `uri`) and keywords (`decimalShape`, `residentId`, `safeInteger`, `allowedCurrencies`,
 * `dateRange`, `jsonValue`), which `compileRecordValidator` registers; other tools ignore them.
 */
export function recordJsonSchema(entity: EntityDefinition, options: RecordSchemaOptions = {}): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of entity.fields) {
    properties[field.key] = fieldJsonSchema(field, options);
    if (field.required && !options.partial && !isAutoNumbered(field)) required.push(field.key);
  }
  return compact({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: entity.label.en,
    type: 'object',
    additionalProperties: false,
    properties,
    required: required.length > 0 ? required : undefined,
  });
}
