import { CALENDAR_UNITS, filterJsonSchema, IDENTIFIER_PATTERN, localizedTextSchema, NAMED_PERIODS } from '@bankforge/data-model';
import { CHART_TYPES } from './report-definition.js';

const key = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;
/** `field`, `join.field` or `field.currency`: identifiers joined by dots. */
export const fieldPathSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]{0,47}(\\.[a-z][a-z0-9_]{0,47}){0,2}$',
} as const;
/** One text for both languages (reports written before Chinese labels), or its English and its Chinese. */
const label = { oneOf: [{ type: 'string', maxLength: 200 }, localizedTextSchema] } as const;
const keyList = { type: 'array', items: key, maxItems: 20 } as const;

/** The JSON Schema of the `report` artifact (draft-07, as the server's ajv reads it). */
export const reportArtifactSchema = {
  $id: 'https://bankforge.dev/schemas/report.json',
  type: 'object',
  required: ['kind', 'key', 'title', 'source'],
  additionalProperties: false,
  properties: {
    kind: { const: 'report' },
    key,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    description: { type: 'string', maxLength: 2000 },
    source: key,
    joins: { type: 'array', maxItems: 10, items: { $ref: '#/definitions/join' } },
    calculated: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['key', 'expression'],
        additionalProperties: false,
        properties: { key, label, expression: { type: 'string', minLength: 1, maxLength: 2000 } },
      },
    },
    parameters: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/parameter' } },
    filter: { $ref: '#/definitions/filter' },
    dimensions: { type: 'array', maxItems: 10, items: { $ref: '#/definitions/dimension' } },
    measures: { type: 'array', maxItems: 30, items: { $ref: '#/definitions/measure' } },
    sort: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['by'],
        additionalProperties: false,
        properties: { by: key, direction: { enum: ['asc', 'desc'] } },
      },
    },
    limit: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    pivot: {
      type: 'object',
      required: ['rows', 'columns', 'values'],
      additionalProperties: false,
      properties: { rows: keyList, columns: keyList, values: { ...keyList, minItems: 1 } },
    },
    drillDown: {
      type: 'object',
      required: ['levels'],
      additionalProperties: false,
      properties: {
        levels: {
          type: 'array',
          minItems: 2,
          maxItems: 6,
          items: {
            type: 'object',
            required: ['dimensions'],
            additionalProperties: false,
            properties: { dimensions: { ...keyList, minItems: 1 }, label },
          },
        },
      },
    },
    chart: { $ref: '#/definitions/chart' },
  },
  definitions: {
    chart: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: CHART_TYPES },
        x: key,
        series: key,
        y: { ...keyList, minItems: 1 },
        horizontal: { type: 'boolean' },
      },
    },
    filter: filterJsonSchema(fieldPathSchema),
    relativePeriod: {
      oneOf: [
        { enum: NAMED_PERIODS },
        {
          type: 'object',
          required: ['last', 'unit'],
          additionalProperties: false,
          properties: {
            last: { type: 'integer', minimum: 1, maximum: 10000 },
            unit: { enum: CALENDAR_UNITS },
          },
        },
        {
          type: 'object',
          required: ['next', 'unit'],
          additionalProperties: false,
          properties: {
            next: { type: 'integer', minimum: 1, maximum: 10000 },
            unit: { enum: CALENDAR_UNITS },
          },
        },
      ],
    },
    join: {
      type: 'object',
      required: ['alias', 'kind', 'field'],
      properties: {
        alias: key,
        kind: { enum: ['manyToOne', 'oneToMany'] },
        field: key,
        from: key,
        entity: key,
        filter: { $ref: '#/definitions/filter' },
        aggregates: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: {
            type: 'object',
            required: ['key', 'agg'],
            additionalProperties: false,
            properties: { key, agg: { enum: ['count', 'sum', 'avg', 'min', 'max'] }, field: fieldPathSchema },
          },
        },
      },
      additionalProperties: false,
      if: { properties: { kind: { const: 'oneToMany' } } },
      then: { required: ['entity', 'aggregates'] },
      else: {
        not: { anyOf: [{ required: ['entity'] }, { required: ['aggregates'] }, { required: ['filter'] }] },
      },
    },
    dimension: {
      type: 'object',
      required: ['key', 'field'],
      additionalProperties: false,
      properties: {
        key,
        label,
        field: fieldPathSchema,
        date: { enum: CALENDAR_UNITS },
        bin: {
          type: 'object',
          required: ['width'],
          additionalProperties: false,
          properties: { width: { type: 'number', exclusiveMinimum: 0 }, origin: { type: 'number' } },
        },
        top: {
          type: 'object',
          required: ['n', 'by'],
          additionalProperties: false,
          properties: {
            n: { type: 'integer', minimum: 1, maximum: 1000 },
            by: key,
            direction: { enum: ['asc', 'desc'] },
            othersLabel: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    measure: {
      type: 'object',
      required: ['key', 'agg'],
      additionalProperties: false,
      properties: {
        key,
        label,
        agg: { enum: ['count', 'countDistinct', 'sum', 'avg', 'min', 'max', 'ratio'] },
        field: fieldPathSchema,
        filter: { $ref: '#/definitions/filter' },
        numerator: key,
        denominator: key,
      },
    },
    parameter: {
      type: 'object',
      required: ['key', 'type'],
      additionalProperties: false,
      properties: {
        key,
        label,
        type: { enum: ['text', 'number', 'integer', 'boolean', 'date', 'datetime', 'select'] },
        required: { type: 'boolean' },
        multiple: { type: 'boolean' },
        default: {},
        options: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 200 } },
        min: { type: ['number', 'string'] },
        max: { type: ['number', 'string'] },
      },
    },
  },
} as const;
