import { ARTIFACT_KINDS } from '../artifacts/artifact-kinds.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import type { DataScope, RecordOperation, RoleDefinition } from '@bankforge/client';
import { MASK_STRATEGIES } from './masking.js';

// A role's document is part of the HTTP contract: its types live in packages/client; the server enforces them.
export type { DataScope, DesignerRight, EntityGrant, FieldRule, RecordOperation, RoleDefinition } from '@bankforge/client';
export type FlowRight = NonNullable<RoleDefinition['flows']>[string][number];
export type DecisionRight = NonNullable<RoleDefinition['decisions']>[string][number];

/** Whose records an operation reaches, narrowest first (a wider scope wins when roles are merged). */
export const DATA_SCOPES = ['own', 'team', 'branch', 'all'] as const satisfies readonly DataScope[];

export const RECORD_OPERATIONS = ['create', 'read', 'update', 'delete', 'export', 'transfer', 'import'] as const satisfies readonly RecordOperation[];

export const FLOW_RIGHTS = ['start'] as const satisfies readonly FlowRight[];

export const DECISION_RIGHTS = ['evaluate'] as const satisfies readonly DecisionRight[];

const IDENTIFIER = '^[a-z][a-z0-9_]{0,63}$';

export const roleDefinitionSchema = {
  type: 'object',
  required: ['key', 'label'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: IDENTIFIER },
    label: {
      type: 'object',
      required: ['en'],
      additionalProperties: false,
      properties: { en: { type: 'string', minLength: 1, maxLength: 128 }, 'zh-CN': { type: 'string', maxLength: 128 } },
    },
    admin: { type: 'boolean' },
    auditLog: { type: 'boolean' },
    flows: {
      type: 'object',
      propertyNames: { pattern: IDENTIFIER },
      additionalProperties: { type: 'array', uniqueItems: true, items: { enum: [...FLOW_RIGHTS] } },
    },
    decisions: {
      type: 'object',
      propertyNames: { pattern: IDENTIFIER },
      additionalProperties: { type: 'array', uniqueItems: true, items: { enum: [...DECISION_RIGHTS] } },
    },
    automationEvents: {
      type: 'object',
      propertyNames: { pattern: IDENTIFIER },
      additionalProperties: { type: 'array', uniqueItems: true, items: { enum: ['post'] } },
    },
    entities: {
      type: 'object',
      propertyNames: { pattern: IDENTIFIER },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...Object.fromEntries(RECORD_OPERATIONS.map((op) => [op, { enum: [...DATA_SCOPES] }])),
          unmask: { type: 'boolean' },
          fields: {
            type: 'object',
            propertyNames: { pattern: IDENTIFIER },
            additionalProperties: {
              type: 'object',
              required: ['access'],
              additionalProperties: false,
              properties: {
                access: { enum: ['hidden', 'readonly', 'masked'] },
                mask: {
                  type: 'object',
                  required: ['strategy'],
                  additionalProperties: false,
                  properties: {
                    strategy: { enum: [...MASK_STRATEGIES] },
                    keepFirst: { type: 'integer', minimum: 0, maximum: 64 },
                    keepLast: { type: 'integer', minimum: 0, maximum: 64 },
                  },
                },
              },
            },
          },
        },
      },
    },
    artifacts: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(ARTIFACT_KINDS.map((kind) => [kind, { type: 'array', uniqueItems: true, items: { enum: ['edit', 'publish'] } }])),
    },
  },
} as const;

export const parseRoleDefinition = requestSchema<RoleDefinition>(roleDefinitionSchema, 'invalidRole');
