import type { ApiKeyCreateRequest } from '@bankforge/client';
import { DATA_SCOPES, RECORD_OPERATIONS } from '../access/role.js';
import { withBilingualErrors } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { USER_FIELDS, rolesProperty } from './users.controller.js';

/** More than this per minute is no limit a bank would set for one system (and bounds the bucket's arithmetic). */
export const MAX_RATE_PER_MINUTE = 100_000;

const ENTITY_KEY = '^[a-z][a-z0-9_]{0,63}$';

/** `POST /api/auth/api-keys`. Operations are checked after the schema, to name the wrong one in both languages. */
export const apiKeySchema = {
  type: 'object',
  required: ['name', 'roles'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 128 },
    roles: rolesProperty,
    scope: {
      type: ['object', 'null'],
      required: ['entities', 'dataScope'],
      additionalProperties: false,
      properties: {
        entities: {
          type: 'object',
          maxProperties: 200,
          propertyNames: { pattern: ENTITY_KEY },
          additionalProperties: { type: 'array', minItems: 1, maxItems: RECORD_OPERATIONS.length, uniqueItems: true, items: { type: 'string', maxLength: 32 } },
        },
        dataScope: { enum: [...DATA_SCOPES] },
      },
    },
    branch: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
    rateLimit: {
      type: ['object', 'null'],
      required: ['perMinute'],
      additionalProperties: false,
      properties: { perMinute: { type: 'integer', minimum: 1, maximum: MAX_RATE_PER_MINUTE } },
    },
  },
};

export const parseApiKey = withBilingualErrors(requestSchema<ApiKeyCreateRequest>(apiKeySchema), {
  ...USER_FIELDS,
  '/name': { name: { en: 'The key name', zh: '密钥名称' } },
  '/scope': { name: { en: 'The key scope', zh: '密钥权限范围' }, pattern: { en: 'must name entities by their keys', zh: '须以实体代码指明实体' } },
  '/rateLimit': { name: { en: 'The rate limit', zh: '调用频率限制' } },
});
