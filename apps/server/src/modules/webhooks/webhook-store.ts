import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import type { WebhookEventSelector, WebhookSubscription, WebhookSubscriptionChange, WebhookSubscriptionInput, WebhookSubscriptionWithSecret } from '@bankforge/client';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { SealedColumn } from '../../platform/crypto/sealed-column.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { isDuplicateKey } from '../../platform/database/driver-error.js';
import { generateWebhookSecret } from '../../platform/outbound-http/webhook-signature.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { DirectoryService } from '../auth/directory.service.js';
import { WEBHOOK_ROTATION_OVERLAP_HOURS } from './webhook-schedule.js';

export interface SubscriptionRow {
  subscription_key: string;
  name_en: string;
  name_zh: string;
  url: string;
  event_types: string;
  event_filter: string | null;
  /** A JSON list of role keys; null: none named. */
  roles: string | null;
  secret: string;
  previous_secret: string | null;
  previous_until: string | null;
  enabled: number | string;
  disabled_reason: string | null;
  disabled_at: string | null;
  consecutive_failures: number | string;
  version: number | string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** An enabled subscription as the dispatcher sends to it: its secrets in clear, the new one first. */
export interface SendingSubscription {
  key: string;
  url: string;
  secrets: string[];
}

const SELECT = 'SELECT * FROM bf_webhook_subscription';
const HOUR_MS = 3_600_000;

/** The cipher's associated data: a secret copied into another subscription's row does not decrypt there. */
const secretField = (key: string): string => `bf_webhook_subscription:${key}:secret`;

/** Re-encrypted by key rotation: the signing secret and, while a rotation overlaps, the one it replaces. */
export const webhookSealedColumns: readonly SealedColumn[] = ['secret', 'previous_secret'].map((column) => ({
  table: 'bf_webhook_subscription',
  column,
  keys: ['subscription_key'],
  associatedData: (row) => secretField(row.subscription_key!),
}));

const stored = (date: Date): string => toStoredDatetime(date.toISOString());

/** The role keys a subscription's deliveries are read through; empty: none named. */
export const rolesOf = (row: Pick<SubscriptionRow, 'roles'>): string[] => (row.roles === null ? [] : (JSON.parse(row.roles) as string[]));
const storedRoles = (roles: readonly string[] | undefined): string | null => (roles && roles.length > 0 ? JSON.stringify(roles) : null);

export function subscriptionOf(row: SubscriptionRow, now = Date.now()): WebhookSubscription {
  const previousUntil = row.previous_secret !== null ? fromStoredDatetime(row.previous_until) : undefined;
  return {
    key: row.subscription_key,
    name: { en: row.name_en, 'zh-CN': row.name_zh },
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as WebhookEventSelector[],
    ...(row.event_filter !== null ? { filter: row.event_filter } : {}),
    roles: rolesOf(row),
    enabled: Number(row.enabled) === 1,
    ...(row.disabled_reason !== null ? { disabledReason: row.disabled_reason } : {}),
    ...(row.disabled_at !== null ? { disabledAt: fromStoredDatetime(row.disabled_at)! } : {}),
    consecutiveFailures: Number(row.consecutive_failures),
    ...(previousUntil && Date.parse(previousUntil) > now ? { previousSecretUntil: previousUntil } : {}),
    version: Number(row.version),
    createdAt: fromStoredDatetime(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: fromStoredDatetime(row.updated_at)!,
    updatedBy: row.updated_by,
  };
}

/** What the audit log keeps of a subscription: never a secret, and the URL without its query (a receiver's token may sit there). */
export function audited(subscription: Pick<WebhookSubscription, 'name' | 'url' | 'eventTypes' | 'filter'> & { roles?: readonly string[] }): Record<string, unknown> {
  const url = new URL(subscription.url);
  return { name: subscription.name, url: `${url.origin}${url.pathname}`, eventTypes: subscription.eventTypes, filter: subscription.filter ?? null, roles: subscription.roles ?? [] };
}

export function webhookNotFound(key: string): ProblemError {
  return ProblemError.notFound('webhookNotFound', `There is no webhook subscription ${key.slice(0, 64)}.`);
}

/**
 * The webhook subscriptions administrators manage. A secret is generated here, encrypted with the
 * field cipher before it reaches SQL, answered once (create, rotate) and decrypted only to sign.
 */
@Injectable()
export class WebhookStore {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
  ) {}

  /** Moved by each change of a subscription on this replica: the intake's cached enabled subscriptions are then read again. */
  private changes = 0;

  get generation(): number {
    return this.changes;
  }

  /** A subscription changed (and committed) outside this store: the sender disabled it. */
  changed(): void {
    this.changes++;
  }

  /** A change of subscriptions in a transaction; the generation moves once it has ended, committed or not. */
  private async changing(work: (sql: SqlExecutor) => Promise<void>): Promise<void> {
    try {
      await this.database.transaction(work);
    } finally {
      this.changed();
    }
  }

  list(): Promise<WebhookSubscription[]> {
    return this.database.read(async (sql) => (await sql.rows<SubscriptionRow>(`${SELECT} ORDER BY subscription_key`)).map((row) => subscriptionOf(row)));
  }

  async get(key: string): Promise<WebhookSubscription> {
    const [row] = await this.database.read((sql) => sql.rows<SubscriptionRow>(`${SELECT} WHERE subscription_key = ?`, [key]));
    if (!row) throw webhookNotFound(key);
    return subscriptionOf(row);
  }

  /** The enabled subscriptions, as rows: what new events are matched against. */
  enabledRows(sql: SqlExecutor): Promise<SubscriptionRow[]> {
    return sql.rows<SubscriptionRow>(`${SELECT} WHERE enabled = 1`);
  }

  /** The enabled subscriptions with their active secrets in clear: only for signing. */
  async sending(): Promise<Map<string, SendingSubscription>> {
    const rows = await this.database.read((sql) => this.enabledRows(sql));
    const now = Date.now();
    const found = new Map<string, SendingSubscription>();
    for (const row of rows) {
      try {
        const secrets = [this.cipher.decrypt(row.secret, secretField(row.subscription_key))];
        const until = fromStoredDatetime(row.previous_until);
        if (row.previous_secret !== null && until && Date.parse(until) > now) secrets.push(this.cipher.decrypt(row.previous_secret, secretField(row.subscription_key)));
        found.set(row.subscription_key, { key: row.subscription_key, url: row.url, secrets });
      } catch {
        // A secret that no longer decrypts (its data key gone) holds back its own deliveries, not the others'.
      }
    }
    return found;
  }

  async create(input: WebhookSubscriptionInput, actor: Actor): Promise<WebhookSubscriptionWithSecret> {
    const now = stored(new Date());
    const secret = generateWebhookSecret();
    // Two administrators creating the same key at once: the second meets the primary key.
    await this.changing(async (sql) => {
      if ((await sql.rows(`SELECT subscription_key FROM bf_webhook_subscription WHERE subscription_key = ?`, [input.key])).length > 0) throw keyTaken(input.key);
      await this.checkRoles(sql, input.roles);
      await sql.execute(
        `INSERT INTO bf_webhook_subscription (subscription_key, name_en, name_zh, url, event_types, event_filter, roles, secret, previous_secret, previous_until, enabled, disabled_reason, disabled_at, consecutive_failures, version, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, NULL, NULL, 0, 1, ?, ?, ?, ?)`,
        [input.key, input.name.en, input.name['zh-CN'], input.url, JSON.stringify(input.eventTypes), input.filter ?? null, storedRoles(input.roles), this.cipher.encrypt(secret, secretField(input.key)), now, actor.name, now, actor.name],
      );
      await this.audit.append(sql, actor, { action: 'webhook', recordId: input.key, detail: { change: 'created', webhook: input.key, after: audited(input) } });
    }).catch((error: unknown) => {
      throw isDuplicateKey(error) ? keyTaken(input.key) : error;
    });
    return { subscription: await this.get(input.key), secret };
  }

  async update(key: string, change: WebhookSubscriptionChange, actor: Actor): Promise<WebhookSubscription> {
    await this.changing(async (sql) => {
      const before = subscriptionOf(await this.lockedRow(sql, key));
      if (before.version !== change.version) throw stale(key, before.version);
      await this.checkRoles(sql, change.roles);
      await sql.execute(
        'UPDATE bf_webhook_subscription SET name_en = ?, name_zh = ?, url = ?, event_types = ?, event_filter = ?, roles = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE subscription_key = ? AND version = ?',
        [change.name.en, change.name['zh-CN'], change.url, JSON.stringify(change.eventTypes), change.filter ?? null, storedRoles(change.roles), stored(new Date()), actor.name, key, change.version],
      );
      await this.audit.append(sql, actor, { action: 'webhook', recordId: key, detail: { change: 'updated', webhook: key, before: audited(before), after: audited(change) } });
    });
    return this.get(key);
  }

  /** Deletes the subscription and its delivery log. */
  async remove(key: string, actor: Actor): Promise<void> {
    await this.changing(async (sql) => {
      const before = subscriptionOf(await this.lockedRow(sql, key));
      await sql.execute('DELETE FROM bf_webhook_delivery WHERE subscription_key = ?', [key]);
      await sql.execute('DELETE FROM bf_webhook_subscription WHERE subscription_key = ?', [key]);
      await this.audit.append(sql, actor, { action: 'webhook', recordId: key, detail: { change: 'deleted', webhook: key, before: audited(before) } });
    });
  }

  /** A new secret signs from now on; the current one signs beside it for the overlap, so receivers can switch without losing a delivery. */
  async rotateSecret(key: string, actor: Actor): Promise<WebhookSubscriptionWithSecret> {
    const secret = generateWebhookSecret();
    const until = stored(new Date(Date.now() + WEBHOOK_ROTATION_OVERLAP_HOURS * HOUR_MS));
    await this.changing(async (sql) => {
      const row = await this.lockedRow(sql, key);
      await sql.execute('UPDATE bf_webhook_subscription SET secret = ?, previous_secret = ?, previous_until = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE subscription_key = ?', [
        this.cipher.encrypt(secret, secretField(key)),
        row.secret,
        until,
        stored(new Date()),
        actor.name,
        key,
      ]);
      await this.audit.append(sql, actor, { action: 'webhook', recordId: key, detail: { change: 'secretRotated', webhook: key, previousSecretUntil: fromStoredDatetime(until) } });
    });
    return { subscription: await this.get(key), secret };
  }

  /** Sends again: pending deliveries go on where they stopped; the failure count starts again. */
  async enable(key: string, actor: Actor): Promise<WebhookSubscription> {
    await this.changing(async (sql) => {
      const row = await this.lockedRow(sql, key);
      if (Number(row.enabled) === 1) return;
      await sql.execute('UPDATE bf_webhook_subscription SET enabled = 1, disabled_reason = NULL, disabled_at = NULL, consecutive_failures = 0, version = version + 1, updated_at = ?, updated_by = ? WHERE subscription_key = ?', [
        stored(new Date()),
        actor.name,
        key,
      ]);
      await this.audit.append(sql, actor, { action: 'webhook', recordId: key, detail: { change: 'enabled', webhook: key, disabledReason: row.disabled_reason } });
    });
    return this.get(key);
  }

  /**
   * The named roles must exist and grant no administration: a receiving system reads through its
   * roles' entity grants and field rules, never as an administrator who sees everything in clear.
   */
  private async checkRoles(sql: SqlExecutor, named: readonly string[] | undefined): Promise<void> {
    if (!named || named.length === 0) return;
    const roles = new Map((await this.directory.roles(sql)).map((role) => [role.key, role]));
    const errors: ProblemFieldError[] = named.flatMap((key, i) => {
      const role = roles.get(key);
      if (!role) return [{ path: `/roles/${i}`, code: 'roleNotFound', message: `There is no role ${key}.`, messageZh: `角色 ${key} 不存在。` }];
      if (role.admin === true) {
        return [{ path: `/roles/${i}`, code: 'administratorRole', message: `Role ${key} is an administrator role; a webhook reads through roles that grant entities.`, messageZh: `角色 ${key} 是管理员角色；Webhook 只能通过授予实体权限的角色读取数据。` }];
      }
      return [];
    });
    if (errors.length > 0) throw ProblemError.invalid('Some roles cannot be given to a webhook.', errors);
  }

  async lockedRow(sql: SqlExecutor, key: string): Promise<SubscriptionRow> {
    const [row] = await sql.rows<SubscriptionRow>(`${SELECT} WHERE subscription_key = ?${sql.dialect === 'mysql' ? ' FOR UPDATE' : ''}`, [key]);
    if (!row) throw webhookNotFound(key);
    return row;
  }
}

function keyTaken(key: string): ProblemError {
  return new ProblemError(409, 'webhookKeyTaken', `There is already a webhook subscription ${key}.`, [
    { path: '/key', code: 'taken', message: `There is already a webhook subscription ${key}.`, messageZh: `已存在标识为 ${key} 的 Webhook 订阅。` },
  ]);
}

function stale(key: string, current: number): ProblemError {
  return ProblemError.conflict('staleVersion', `The webhook subscription ${key} was changed by someone else (now version ${current}); reload it and make your change again.`, { currentVersion: current });
}
