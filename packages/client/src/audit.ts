/**
 * The audit log's API: entries, searches, the chain's verification and the vocabulary its viewer
 * labels entries with. One definition for the server and the runtime's audit viewer.
 */

import type { LocalizedText } from '@bankforge/data-model';

/** What an entry records; the server writes only these, and the viewer offers them to search by. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'read',
  'unmask',
  // Records handed over to another owner, with the reason.
  'transfer',
  'export',
  'login',
  'loginFailed',
  'logout',
  'permissionChange',
  'publish',
  'keyRotation',
  'consent',
  'flow',
  'backtest',
  // A saved list filter created or deleted (its name and sharing; never its filter's values).
  'segment',
  // A connector created, changed, deleted or tested, or the allowed hosts changed (never a secret).
  'connector',
  // A webhook subscription created, changed, deleted, enabled, its secret rotated (never the secret), a delivery replayed, or disabled after failing.
  'webhook',
  // An automation run replayed by a person (the automation's own writes are audited as `automation:<key>`).
  'automation',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the hash-chained log. Values of sensitive fields are kept masked (or as `{ hmac }`), as they were written. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entity: string | null;
  /** The record, user, role or API key the entry is about. */
  recordId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * `GET /api/audit` (and `GET /api/audit/export`): entries matching every condition given, `limit`
 * at a time. In `asc` order (the default) page on with `afterSeq`; newest first (`desc`) with `beforeSeq`.
 */
export interface AuditQuery {
  entity?: string;
  recordId?: string;
  /** The username (or API key name, `api-key:<name>`) of whoever acted, exactly. */
  actor?: string;
  action?: AuditAction;
  /** ISO 8601 instants: entries at or after `from`, before `to`. */
  from?: string;
  to?: string;
  afterSeq?: number;
  beforeSeq?: number;
  order?: 'asc' | 'desc';
  /** 1 to 1000; 100 when absent. */
  limit?: number;
}

/** Why an entry does not fit the chain. */
export type ChainBreak = 'hashMismatch' | 'prevHashMismatch' | 'missingEntry' | 'unexpectedEntry' | 'headMismatch' | 'detailNotJson';

/** `GET /api/audit/verify`: whether the whole chain holds, and where it first breaks. */
export interface ChainVerdict {
  ok: boolean;
  /** Entries verified (before the break, if any). */
  entries: number;
  headHash: string;
  firstBroken?: { seq: number; reason: ChainBreak };
}

/**
 * `GET /api/audit/verify?fromSeq=N&limit=M`: one stretch of the chain verified, so a long chain is
 * checked stretch by stretch with progress shown. `nextSeq` is where to go on; absent when the
 * whole chain up to its head is verified, or a break was found.
 */
export interface ChainProgress extends ChainVerdict {
  /** The entries the chain holds (its head's sequence number). */
  total: number;
  nextSeq?: number;
}

/** An entity as the audit viewer names it and its fields (`GET /api/audit/entities`). */
export interface AuditEntityLabels {
  key: string;
  label: LocalizedText;
  fields: { key: string; label: LocalizedText }[];
}
