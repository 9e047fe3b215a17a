import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { Database } from '../database/database.js';
import { fromDbDatetime, toDbDatetime } from '../metadata/record-codec.js';
import { ProblemError } from '../problem/problem-error.js';
import { DirectoryService, sha256, type UserRow } from './directory.service.js';
import { verifyPassword } from './password.js';

/** After this many wrong passwords in a row the account locks for LOCK_MINUTES. */
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

  async login(username: string, password: string, clientIp: string): Promise<{ token: string; expiresAt: string; actor: Actor }> {
    const row = await this.database.read(async (sql) => (await sql.rows<UserRow>('SELECT * FROM bf_user WHERE username = ?', [username]))[0]);
    const nowIso = new Date().toISOString();
    const lockedUntil = row?.locked_until ? fromDbDatetime(row.locked_until)! : null;
    const passwordOk = await verifyPassword(password, row?.password_hash ?? DECOY_HASH);
    const refused = async (reason: string): Promise<never> => {
      await this.database.transaction(async (sql) => {
        if (row && reason === 'wrongPassword') {
          const failures = row.failed_logins + 1;
          const lock = failures >= MAX_FAILED_LOGINS ? toDbDatetime(new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString()) : null;
          await sql.execute('UPDATE bf_user SET failed_logins = ?, locked_until = ? WHERE id = ?', [lock ? 0 : failures, lock, row.id]);
        }
        await this.audit.append(sql, row ? { ...anonymous(row.username), userId: row.id } : anonymous(username), {
          action: 'loginFailed',
          detail: { username: username.slice(0, 64), reason, clientIp },
        });
      });
      // One answer for every reason: the caller learns nothing about which usernames exist.
      throw new ProblemError(401, 'loginFailed', 'The username or password is wrong, or the account is locked or inactive.');
    };
    if (!row || row.password_hash === null) return refused('unknownUser');
    if (lockedUntil && lockedUntil > nowIso) return refused('locked');
    if (!(row.active === true || Number(row.active) === 1)) return refused('inactive');
    if (!passwordOk) return refused('wrongPassword');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000).toISOString();
    const actor = await this.database.transaction(async (sql) => {
      await sql.execute('UPDATE bf_user SET failed_logins = 0, locked_until = NULL WHERE id = ?', [row.id]);
      await sql.execute('INSERT INTO bf_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        sha256(token),
        row.id,
        toDbDatetime(nowIso),
        toDbDatetime(expiresAt),
      ]);
      const signedIn = await this.directory.actorOf(sql, row);
      await this.audit.append(sql, signedIn, { action: 'login', detail: { clientIp } });
      return signedIn;
    });
    return { token, expiresAt, actor };
  }

  async logout(token: string, actor: Actor): Promise<void> {
    await this.database.transaction(async (sql) => {
      await sql.execute('DELETE FROM bf_session WHERE token_hash = ?', [sha256(token)]);
      await this.audit.append(sql, actor, { action: 'logout' });
    });
  }

  /** The actor behind a session token, or undefined when it is unknown, expired or its user is inactive. */
  async sessionActor(token: string): Promise<Actor | undefined> {
    if (!/^[\w-]{43}$/.test(token)) return undefined;
    return this.database.read(async (sql) => {
      const [session] = await sql.rows<{ user_id: string; expires_at: string }>('SELECT user_id, expires_at FROM bf_session WHERE token_hash = ?', [sha256(token)]);
      if (!session || fromDbDatetime(session.expires_at)! <= new Date().toISOString()) return undefined;
      const row = await this.directory.userRow(sql, session.user_id);
      if (!row || !(row.active === true || Number(row.active) === 1)) return undefined;
      return this.directory.actorOf(sql, row);
    });
  }
}
