import { toStoredDatetime } from '@bankforge/data-model';
import type { AuditAction } from '@bankforge/client';
import type { SqlValue } from '../../platform/database/database.js';

/** What an audit search matches: every condition given. Times are ISO 8601 instants, `to` exclusive. */
export interface AuditSearch {
  entity?: string;
  recordId?: string;
  /** Who acted: a username, `api-key:<name>` or `system`, exactly as the entry names them. */
  actor?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** A page of a search: by sequence, oldest first from `afterSeq` or newest first before `beforeSeq`. */
export interface AuditPage {
  order: 'asc' | 'desc';
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
}

/** The conditions of a search as parameterised SQL (column names are fixed here, never from a request). */
export function searchWhere(search: AuditSearch): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: string, value: SqlValue): void => {
    where.push(condition);
    params.push(value);
  };
  if (search.entity) add('entity_key = ?', search.entity);
  if (search.recordId) add('record_id = ?', search.recordId);
  if (search.actor) add('actor_name = ?', search.actor);
  if (search.action) add('action = ?', search.action);
  if (search.from) add('at >= ?', toStoredDatetime(search.from));
  if (search.to) add('at < ?', toStoredDatetime(search.to));
  return { where, params };
}

/** One page of a search as a statement and its values. */
export function pageSql(search: AuditSearch, page: AuditPage): [string, SqlValue[]] {
  const { where, params } = searchWhere(search);
  if (page.afterSeq !== undefined) {
    where.push('seq > ?');
    params.push(page.afterSeq);
  }
  if (page.beforeSeq !== undefined) {
    where.push('seq < ?');
    params.push(page.beforeSeq);
  }
  const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  return [`SELECT * FROM bf_audit${clause} ORDER BY seq ${page.order === 'desc' ? 'DESC' : 'ASC'} LIMIT ${Math.floor(page.limit)}`, params];
}
