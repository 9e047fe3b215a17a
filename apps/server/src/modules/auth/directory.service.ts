import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ApiKeyCreateRequest, ApiKeySummary, CreatedApiKey, PasswordReset, UserSummary, UserWithPassword } from '@bankforge/client';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { keyProfile, type ApiKeyScope } from '../access/key-scope.js';
import type { RoleDefinition } from '../access/role.js';
import { AuditLog } from '../audit/audit-log.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { apiKeyLimitsProblems } from './api-key-limits.js';
import { DirectoryStamp } from './directory-stamp.js';
import { generatePassword, hashPassword, passwordProblem, type PasswordProblem } from './password.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

export type { ApiKeySummary, UserSummary };

/** A user as the directory creates them (the API's request, less the generation switch the controller reads). */
export interface UserInput {
  username: string;
  displayName: string;
  branch?: string | null;
  managerId?: string | null;
  roles: string[];
  active?: boolean;
  password?: string;
}

/** A verified API key: who it acts as, and its own rate limit (null: the server's default). */
export interface VerifiedApiKey {
  actor: Actor;
  perMinute: number | null;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  branch: string | null;
  manager_id: string | null;
  roles: string;
  active: number | boolean;
  password_hash: string | null;
  failed_logins: number;
  locked_until: string | null;
}

export const ADMINISTRATOR_ROLE: RoleDefinition = { key: 'administrator', label: { en: 'Administrator', 'zh-CN': '系统管理员' }, admin: true };

/** Distinct role combinations whose profiles are kept (a bank has a handful). */
const MAX_KEPT_PROFILES = 256;

const now = (): string => toStoredDatetime(new Date().toISOString());
/** One-shot: a Hash object per call (createHash) cost more than the hashing, on every API-key and session request. */
export const sha256 = (text: string): string => hash('sha256', text, 'hex');

/** How long a verified API key is trusted without asking the database again. */
const API_KEY_TTL_MS = 1000;
/** Keys kept at most (a bank has a few dozen systems). */
const API_KEY_CACHE_LIMIT = 1000;

/**
 * Users, roles and API keys: who may sign in and what their roles grant. Every change of a
 * person's rights is a `permissionChange` entry in the audit log, written in the same transaction.
 */
@Injectable()
export class DirectoryService {
  /** Verified API keys by the hash of the presented key, with when they were verified. */
  private readonly verifiedKeys = new Map<string, VerifiedApiKey & { at: number }>();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /**
   * First start: an `admin` user with the administrator role. Its password comes from
   * BANKFORGE_ADMIN_PASSWORD or is generated and printed once; there is no default password.
   */
  async bootstrap(adminPassword: string | undefined, logger: Logger, system: Actor): Promise<void> {
    const [existing] = await this.database.read((sql) => sql.rows('SELECT id FROM bf_user LIMIT 1'));
    if (existing) return;
    const password = adminPassword ?? generatePassword();
    await this.saveRole(ADMINISTRATOR_ROLE, system);
    await this.createUser({ username: 'admin', displayName: 'Administrator', roles: ['administrator'], password }, system);
    if (!adminPassword) {
      // Printed once, to the console only: the log shipper must not keep it.
      process.stdout.write(`\nBankForge first start: user "admin" created with password\n\n    ${password}\n\nSign in and change it; it is not shown again.\n\n`);
    }
    logger.warn({ user: 'admin', passwordFrom: adminPassword ? 'BANKFORGE_ADMIN_PASSWORD' : 'generated' }, 'bootstrap administrator created');
  }

  /** Every role; on the caller's connection when given one (SQLite has one connection: a nested read would wait for itself). */
  async roles(on?: SqlExecutor): Promise<RoleDefinition[]> {
    const load = async (sql: SqlExecutor) => (await sql.rows<{ document: string }>('SELECT document FROM bf_role ORDER BY role_key')).map((r) => JSON.parse(r.document) as RoleDefinition);
    return on ? load(on) : this.database.read(load);
  }

  async saveRole(role: RoleDefinition, by: Actor): Promise<RoleDefinition> {
    const saved = await this.database.transaction(async (sql) => {
      const [before] = await sql.rows<{ document: string }>('SELECT document FROM bf_role WHERE role_key = ?', [role.key]);
      if (before) await sql.execute('UPDATE bf_role SET document = ?, updated_at = ? WHERE role_key = ?', [JSON.stringify(role), now(), role.key]);
      else await sql.execute('INSERT INTO bf_role (role_key, document, updated_at) VALUES (?, ?, ?)', [role.key, JSON.stringify(role), now()]);
      await this.audit.append(sql, by, {
        action: 'permissionChange',
        recordId: role.key,
        detail: { role: role.key, before: before ? (JSON.parse(before.document) as unknown) : null, after: role },
      });
      return role;
    });
    // A key holding the role answers with its new grants from the next request on.
    this.verifiedKeys.clear();
    return saved;
  }

  /**
   * Refused while a user, an active API key or a webhook subscription holds the role: roles are referenced by key, so a
   * role re-created under the same key would hand its grants to every old holder. On MySQL the role
   * row is locked first and the holders read under lock, so a user or key being given the role at
   * the same time either is seen here or finds the role gone (see `checkRoles`).
   */
  async deleteRole(key: string, by: Actor): Promise<void> {
    await this.database.transaction(async (sql) => {
      const [role] = await sql.rows(`SELECT role_key FROM bf_role WHERE role_key = ?${forUpdate(sql)}`, [key]);
      if (!role) throw ProblemError.notFound('roleNotFound', `There is no role ${key}.`);
      const users = await sql.rows<{ username: string; roles: string }>(`SELECT username, roles FROM bf_user${forShare(sql)}`);
      const holders = users.filter((u) => (JSON.parse(u.roles) as string[]).includes(key)).map((u) => u.username);
      // A revoked key can never be used again, so it holds nothing.
      const keys = await sql.rows<{ id: string; name: string; roles: string }>(`SELECT id, name, roles FROM bf_api_key WHERE revoked_at IS NULL${forShare(sql)}`);
      const keyHolders = keys.filter((k) => (JSON.parse(k.roles) as string[]).includes(key)).map((k) => ({ id: k.id, name: k.name }));
      // A webhook subscription reads as its roles: the same holds for it.
      const subscriptions = await sql.rows<{ subscription_key: string; roles: string }>(`SELECT subscription_key, roles FROM bf_webhook_subscription WHERE roles IS NOT NULL${forShare(sql)}`);
      const webhooks = subscriptions.filter((w) => (JSON.parse(w.roles) as string[]).includes(key)).map((w) => w.subscription_key);
      if (holders.length > 0 || keyHolders.length > 0 || webhooks.length > 0) {
        const held = [
          ...(holders.length > 0 ? [`users ${holders.join(', ')}`] : []),
          ...(keyHolders.length > 0 ? [`API keys ${keyHolders.map((k) => `${k.name} (${k.id})`).join(', ')}`] : []),
          ...(webhooks.length > 0 ? [`webhooks ${webhooks.join(', ')}`] : []),
        ];
        throw ProblemError.conflict('roleInUse', `Role ${key} is held by ${held.join(' and ')}; take it away from the users and webhooks and revoke the keys first.`, {
          users: holders,
          apiKeys: keyHolders,
          webhooks,
        });
      }
      await sql.execute('DELETE FROM bf_role WHERE role_key = ?', [key]);
      await this.audit.append(sql, by, { action: 'permissionChange', recordId: key, detail: { role: key, deleted: true } });
    });
  }

  async users(): Promise<UserSummary[]> {
    return this.database.read(async (sql) => (await sql.rows<UserRow>('SELECT * FROM bf_user ORDER BY username')).map(summaryOf));
  }

  /** A new user; with `generate`, a password made here and answered once (the log records only that one was generated). */
  async createUser(input: UserInput, by: Actor, generate = false): Promise<UserWithPassword> {
    const problem = input.password === undefined ? undefined : passwordProblem(input.password, [input.username, input.displayName]);
    if (problem) throw weakPassword(problem);
    const password = generate ? generatePassword() : input.password;
    const passwordHash = password === undefined ? null : await hashPassword(password);
    const user = await this.database.transaction(async (sql) => {
      await this.checkRoles(sql, input.roles);
      if (input.managerId) await this.checkManager(sql, input.managerId, undefined);
      const [taken] = await sql.rows('SELECT id FROM bf_user WHERE username = ?', [input.username]);
      if (taken) {
        throw new ProblemError(409, 'usernameTaken', `The username ${input.username} is taken.`, [
          { path: '/username', code: 'unique', message: `The username ${input.username} is taken.`, messageZh: `用户名 ${input.username} 已被使用。` },
        ]);
      }
      const id = timeOrderedId();
      await sql.execute(
        'INSERT INTO bf_user (id, username, display_name, branch, manager_id, roles, active, password_hash, failed_logins, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)',
        [id, input.username, input.displayName, input.branch ?? null, input.managerId ?? null, JSON.stringify(input.roles), input.active ?? true, passwordHash, now(), now()],
      );
      await DirectoryStamp.raise(sql);
      const created = summaryOf((await this.userRow(sql, id))!);
      await this.audit.append(sql, by, {
        action: 'permissionChange',
        recordId: id,
        detail: { user: created.username, created: await this.audited(sql, created), ...(generate ? { passwordGenerated: true } : {}) },
      });
      return created;
    });
    return generate ? { ...user, password } : user;
  }

  /** Sets a user's password: the one given, or one generated and answered once. Unlocks them and ends their sessions. */
  async resetPassword(id: string, given: string | undefined, by: Actor): Promise<PasswordReset> {
    const password = given ?? generatePassword();
    const user = await this.updateUser(id, { password }, by, given === undefined);
    return given === undefined ? { user, password } : { user };
  }

  /**
   * Changes a user. An administrator cannot disable themselves or take away their own
   * administration: the bank would be left without anyone to undo it.
   */
  async updateUser(id: string, patch: Partial<Omit<UserInput, 'username'>>, by: Actor, passwordGenerated = false): Promise<UserSummary> {
    if (patch.password !== undefined) {
      const current = await this.database.read((sql) => this.userRow(sql, id));
      const problem = passwordProblem(patch.password, [current?.username ?? '', patch.displayName ?? current?.display_name ?? '']);
      if (problem) throw weakPassword(problem);
    }
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    return this.database.transaction(async (sql) => {
      const row = await this.userRow(sql, id);
      if (!row) throw ProblemError.notFound('userNotFound', `There is no user ${id}.`);
      if (patch.roles) await this.checkRoles(sql, patch.roles);
      if (patch.managerId) await this.checkManager(sql, patch.managerId, id);
      if (by.userId === id) await this.checkNoSelfLockout(sql, patch);
      const before = summaryOf(row);
      const sets: string[] = [];
      const params: (string | number | boolean | null)[] = [];
      const set = (column: string, value: string | number | boolean | null): void => {
        sets.push(`${column} = ?`);
        params.push(value);
      };
      if (patch.displayName !== undefined) set('display_name', patch.displayName);
      if (patch.branch !== undefined) set('branch', patch.branch);
      if (patch.managerId !== undefined) set('manager_id', patch.managerId);
      if (patch.roles !== undefined) set('roles', JSON.stringify(patch.roles));
      if (patch.active !== undefined) set('active', patch.active);
      if (passwordHash !== undefined) {
        set('password_hash', passwordHash);
        set('failed_logins', 0);
        set('locked_until', null);
      }
      set('updated_at', now());
      await sql.execute(`UPDATE bf_user SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
      await DirectoryStamp.raise(sql);
      // A deactivated user, or one whose password was reset, is signed out everywhere.
      if (patch.active === false || passwordHash !== undefined) await sql.execute('DELETE FROM bf_session WHERE user_id = ?', [id]);
      const after = summaryOf((await this.userRow(sql, id))!);
      await this.audit.append(sql, by, {
        action: 'permissionChange',
        recordId: id,
        // That a password was reset, and whether generated, never the password or its hash.
        detail: {
          user: after.username,
          before: await this.audited(sql, before),
          after: await this.audited(sql, after),
          ...(passwordHash !== undefined ? { passwordReset: true } : {}),
          ...(passwordGenerated ? { passwordGenerated: true } : {}),
        },
      });
      return after;
    });
  }

  /**
   * A user as the audit log keeps them: their summary with the manager's username beside the id,
   * so that the log reads as people do (its readers may not list users) and stays right if the
   * manager's account is later renamed or removed.
   */
  private async audited(sql: SqlExecutor, user: UserSummary): Promise<UserSummary & { manager: string | null }> {
    const manager = user.managerId ? await this.userRow(sql, user.managerId) : undefined;
    return { ...user, manager: manager?.username ?? null };
  }

  async userRow(sql: SqlExecutor, id: string): Promise<UserRow | undefined> {
    const [row] = await sql.rows<UserRow>('SELECT * FROM bf_user WHERE id = ?', [id]);
    return row;
  }

  /** The actor a signed-in user acts as: their roles' grants merged. */
  async actorOf(sql: SqlExecutor, row: UserRow): Promise<Actor> {
    const roles = JSON.parse(row.roles) as string[];
    return { kind: 'user', userId: row.id, name: row.username, branch: row.branch, roles, access: await this.profileOf(sql, roles) };
  }

  async profileOf(sql: SqlExecutor, roleKeys: readonly string[]): Promise<AccessProfile> {
    if (roleKeys.length === 0) return new AccessProfile([], false);
    const rows = await sql.rows<{ document: string }>(`SELECT document FROM bf_role WHERE role_key IN (${roleKeys.map(() => '?').join(', ')}) ORDER BY role_key`, [...roleKeys]);
    return this.profileFrom(rows.map((r) => r.document));
  }

  /**
   * The profile of these role documents (as stored, in role-key order). Profiles are kept by the
   * documents' text, which a role change changes, so a kept one can never be stale: it only spares
   * parsing and merging the same roles on every request.
   */
  profileFrom(documents: readonly string[]): AccessProfile {
    if (documents.length === 0) return new AccessProfile([], false);
    const key = documents.join('\u0000');
    let profile = this.profiles.get(key);
    if (!profile) {
      const roles = documents.map((d) => JSON.parse(d) as RoleDefinition);
      profile = new AccessProfile(roles, roles.some((r) => r.admin === true));
      if (this.profiles.size >= MAX_KEPT_PROFILES) this.profiles.clear();
      this.profiles.set(key, profile);
    }
    return profile;
  }

  private readonly profiles = new Map<string, AccessProfile>();

  async apiKeys(): Promise<ApiKeySummary[]> {
    return this.database.read(async (sql) =>
      (await sql.rows<Record<string, string | number | null>>('SELECT * FROM bf_api_key ORDER BY created_at')).map((row) => ({
        id: String(row.id),
        name: String(row.name),
        roles: JSON.parse(String(row.roles)) as string[],
        ...keyLimitsOf(row),
        createdAt: fromStoredDatetime(row.created_at as string)!,
        revokedAt: fromStoredDatetime(row.revoked_at as string | null),
        lastUsedAt: fromStoredDatetime(row.last_used_at as string | null),
      })),
    );
  }

  /**
   * A new key for an integration, optionally narrowed to a scope, bound to a branch and given its
   * own rate limit; its secret is answered once and only its SHA-256 is kept (it is random, so no
   * salt is needed). The audit entry names the limits, never the secret.
   */
  async createApiKey(request: ApiKeyCreateRequest, by: Actor): Promise<CreatedApiKey> {
    const { name, roles } = request;
    const limits = { scope: request.scope ?? null, branch: request.branch ?? null, rateLimit: request.rateLimit ?? null };
    return this.database.transaction(async (sql) => {
      await this.checkRoles(sql, roles);
      await this.checkKeyLimits(sql, limits);
      const id = timeOrderedId();
      const secret = randomBytes(32).toString('base64url');
      await sql.execute('INSERT INTO bf_api_key (id, name, secret_hash, roles, scope, branch, rate_per_minute, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        id,
        name,
        sha256(secret),
        JSON.stringify(roles),
        limits.scope ? JSON.stringify(limits.scope) : null,
        limits.branch,
        limits.rateLimit?.perMinute ?? null,
        by.userId,
        now(),
      ]);
      await this.audit.append(sql, by, { action: 'permissionChange', recordId: id, detail: { apiKey: id, name, roles, ...limits } });
      return { id, name, roles, ...limits, key: `bfk_${id}.${secret}` };
    });
  }

  /** Entities named by a scope must be published (a key scoped to a typo would silently reach nothing). */
  private async checkKeyLimits(sql: SqlExecutor, limits: Pick<ApiKeySummary, 'scope' | 'branch'>): Promise<void> {
    const named = Object.keys(limits.scope?.entities ?? {});
    const published = new Set(
      named.length === 0
        ? []
        : (await sql.rows<{ entity_key: string }>(`SELECT entity_key FROM bf_entity_table WHERE entity_key IN (${named.map(() => '?').join(', ')})`, named)).map((r) => r.entity_key),
    );
    const problems = apiKeyLimitsProblems(limits, published);
    if (problems.length > 0) throw ProblemError.invalid('The API key\'s scope is not valid.', problems, problems[0]!.code);
  }

  async revokeApiKey(id: string, by: Actor): Promise<void> {
    await this.database.transaction(async (sql) => {
      const [key] = await sql.rows<{ name: string }>(`SELECT name FROM bf_api_key WHERE id = ? AND revoked_at IS NULL${forUpdate(sql)}`, [id]);
      const changed = key ? await sql.execute('UPDATE bf_api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [now(), id]) : 0;
      if (changed === 0) throw ProblemError.notFound('apiKeyNotFound', `There is no active API key ${id.slice(0, 64)}.`);
      await this.audit.append(sql, by, { action: 'permissionChange', recordId: id, detail: { apiKey: id, name: key!.name, revoked: true } });
    });
    this.verifiedKeys.clear();
  }

  /** The actor behind `bfk_<id>.<secret>`, or undefined when the key is unknown, wrong or revoked. */
  async apiKeyActor(presented: string): Promise<Actor | undefined> {
    return (await this.apiKey(presented))?.actor;
  }

  /**
   * The key behind `bfk_<id>.<secret>` with its rate limit, or undefined when it is unknown, wrong
   * or revoked. Its actor holds its roles narrowed to its scope (once, here: every data path then
   * obeys it) and its branch. Like the catalogs, a verified key is trusted for a second (systems
   * call many times a second): a revocation or role change on this replica drops it at once, on
   * another within the second.
   */
  async apiKey(presented: string): Promise<VerifiedApiKey | undefined> {
    const match = /^bfk_([0-9a-f-]{36})\.([\w-]{43})$/.exec(presented);
    if (!match) return undefined;
    const [, id, secret] = match as unknown as [string, string, string];
    const cacheKey = sha256(presented);
    const cached = this.verifiedKeys.get(cacheKey);
    if (cached && Date.now() - cached.at < API_KEY_TTL_MS) return cached;
    const verified = await this.database.read(async (sql): Promise<VerifiedApiKey | undefined> => {
      const [row] = await sql.rows<Record<string, string | number | null>>('SELECT * FROM bf_api_key WHERE id = ?', [id]);
      if (!row || row.revoked_at !== null) return undefined;
      if (!timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(String(row.secret_hash)))) return undefined;
      return { actor: await this.keyActor(sql, row), perMinute: keyLimitsOf(row).rateLimit?.perMinute ?? null };
    });
    if (verified) {
      // Only keys that verified are kept, and not without bound: unknown keys never fill the map.
      if (this.verifiedKeys.size >= API_KEY_CACHE_LIMIT) this.verifiedKeys.clear();
      this.verifiedKeys.set(cacheKey, { ...verified, at: Date.now() });
    }
    return verified;
  }

  /**
   * The actor of an API key that is not revoked, by its id, as its requests act (for work it
   * started that runs later, such as an import); undefined when it is unknown or revoked.
   */
  async apiKeyActorById(sql: SqlExecutor, id: string): Promise<Actor | undefined> {
    const [row] = await sql.rows<Record<string, string | number | null>>('SELECT * FROM bf_api_key WHERE id = ?', [id]);
    return row && row.revoked_at === null ? this.keyActor(sql, row) : undefined;
  }

  /** A key's actor from its stored row: its roles narrowed to its scope (once, here: every data path then obeys it), its branch. */
  private async keyActor(sql: SqlExecutor, row: Record<string, string | number | null>): Promise<Actor> {
    const roles = JSON.parse(String(row.roles)) as string[];
    const { scope, branch } = keyLimitsOf(row);
    return { kind: 'apiKey', userId: String(row.id), name: `api-key:${String(row.name)}`, branch, roles, access: keyProfile(await this.profileOf(sql, roles), scope) };
  }

  private async checkRoles(sql: SqlExecutor, roles: readonly string[]): Promise<void> {
    if (roles.length === 0) return;
    const found = new Set(
      // Under a shared lock on MySQL, held to commit: a concurrent deleteRole waits for this user or key to be written, or has already removed the role.
      (await sql.rows<{ role_key: string }>(`SELECT role_key FROM bf_role WHERE role_key IN (${roles.map(() => '?').join(', ')})${forShare(sql)}`, [...roles])).map((r) => r.role_key),
    );
    const missing = roles.map((role, i) => ({ role, i })).filter(({ role }) => !found.has(role));
    if (missing.length > 0) {
      throw ProblemError.invalid(
        'Some roles do not exist.',
        missing.map(({ role, i }) => ({ path: `/roles/${i}`, code: 'roleNotFound', message: `There is no role ${role}.`, messageZh: `角色 ${role} 不存在。` })),
      );
    }
  }

  /** An administrator's change to themselves must leave them active and an administrator (409 otherwise). */
  private async checkNoSelfLockout(sql: SqlExecutor, patch: Partial<Omit<UserInput, 'username'>>): Promise<void> {
    if (patch.active === false) {
      throw new ProblemError(409, 'cannotDisableSelf', 'You cannot disable yourself; another administrator can.', [
        { path: '/active', code: 'cannotDisableSelf', message: 'You cannot disable yourself; another administrator can.', messageZh: '不能停用自己的账号，请由其他管理员操作。' },
      ]);
    }
    if (patch.roles && !(await this.profileOf(sql, patch.roles)).admin) {
      throw new ProblemError(409, 'cannotRemoveOwnAdministration', 'You cannot take away your own administration; another administrator can.', [
        { path: '/roles', code: 'cannotRemoveOwnAdministration', message: 'You cannot take away your own administration; another administrator can.', messageZh: '不能取消自己的管理员权限，请由其他管理员操作。' },
      ]);
    }
  }

  /** A manager must exist, and the reporting line must not loop back to the user. */
  private async checkManager(sql: SqlExecutor, managerId: string, userId: string | undefined): Promise<void> {
    let current: string | null = managerId;
    for (let depth = 0; current !== null && depth < 100; depth++) {
      if (current === userId) {
        throw ProblemError.invalid('The reporting line would loop.', [
          { path: '/managerId', code: 'managerCycle', message: 'A user cannot report to themselves, even indirectly.', messageZh: '用户不能直接或间接向自己汇报。' },
        ]);
      }
      const row: UserRow | undefined = await this.userRow(sql, current);
      if (!row) throw ProblemError.invalid('The manager does not exist.', [{ path: '/managerId', code: 'userNotFound', message: 'There is no such user.', messageZh: '该用户不存在。' }]);
      current = row.manager_id;
    }
  }
}

/** Locking reads read the latest committed rows (not the transaction's snapshot); SQLite needs none, its writers are serialised. */
const forUpdate = (sql: SqlExecutor): string => (sql.dialect === 'mysql' ? ' FOR UPDATE' : '');
const forShare = (sql: SqlExecutor): string => (sql.dialect === 'mysql' ? ' LOCK IN SHARE MODE' : '');

function weakPassword(problem: PasswordProblem): ProblemError {
  return ProblemError.invalid('The password is too weak.', [
    { path: '/password', code: 'weakPassword', message: `The password ${problem.message}`, messageZh: `密码${problem.messageZh}` },
  ]);
}

/** A key row's scope, branch and rate limit as the API answers them. */
function keyLimitsOf(row: Record<string, string | number | null>): Pick<ApiKeySummary, 'scope' | 'branch' | 'rateLimit'> {
  return {
    scope: typeof row.scope === 'string' ? (JSON.parse(row.scope) as ApiKeyScope) : null,
    branch: typeof row.branch === 'string' ? row.branch : null,
    rateLimit: row.rate_per_minute === null || row.rate_per_minute === undefined ? null : { perMinute: Number(row.rate_per_minute) },
  };
}

function summaryOf(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    branch: row.branch,
    managerId: row.manager_id,
    roles: JSON.parse(row.roles) as string[],
    active: row.active === true || Number(row.active) === 1,
    locked: row.locked_until !== null && fromStoredDatetime(row.locked_until)! > new Date().toISOString(),
  };
}
