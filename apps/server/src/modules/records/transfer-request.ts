import { withBilingualErrors } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { MAX_PAGE } from './record-query.js';
import type { TransferRequest } from './ownership-transfer.js';

export const transferSchema = {
  type: 'object',
  required: ['ids', 'to', 'reason'],
  additionalProperties: false,
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: MAX_PAGE, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
    to: { type: 'string', minLength: 1, maxLength: 64, description: "The new owner's user id or username" },
    reason: { type: 'string', minLength: 4, maxLength: 500, pattern: '\\S', description: 'Why the records change hands (kept in the audit log)' },
  },
} as const;

/** A transfer's body, its 422s naming the fields in both languages. */
export const parseTransfer = withBilingualErrors(requestSchema<TransferRequest>(transferSchema), {
  '/ids': { name: { en: 'The records', zh: '所选记录' } },
  '/to': { name: { en: 'The new owner', zh: '新负责人' } },
  '/reason': { name: { en: 'The reason', zh: '转移原因' }, pattern: { en: 'must say why', zh: '必须说明原因' } },
});
