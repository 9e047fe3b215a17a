import { positiveInteger } from '../../platform/config/server-config.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';

/** How long a revealed value stays in clear on screen unless BANKFORGE_REVEAL_SECONDS says otherwise. */
export const DEFAULT_REVEAL_SECONDS = 60;
/** Why someone reveals a masked value, in their words: long enough to mean something, short enough for the log. */
export const REVEAL_REASON_LENGTH = { min: 4, max: 500 } as const;

/** What `POST /api/records/{entity}/{id}/unmask` takes: the field, and why it is being revealed. */
export interface UnmaskRequest {
  field: string;
  reason: string;
}

/** The seconds the runtime shows a revealed value before masking it again (BANKFORGE_REVEAL_SECONDS). */
export function revealSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger('BANKFORGE_REVEAL_SECONDS', env.BANKFORGE_REVEAL_SECONDS) ?? DEFAULT_REVEAL_SECONDS;
}

export const unmaskSchema = {
  type: 'object',
  required: ['field', 'reason'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 64 },
    reason: { type: 'string', minLength: REVEAL_REASON_LENGTH.min, maxLength: REVEAL_REASON_LENGTH.max, description: 'Why the value is revealed (kept in the audit log)' },
  },
} as const;
const parseShape = requestSchema<UnmaskRequest>(unmaskSchema);

/**
 * The unmask request, its reason trimmed; a reason that is missing, blank or outside 4 to 500
 * characters answers 400 `reasonRequired` before anything is read or audited.
 */
export function parseUnmaskRequest(body: unknown): UnmaskRequest {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).reason : undefined;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  const length = [...reason].length;
  if (length < REVEAL_REASON_LENGTH.min || length > REVEAL_REASON_LENGTH.max) {
    const { min, max } = REVEAL_REASON_LENGTH;
    throw ProblemError.badRequest('reasonRequired', `Say why you reveal this value: a reason of ${min} to ${max} characters is required, and kept in the audit log.`, [
      { path: '/reason', code: 'reasonRequired', message: `A reason of ${min} to ${max} characters is required`, messageZh: `请填写 ${min} 到 ${max} 个字符的查看原因` },
    ]);
  }
  return { ...parseShape({ ...(body as Record<string, unknown>), reason }), reason };
}
