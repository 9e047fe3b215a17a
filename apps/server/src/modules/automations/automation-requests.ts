import type { AutomationRunStatus, AutomationTestInput } from '@bankforge/client';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { withBilingualErrors, type FieldWording } from '../../platform/request-validation/bilingual-errors.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';

const RUN_STATUSES: readonly AutomationRunStatus[] = ['pending', 'running', 'waiting', 'succeeded', 'stopped', 'failed'];
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const values = { type: 'object', maxProperties: 500 } as const;

export const automationTestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    document: { type: 'object' },
    recordId: { type: 'string', pattern: ID.source },
    old: values,
    changes: values,
    payload: values,
  },
};

export const inboundEventSchema = {
  type: 'object',
  required: ['payload'],
  additionalProperties: false,
  properties: { payload: values },
};

const FIELDS: Readonly<Record<string, FieldWording>> = {
  '/document': { name: { en: 'The automation', zh: '自动化' } },
  '/recordId': { name: { en: 'The record id', zh: '记录标识' }, pattern: { en: 'must be a record id', zh: '须为记录标识' } },
  '/old': { name: { en: 'The values before', zh: '变更前的值' } },
  '/changes': { name: { en: 'The changes', zh: '变更' } },
  '/payload': { name: { en: 'The payload', zh: '事件内容' } },
  '/': { name: { en: 'The request', zh: '请求' } },
};

export const parseAutomationTest = withBilingualErrors(requestSchema<AutomationTestInput>(automationTestSchema), FIELDS);
export const parseInboundEvent = withBilingualErrors(requestSchema<{ payload: Record<string, unknown> }>(inboundEventSchema), FIELDS);

/** An automation's key in a path: anything else names none. */
export function automationKey(key: string): string {
  if (!new RegExp(IDENTIFIER_PATTERN).test(key)) throw automationNotFound(key.slice(0, 64));
  return key;
}

/** An inbound event's name in a path: lower snake case, as the trigger names it. */
export function inboundEventName(event: string): string {
  if (new RegExp(IDENTIFIER_PATTERN).test(event)) return event;
  throw ProblemError.badRequest('invalidEventName', 'An inbound event is named in lower snake case: a letter, then letters, digits or _ (48 at most).', [
    { path: 'event', code: 'pattern', message: 'must be lower snake case', messageZh: '须为小写字母、数字和下划线，以字母开头' },
  ]);
}

export function runId(id: string): string {
  if (!ID.test(id)) throw runNotFound(id.slice(0, 64));
  return id;
}

export function automationNotFound(key: string): ProblemError {
  return new ProblemError(404, 'automationNotFound', `There is no automation ${key}.`, undefined, { messageZh: `没有自动化 ${key}。` });
}

export function runNotFound(id: string): ProblemError {
  return new ProblemError(404, 'automationRunNotFound', `There is no automation run ${id}.`, undefined, { messageZh: `没有自动化运行记录 ${id}。` });
}

/** `?status=&limit=` of the run list: unknown statuses refused, the limit kept to 1..200 (50 by default). */
export function parseRunQuery(status: string | undefined, limit: string | undefined): { status?: AutomationRunStatus; limit: number } {
  if (status !== undefined && status !== '' && !(RUN_STATUSES as readonly string[]).includes(status)) {
    throw ProblemError.badRequest('invalidQuery', `The status must be one of ${RUN_STATUSES.join(', ')}.`, [
      { path: 'status', code: 'option', message: `must be one of ${RUN_STATUSES.join(', ')}`, messageZh: `状态须为 ${RUN_STATUSES.join('、')} 之一` },
    ]);
  }
  const parsed = limit === undefined || limit === '' ? 50 : Number(limit);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 200) {
    throw ProblemError.badRequest('invalidQuery', 'The limit must be a whole number from 1 to 200.', [
      { path: 'limit', code: 'range', message: 'must be a whole number from 1 to 200', messageZh: '须为 1 到 200 之间的整数' },
    ]);
  }
  return { ...(status ? { status: status as AutomationRunStatus } : {}), limit: parsed };
}
