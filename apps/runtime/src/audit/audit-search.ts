import { AUDIT_ACTIONS, type AuditAction, type AuditQuery } from '@bankforge/client';

/** Entries a page of the viewer shows. */
export const AUDIT_PAGE_SIZE = 50;

// One list for the server and the viewer: the client's.
export { AUDIT_ACTIONS };

/**
 * A search as the form holds it and the address keeps it (so it can be bookmarked, shared with a
 * colleague, and Back returns to it). Times are UTC ISO instants; the form shows them in the
 * reader's zone and language.
 */
export interface AuditFilters {
  entity: string;
  recordId: string;
  actor: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { entity: '', recordId: '', actor: '', action: '', from: '', to: '' };
const NAMES = Object.keys(NO_FILTERS) as (keyof AuditFilters)[];

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const action = params.get('action') ?? '';
  return {
    entity: params.get('entity') ?? '',
    recordId: params.get('recordId') ?? '',
    actor: params.get('actor') ?? '',
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The address's query for a search: only what is given, trimmed. */
export function paramsOf(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of NAMES) if (filters[name].trim() !== '') params.set(name, filters[name].trim());
  return params;
}

/** An instant as the server takes it (undefined when the text is not one). */
function instantOf(text: string): string | undefined {
  if (text === '') return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** The server's query for a search (newest first), without paging. */
export function searchOf(filters: AuditFilters): Omit<AuditQuery, 'afterSeq' | 'beforeSeq' | 'limit'> {
  const given = paramsOf(filters);
  const text = (name: 'entity' | 'recordId' | 'actor') => given.get(name) ?? undefined;
  return {
    ...(text('entity') ? { entity: text('entity') } : {}),
    ...(text('recordId') ? { recordId: text('recordId') } : {}),
    ...(text('actor') ? { actor: text('actor') } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(instantOf(filters.from) ? { from: instantOf(filters.from) } : {}),
    ...(instantOf(filters.to) ? { to: instantOf(filters.to) } : {}),
    order: 'desc',
  };
}

/** What is wrong with a search before it is sent: an end not after its start. */
export function rangeProblem(filters: AuditFilters): boolean {
  const from = instantOf(filters.from);
  const to = instantOf(filters.to);
  return from !== undefined && to !== undefined && from >= to;
}
