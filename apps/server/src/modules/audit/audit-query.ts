import type { AuditAction } from '@bankforge/client';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { AUDIT_ACTIONS } from './audit-log.js';
import type { AuditPage, AuditSearch } from './audit-search.js';

/** The query parameters of `GET /api/audit` and `GET /api/audit/export`, as they arrive. */
export type AuditQueryParams = Partial<Record<'entity' | 'recordId' | 'actor' | 'action' | 'from' | 'to' | 'afterSeq' | 'beforeSeq' | 'limit' | 'order', string>>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Reads a search from query parameters, every problem at once (400 `invalidParameter`, one error
 * per parameter, in English and Chinese). Times are normalised to UTC with milliseconds.
 */
export function parseAuditQuery(given: AuditQueryParams, paged: boolean): { search: AuditSearch; page: AuditPage } {
  const errors: ProblemFieldError[] = [];
  const wrong = (path: string, message: string, messageZh: string): undefined => {
    errors.push({ path, code: 'invalidParameter', message, messageZh });
    return undefined;
  };
  // A parameter given twice arrives as a list: each is one value or none.
  const params: AuditQueryParams = {};
  for (const [name, value] of Object.entries(given) as [keyof AuditQueryParams, unknown][]) {
    if (typeof value === 'string') params[name] = value;
    else wrong(name, `${name} must be given once.`, `${name} 只能给出一次。`);
  }
  const text = (name: 'entity' | 'recordId' | 'actor', max: number): string | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    return value.length > max ? wrong(name, `${name} must be at most ${max} characters.`, `${name} 最多 ${max} 个字符。`) : value;
  };
  const instant = (name: 'from' | 'to'): string | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) return wrong(name, `${name} must be an ISO 8601 date and time with a zone, such as 2026-03-01T09:00:00Z.`, `${name} 须为带时区的 ISO 8601 日期时间，例如 2026-03-01T09:00:00Z。`);
    return new Date(value).toISOString();
  };
  const count = (name: 'afterSeq' | 'beforeSeq' | 'limit', max: number): number | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    if (!/^\d{1,15}$/.test(value) || Number(value) > max) return wrong(name, `${name} must be an integer from 0 to ${max}.`, `${name} 须为 0 至 ${max} 的整数。`);
    return Number(value);
  };
  const entity = text('entity', 64);
  if (entity !== undefined && !KEY.test(entity)) wrong('entity', 'entity must be an entity key.', 'entity 须为实体代码。');
  const action = params.action === undefined || params.action === '' ? undefined : (params.action as AuditAction);
  if (action !== undefined && !(AUDIT_ACTIONS as readonly string[]).includes(action)) wrong('action', `action must be one of ${AUDIT_ACTIONS.join(', ')}.`, `action 须为以下之一：${AUDIT_ACTIONS.join('、')}。`);
  const order = params.order === undefined || params.order === '' ? 'asc' : params.order;
  if (order !== 'asc' && order !== 'desc') wrong('order', 'order must be asc or desc.', 'order 须为 asc 或 desc。');
  const search: AuditSearch = { entity, recordId: text('recordId', 64), actor: text('actor', 128), action, from: instant('from'), to: instant('to') };
  if (search.from && search.to && search.from >= search.to) wrong('to', 'to must be later than from.', '结束时间须晚于开始时间。');
  const page: AuditPage = {
    order: order === 'desc' ? 'desc' : 'asc',
    afterSeq: paged ? count('afterSeq', Number.MAX_SAFE_INTEGER) : undefined,
    beforeSeq: paged ? count('beforeSeq', Number.MAX_SAFE_INTEGER) : undefined,
    limit: paged ? Math.max(1, count('limit', 1000) ?? 100) : 1000,
  };
  if (errors.length > 0) throw ProblemError.badRequest('invalidParameter', 'Some search parameters are not valid.', errors);
  return { search, page };
}
