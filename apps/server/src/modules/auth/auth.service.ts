import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Dialect } from '../../platform/config/server-config.js';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { DirectoryService, sha256, type UserRow } from './directory.service.js';
import { verifyPassword } from './password.js';

/** After this many wrong passwords in a row (since the last sign-in, password reset or lock) the account locks for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 8;

/** A hash to compare against when the username does not exist, so timing does not tell which usernames do. */
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const anonymous = (username: string): Actor => ({
  kind: 'user',
  userId: null,
  name: username.slice(0, 64),
  branch: null,
  roles: [],
  access: AccessProfile.none,
});

/** Password sign-in with lockout, and sessions stored as hashes of random tokens (a stolen database holds no usable session). */
@Injectable()
export class AuthService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /**
   * The lockout is decided under a lock on the user's row (SQLite serialises all writers; MySQL
   * takes `FOR UPDATE`), so simultaneous attempts are counted one after the other: with 10 wrong
   * passwords at once, the first MAX_FAILED_LOGINS are counted and lock the account and the rest
   * find it locked, and a right password racing them cannot clear a lock one of them just set.
   */
  async login(username: string, password: string, clientIp: string): Promise<{ token: string; expiresAt: string; actor: Actor }> {
    const row = await this.database.read(async (sql) => (await sql.rows<UserRow>('SELECT * FROM bf_user WHERE username = ?', [username]))[0]);
    // Verified before the lock is taken (scrypt is slow) and for every username, so timing tells nothing.
    const passwordOk = await verifyPassword(password, row?.password_hash ?? DECOY_HASH);
    const outcome = await this.database.transaction(async (sql): Promise<{ refused: true } | { refused: false; token: string; expiresAt: string; actor: Actor }> => {
      const current = row ? (await sql.rows<UserRow>(`SELECT * FROM bf_user WHERE id = ?${sql.dialect === 'mysql' ? ' FOR UPDATE' : ''}`, [row.id]))[0] : undefined;
      const refuse = async (reason: string, detail: Record<string, unknown> = {}): Promise<{ refused: true }> => {
        await this.audit.append(sql, current ? { ...anonymous(current.username), userId: current.id } : anonymous(username), {
          action: 'loginFailed',
          detail: { username: username.slice(0, 64), reason, clientIp, ...detail },
        });
        return { refused: true };
      };
      if (!current || current.password_hash === null) return refuse('unknownUser');
      const nowIso = new Date().toISOString();
      const lockedUntil = current.locked_until ? fromStoredDatetime(current.locked_until)! : null;
      if (lockedUntil && lockedUntil > nowIso) return refuse('locked');
      if (!(current.active === true || Number(current.active) === 1)) return refuse('inactive');
      // A password reset since it was read makes the verified password an old one.
      if (!passwordOk || current.password_hash !== row!.password_hash) {
        // An expired lock starts a new count.
        const failures = (lockedUntil ? 0 : Number(current.failed_logins)) + 1;
        const lock = failures >= MAX_FAILED_LOGINS ? toStoredDatetime(new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString()) : null;
        await sql.execute('UPDATE bf_user SET failed_logins = ?, locked_until = ? WHERE id = ?', [failures, lock, current.id]);
        return refuse('wrongPassword', { failures, ...(lock ? { lockedUntil: fromStoredDatetime(lock) } : {}) });
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
      await sql.execute('UPDATE bf_user SET failed_logins = 0, locked_until = NULL WHERE id = ?', [current.id]);
      await sql.execute('INSERT INTO bf_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        sha256(token),
        current.id,
        toStoredDatetime(nowIso),
        toStoredDatetime(expiresAt),
      ]);
      const actor = await this.directory.actorOf(sql, current);
      await this.audit.append(sql, actor, { action: 'login', detail: { clientIp } });
      return { refused: false, token, expiresAt, actor };
    });
    // One answer for every reason: the caller learns nothing about which usernames exist.
    if (outcome.refused) throw new ProblemError(401, 'loginFailed', 'The username or password is wrong, or the account is locked or inactive.');
    return { token: outcome.token, expiresAt: outcome.expiresAt, actor: outcome.actor };
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.database.transaction(async (sql) => {
      await sql.execute('DELETE FROM bf_session WHERE token_hash = ?', [sha256(token)]);
      await this.audit.append(sql, actor, { action: 'logout' });
    });
  }

  /**
   * The actor behind a session token, or undefined when it is unknown, expired or its user is
   * inactive. One statement reads the session, its user and the user's role documents, on every
   * request: a revoked session, a deactivated user or a changed role counts from the next request.
   */
  async sessionActor(token: string): Promise<Actor | undefined> {
    if (!/^[\w-]{43}$/.test(token)) return undefined;
    const rows = await this.database.read((sql) => sql.rows<SessionRow>(sessionSql(sql.dialect), [sha256(token)]));
    const [row] = rows;
    if (!row || fromStoredDatetime(row.session_expires_at)! <= new Date().toISOString()) return undefined;
    if (!(row.active === true || Number(row.active) === 1)) return undefined;
    const roles = JSON.parse(row.roles) as string[];
    const documents = rows.flatMap((r) => (r.role_document === null ? [] : [r.role_document]));
    return { kind: 'user', userId: row.id, name: row.username, branch: row.branch, roles, access: this.directory.profileFrom(roles.length === 0 ? [] : documents) };
  }
}

type SessionRow = UserRow & { session_expires_at: string; role_document: string | null };

/** The session, its user, and one row per role the user holds (a user without roles: one row, no document). */
function sessionSql(dialect: Dialect): string {
  const holds = dialect === 'mysql' ? 'JSON_CONTAINS(u.roles, JSON_QUOTE(r.role_key))' : 'r.role_key IN (SELECT value FROM json_each(u.roles))';
  return `SELECT s.expires_at AS session_expires_at, u.*, r.document AS role_document
            FROM bf_session s JOIN bf_user u ON u.id = s.user_id LEFT JOIN bf_role r ON ${holds}
           WHERE s.token_hash = ? ORDER BY r.role_key`;
}
