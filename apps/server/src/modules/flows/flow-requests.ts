import type { ApprovalAction, PeopleQuery, StartCaseRequest, TaskActionRequest, TaskInboxQuery } from '@bankforge/client';
import { randomUUID } from 'node:crypto';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { MAX_PEOPLE } from './people-search.js';
import { MAX_INBOX_PAGE } from './task-inbox.js';

const IDENTIFIER = '^[a-z][a-z0-9_]{0,63}$';
const COMMENT = { type: 'string', maxLength: 2000 };
const USER = { type: 'string', minLength: 1, maxLength: 64 };

export const APPROVAL_ACTIONS: readonly ApprovalAction[] = ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];

export const startCaseSchema = {
  type: 'object',
  required: ['recordId'],
  additionalProperties: false,
  properties: {
    recordId: { type: 'string', minLength: 1, maxLength: 36 },
    variables: { type: 'object', maxProperties: 100 },
    comment: COMMENT,
  },
};

export const taskActionSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    comment: COMMENT,
    fields: { type: 'object', maxProperties: 100 },
    returnToNodeId: { type: 'string', minLength: 1, maxLength: 64 },
    delegateTo: USER,
    addApprover: { type: 'object', required: ['userId', 'position'], additionalProperties: false, properties: { userId: USER, position: { enum: ['before', 'after'] } } },
  },
};

export const caseCommandSchema = { type: 'object', additionalProperties: false, properties: { comment: COMMENT } };

export const markReadSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ids: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 36 } }, all: { type: 'boolean', enum: [true] } },
};

export const parseStartCase = requestSchema<StartCaseRequest>(startCaseSchema);
export const parseTaskAction = requestSchema<TaskActionRequest>(taskActionSchema);
export const parseCaseCommand = requestSchema<{ comment?: string }>(caseCommandSchema);
export const parseMarkRead = requestSchema<{ ids?: string[]; all?: true }>(markReadSchema);

/** Reasons the bank expects: a rejection or a return says why, and a comment says something. */
export function checkReason(action: ApprovalAction, request: TaskActionRequest): void {
  if ((action === 'reject' || action === 'return') && !request.comment?.trim()) {
    throw ProblemError.invalid(`A ${action} needs a reason.`, [{ path: '/comment', code: 'reasonRequired', message: `say why you ${action} the case`, messageZh: action === 'reject' ? '请填写拒绝理由' : '请填写退回理由' }]);
  }
  if (action === 'comment' && !request.comment?.trim()) {
    throw ProblemError.invalid('A comment needs its text.', [{ path: '/comment', code: 'commentRequired', message: 'write the comment', messageZh: '请填写意见' }]);
  }
}

export function parseFlowKey(key: string): string {
  if (new RegExp(IDENTIFIER).test(key)) return key;
  throw ProblemError.notFound('unknownFlow', `There is no flow ${key}.`);
}

export function parseAction(action: string): ApprovalAction {
  if ((APPROVAL_ACTIONS as readonly string[]).includes(action)) return action as ApprovalAction;
  throw ProblemError.notFound('unknownAction', `Tasks take ${APPROVAL_ACTIONS.join(', ')} or claim.`);
}

/** The engine's command id: the caller's Idempotency-Key (per person), else a fresh one. */
export function commandIdOf(person: string, key: string | undefined): string {
  return key ? `${person}/${key}` : randomUUID();
}

export function parseInboxQuery(query: Record<string, string | undefined>): TaskInboxQuery {
  const errors: { path: string; code: string; message: string }[] = [];
  const out: TaskInboxQuery = {};
  if (query.scope !== undefined) {
    if (query.scope === 'mine' || query.scope === 'claimable' || query.scope === 'all') out.scope = query.scope;
    else errors.push({ path: 'scope', code: 'enum', message: 'scope is mine, claimable or all' });
  }
  for (const name of ['flow', 'node'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(value)) out[name] = value;
    else errors.push({ path: name, code: 'pattern', message: `${name} is a key` });
  }
  if (query.overdue !== undefined) out.overdue = query.overdue === 'true';
  if (query.dueBefore !== undefined) {
    if (Number.isFinite(Date.parse(query.dueBefore))) out.dueBefore = query.dueBefore;
    else errors.push({ path: 'dueBefore', code: 'format', message: 'dueBefore is an ISO 8601 instant' });
  }
  for (const name of ['minAmount', 'maxAmount'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (/^\d{1,16}(\.\d{1,2})?$/.test(value)) out[name] = value;
    else errors.push({ path: name, code: 'decimal', message: `${name} is an amount` });
  }
  if (query.limit !== undefined) {
    const limit = Number(query.limit);
    if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_INBOX_PAGE) out.limit = limit;
    else errors.push({ path: 'limit', code: 'range', message: `limit is 1 to ${MAX_INBOX_PAGE}` });
  }
  if (query.cursor !== undefined) out.cursor = query.cursor;
  if (errors.length > 0) throw ProblemError.badRequest('invalidInboxQuery', 'The inbox query is not valid.', errors);
  return out;
}

export function parsePeopleQuery(query: Record<string, string | undefined>): PeopleQuery {
  const errors: { path: string; code: string; message: string }[] = [];
  const out: PeopleQuery = {};
  if (query.q !== undefined) {
    if (query.q.length <= 64) out.q = query.q;
    else errors.push({ path: 'q', code: 'maxLength', message: 'q is at most 64 characters' });
  }
  if (query.limit !== undefined) {
    const limit = Number(query.limit);
    if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_PEOPLE) out.limit = limit;
    else errors.push({ path: 'limit', code: 'range', message: `limit is 1 to ${MAX_PEOPLE}` });
  }
  if (errors.length > 0) throw ProblemError.badRequest('invalidPeopleQuery', 'The people query is not valid.', errors);
  return out;
}
