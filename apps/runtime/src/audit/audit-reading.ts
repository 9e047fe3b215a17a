import type { AuditEntityLabels, AuditEntry } from '@bankforge/client';
import type { TFunction } from 'i18next';
import { localized } from '../shell/localized.js';

/** One line of an entry's before/after: a field (or a right) by name, and its values as the log keeps them; undefined: not on that side. */
export interface DiffRow {
  path: string;
  label: string;
  before?: unknown;
  after?: unknown;
}

/** What an entry says, readable: before/after rows for a change, facts for anything else, and notes (a password reset). */
export interface EntryReading {
  kind: 'changes' | 'facts';
  rows: DiffRow[];
  notes: string[];
  summary: string;
}

export interface ReadingContext {
  t: TFunction;
  language: string;
  entities: ReadonlyMap<string, AuditEntityLabels>;
}

const USER_FIELDS = ['username', 'displayName', 'roles', 'branch', 'manager', 'managerId', 'active', 'locked'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of a document by dotted path; a list is one leaf (roles, rights), compared whole. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (!isObject(value) || isValue(value)) {
    if (prefix) leaves.set(prefix, value);
    return leaves;
  }
  for (const [key, child] of Object.entries(value)) for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) leaves.set(path, leaf);
  return leaves;
}

/** A money amount or a hashed value reads as one value, not as its parts. */
function isValue(value: Json): boolean {
  return ('amount' in value && 'currency' in value) || ('hmac' in value && Object.keys(value).length === 1);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The rows that differ between two documents, by the paths of their leaves, in the order they first appear. */
function changedRows(before: unknown, after: unknown, label: (path: string) => string): DiffRow[] {
  const old = flatten(before);
  const now = flatten(after);
  const paths = [...new Set([...old.keys(), ...now.keys()])];
  return paths.filter((path) => !same(old.get(path), now.get(path))).map((path) => ({ path, label: label(path), before: old.get(path), after: now.get(path) }));
}

/**
 * Reads an audit entry as a compliance officer wants to see it: a record's change as its fields
 * (labelled as the entity names them) before and after; a person's, a role's or a key's change as
 * what changed in it; anything else as the facts it records. Values stay as the log keeps them:
 * masked values masked, hashed values hashed.
 */
export function readEntry(entry: AuditEntry, context: ReadingContext): EntryReading {
  const { t } = context;
  const detail = entry.detail;
  const names = namesIn(context);
  const own = (key: string): string => (entry.entity ? names.field(entry.entity, key) : key);

  if (entry.action === 'update' && isObject(detail.changes)) {
    const rows = Object.entries(detail.changes).map(([key, change]) => ({
      path: key,
      label: own(key),
      before: isObject(change) ? change.before : undefined,
      after: isObject(change) ? change.after : undefined,
    }));
    return { kind: 'changes', rows, notes: [], summary: t('summary.changed', { count: rows.length, list: rows.map((r) => r.label).join(t('summary.separator')) }) };
  }
  if (entry.action === 'create' && isObject(detail.values)) {
    const rows = Object.entries(detail.values).map(([key, value]) => ({ path: key, label: own(key), after: value }));
    return { kind: 'changes', rows, notes: [], summary: t('summary.created', { count: rows.length }) };
  }
  if (entry.action === 'permissionChange') return readPermissionChange(entry, t, names);
  return readFacts(entry, t, own);
}

/** Entities and their fields as the analysts named them, in the reader's language; keys for those the viewer does not know. */
interface Names {
  entity: (key: string) => string;
  field: (entity: string, key: string) => string;
}

function namesIn({ entities, language }: ReadingContext): Names {
  return {
    entity: (key) => {
      const entity = entities.get(key);
      return entity ? localized(entity.label, language) : key;
    },
    field: (entityKey, key) => {
      const field = entities.get(entityKey)?.fields.find((f) => f.key === key);
      return field ? localized(field.label, language) : key;
    },
  };
}

function readPermissionChange(entry: AuditEntry, t: TFunction, names: Names): EntryReading {
  const detail = entry.detail;
  const notes: string[] = [];
  if (detail.passwordReset === true) notes.push(t('diff.passwordReset'));
  if (detail.passwordGenerated === true) notes.push(t('diff.passwordGenerated'));
  if (typeof detail.user === 'string') {
    const userLabel = (path: string) => ((USER_FIELDS as readonly string[]).includes(path) ? t(`userFields.${path}`) : path);
    // The manager by username where the entry has it (newer entries), else by id.
    const byName = [detail.created, detail.before, detail.after].some((doc) => isObject(doc) && 'manager' in doc);
    const shown = (path: string) => path !== (byName ? 'managerId' : 'manager') && path !== 'id';
    const rows = isObject(detail.created)
      ? USER_FIELDS.filter((key) => key !== 'locked' && shown(key)).map((key) => ({ path: key, label: userLabel(key), after: (detail.created as Json)[key] }))
      : changedRows(detail.before, detail.after, userLabel).filter((row) => shown(row.path));
    return { kind: 'changes', rows, notes, summary: t('summary.user', { name: detail.user }) };
  }
  if (typeof detail.role === 'string') {
    if (detail.deleted === true) notes.push(t('diff.deleted'));
    const label = (path: string): string => roleRightLabel(path, t, names);
    const strip = (doc: unknown) => (isObject(doc) ? Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'key')) : doc);
    return { kind: 'changes', rows: changedRows(strip(detail.before), strip(detail.after), label), notes, summary: t('summary.role', { name: detail.role }) };
  }
  if (typeof detail.apiKey === 'string') {
    if (detail.revoked === true) notes.push(t('diff.revoked'));
    const rows = (['name', 'roles'] as const).filter((key) => key in detail && detail.revoked !== true).map((key) => ({ path: key, label: t(`keyFields.${key}`), after: detail[key] }));
    return { kind: 'changes', rows, notes, summary: t('summary.apiKey', { name: typeof detail.name === 'string' ? detail.name : detail.apiKey }) };
  }
  return { kind: 'facts', rows: factRows(detail, (path) => path), notes, summary: '' };
}

/** A role's right by path, in words: "Customer · Read", "Customer · Field rule · Resident ID number", "Designer rights · form". */
function roleRightLabel(path: string, t: TFunction, names: Names): string {
  const [head, key, what, field] = path.split('.');
  if (head === 'label') return `${t('roleFields.label')} (${key})`;
  if (head === 'admin' || head === 'auditLog') return t(`roleFields.${head}`);
  if (head === 'entities' && key && what) {
    const entity = names.entity(key);
    if (what === 'fields' && field) return `${entity} · ${t('roleFields.fields')} · ${names.field(key, field)}`;
    if (what === 'unmask') return `${entity} · ${t('roleFields.unmask')}`;
    return `${entity} · ${t(`operations.${what}`, { defaultValue: what })}`;
  }
  if ((head === 'artifacts' || head === 'flows' || head === 'decisions') && key) return `${t(`roleFields.${head}`)} · ${key}`;
  return path;
}

function factRows(detail: Json, label: (path: string) => string): DiffRow[] {
  return [...flatten(detail)].map(([path, value]) => ({ path, label: label(path), after: value }));
}

function readFacts(entry: AuditEntry, t: TFunction, own: (key: string) => string): EntryReading {
  const detail = entry.detail;
  const rows = factRows(detail, (path) => path);
  const fields = Array.isArray(detail.fields) ? detail.fields.filter((f): f is string => typeof f === 'string').map(own) : [];
  const records = typeof detail.records === 'number' ? t('summary.records', { count: detail.records }) : '';
  let summary = [fields.length > 0 ? t('summary.fields', { list: fields.join(t('summary.separator')) }) : '', records].filter(Boolean).join(' · ');
  if (entry.action === 'unmask' && typeof detail.field === 'string') summary = own(detail.field);
  if (entry.action === 'export' && detail.of === 'auditLog') summary = t('summary.auditLog');
  if (entry.action === 'export' && typeof detail.report === 'string') summary = t('summary.report', { name: detail.report });
  if (entry.action === 'loginFailed' && typeof detail.reason === 'string') summary = t('summary.failed', { reason: detail.reason });
  if (entry.action === 'publish') summary = t('summary.published', { kind: detail.kind, key: detail.key, version: detail.version });
  return { kind: 'facts', rows, notes: [], summary };
}
