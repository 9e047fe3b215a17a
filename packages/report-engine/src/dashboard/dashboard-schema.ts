import { IDENTIFIER_PATTERN, localizedTextSchema } from '@bankforge/data-model';
import { fieldPathSchema, reportArtifactSchema } from '../artifact/report-artifact-schema.js';
import { DASHBOARD_COLUMNS, DASHBOARD_FILTER_TYPES } from './dashboard-definition.js';

const key = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;
const cell = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum }) as const;

/** The JSON Schema of the `dashboard` artifact (draft-07, as the server's ajv reads it). */
export const dashboardArtifactSchema = {
  $id: 'https://bankforge.dev/schemas/dashboard.json',
  type: 'object',
  required: ['kind', 'key', 'title', 'widgets'],
  additionalProperties: false,
  properties: {
    kind: { const: 'dashboard' },
    key,
    title: { type: 'string', minLength: 1, maxLength: 200 },
    label: localizedTextSchema,
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    description: { type: 'string', maxLength: 2000 },
    roles: { type: 'array', maxItems: 50, uniqueItems: true, items: key },
    filters: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['key', 'type', 'fields'],
        additionalProperties: false,
        properties: {
          key,
          label: localizedTextSchema,
          type: { enum: DASHBOARD_FILTER_TYPES },
          fields: { type: 'array', minItems: 1, maxItems: 10, items: fieldPathSchema },
          default: {},
        },
      },
    },
    widgets: {
      type: 'array',
      maxItems: 24,
      items: {
        type: 'object',
        required: ['id', 'report', 'layout'],
        additionalProperties: false,
        properties: {
          id: key,
          report: key,
          title: localizedTextSchema,
          layout: {
            type: 'object',
            required: ['x', 'y', 'w', 'h'],
            additionalProperties: false,
            properties: {
              x: cell(0, DASHBOARD_COLUMNS - 1),
              y: cell(0, 1000),
              w: cell(1, DASHBOARD_COLUMNS),
              h: cell(1, 40),
            },
          },
          chart: reportArtifactSchema.definitions.chart,
          filterFields: {
            type: 'object',
            maxProperties: 10,
            propertyNames: { pattern: IDENTIFIER_PATTERN },
            additionalProperties: { oneOf: [fieldPathSchema, { type: 'null' }] },
          },
          crossFilter: { type: 'boolean' },
          drill: {
            oneOf: [
              {
                type: 'object',
                required: ['kind', 'report', 'field'],
                additionalProperties: false,
                properties: { kind: { const: 'report' }, report: key, field: fieldPathSchema },
              },
              {
                type: 'object',
                required: ['kind', 'entity', 'field'],
                additionalProperties: false,
                properties: { kind: { const: 'list' }, entity: key, field: fieldPathSchema },
              },
              {
                type: 'object',
                required: ['kind', 'entity'],
                additionalProperties: false,
                properties: { kind: { const: 'record' }, entity: key },
              },
            ],
          },
        },
      },
    },
  },
} as const;
