import type { FieldAccess } from '@bankforge/client';
import { ARTIFACT_KINDS, type ArtifactKind } from '../artifacts/artifact-kinds.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { MASK_STRATEGIES, type MaskSpec } from './masking.js';

/** Whose records an operation reaches. */
export const DATA_SCOPES = ['own', 'team', 'branch', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const RECORD_OPERATIONS = ['create', 'read', 'update', 'delete', 'export'] as const;
export type RecordOperation = (typeof RECORD_OPERATIONS)[number];

export interface FieldRule {
  access: FieldAccess;
  /** `masked` only: how; the field type's usual strategy when absent. */
  mask?: MaskSpec;
}

/** What a role may do with one entity's records. */
export type EntityGrant = Partial<Record<RecordOperation, DataScope>> & {
  /** May reveal a masked field of one record at a time (audited). */
  unmask?: boolean;
  fields?: Record<string, FieldRule>;
};

export type DesignerRight = 'edit' | 'publish';

export interface RoleDefinition {
  key: string;
  label: { en: string; 'zh-CN'?: string };
  /** Administrators manage users, roles and keys, read the audit log, and are not restricted by any rule. */
  admin?: boolean;
  /**
   * May read the audit log and verify its chain (compliance, internal audit). The log records
   * every entity's changes, sensitive values masked as stored, whatever the role's field rules.
   */
  auditLog?: boolean;
  entities?: Record<string, EntityGrant>;
  /** Designer rights per artifact kind. */
  artifacts?: Partial<Record<ArtifactKind, DesignerRight[]>>;
  /** Approval flows the role may start, by flow key, on records it may update. */
  flows?: Record<string, FlowRight[]>;
  /** Published decisions the role may evaluate through the API (and read the evaluation log of), by decision key. */
  decisions?: Record<string, DecisionRight[]>;
}

export const FLOW_RIGHTS = ['start'] as const;
export type FlowRight = (typeof FLOW_RIGHTS)[number];

export const DECISION_RIGHTS = ['evaluate'] as const;
export type DecisionRight = (typeof DECISION_RIGHTS)[number];

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
