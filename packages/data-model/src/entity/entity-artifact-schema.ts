import { ENTITY_INDEX_LIMITS, FIELD_TYPES, IDENTIFIER_PATTERN, MULTI_SELECT_DISPLAYS, OPTION_COLORS } from './entity-definition.js';

/** Field ids: stable, opaque, URL- and file-name-safe. */
export const FIELD_ID_PATTERN = '^[A-Za-z0-9_-]+$';

/** An artifact's text in both UI languages. */
export const localizedTextSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'zh-CN'],
  properties: {
    en: { type: 'string', minLength: 1, maxLength: 200 },
    'zh-CN': { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

const bound = { type: ['number', 'string'] } as const;

const fieldDefinition = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'key', 'type', 'label'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64, pattern: FIELD_ID_PATTERN },
    key: { type: 'string', pattern: IDENTIFIER_PATTERN },
    type: { enum: [...FIELD_TYPES] },
    label: localizedTextSchema,
    description: { type: 'string', maxLength: 2000 },
    required: { type: 'boolean' },
    unique: { type: 'boolean' },
    indexed: { type: 'boolean' },
    sensitive: { type: 'boolean', description: 'Personal data: encrypted at rest, masked in the audit log, and its unmasked reads are audited.' },
    derivedFrom: { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'Another field this value can be read from: masked or hidden with it.' },
    default: {},
    minLength: { type: 'integer', minimum: 0 },
    maxLength: { type: 'integer', minimum: 1 },
    min: bound,
    max: bound,
    pattern: { type: 'string', minLength: 1, maxLength: 1000 },
    patternHint: { ...localizedTextSchema, description: 'The expected format in words, which validation errors quote instead of the pattern.' },
    numbering: { type: 'string', minLength: 1, maxLength: 200, description: 'autoNumber: e.g. LA{yyyyMM}{seq:6} (text, date parts yyyy/yy/MM/dd, one {seq:N}).' },
    precision: { type: 'integer' },
    scale: { type: 'integer' },
    currencies: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Z]{3}$' },
    },
    options: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'label'],
        properties: {
          value: { type: 'string', minLength: 1, maxLength: 64 },
          label: localizedTextSchema,
          color: { enum: [...OPTION_COLORS], description: 'The chip colour, by name from a fixed palette (never CSS).' },
        },
      },
    },
    display: { enum: [...MULTI_SELECT_DISPLAYS], description: 'multiSelect: tags shows the values as coloured chips.' },
    reference: {
      type: 'object',
      additionalProperties: false,
      required: ['entity'],
      properties: { entity: { type: 'string', pattern: IDENTIFIER_PATTERN } },
    },
  },
} as const;

/**
 * JSON Schema (draft-07) of the `entity` artifact document: its structure only. The rules that
 * need more than a schema (unique keys, options of select fields, valid defaults, …) are in
 * `validateEntityDefinition`, which runs this schema too.
 */
export const entityArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge entity artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'label', 'fields'],
  properties: {
    kind: { const: 'entity' },
    key: { type: 'string', pattern: IDENTIFIER_PATTERN },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    label: localizedTextSchema,
    pluralLabel: localizedTextSchema,
    description: { type: 'string', maxLength: 2000 },
    consentPurposes: {
      type: 'array',
      maxItems: 20,
      uniqueItems: true,
      items: { type: 'string', pattern: IDENTIFIER_PATTERN },
      description: "Purposes (e.g. marketing) for which processing a record needs the customer's recorded consent (PIPL).",
    },
    titleTemplate: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'How a record is named: literal text and {field} placeholders, e.g. "{name} · {customer_no}".',
    },
    fields: { type: 'array', items: fieldDefinition },
    indexes: {
      type: 'array',
      maxItems: ENTITY_INDEX_LIMITS.indexes,
      description: 'Composite indexes for bulk reads (reports, dashboards): field keys in order; deleted_at leads each.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'fields'],
        properties: {
          key: { type: 'string', pattern: IDENTIFIER_PATTERN },
          fields: {
            type: 'array',
            minItems: 1,
            maxItems: ENTITY_INDEX_LIMITS.fields,
            uniqueItems: true,
            items: { type: 'string', pattern: IDENTIFIER_PATTERN },
          },
        },
      },
    },
  },
} as const;
