import { Inject, Injectable } from '@nestjs/common';
import type { CaseNotification, CaseText, NotificationKind, NotificationPage } from '@bankforge/client';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import { instant, stored } from '../flows/flow-store.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

const SHOWN = 50;

/** A notification to write: to people by username, about a case (and task), a record, or nothing the runtime opens. */
export interface NewNotification {
  kind: NotificationKind;
  text: CaseText;
  caseId?: string;
  taskId?: string;
  record?: { entity: string; id: string };
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  instance_id: string | null;
  task_pk: string | null;
  entity_key: string | null;
  record_id: string | null;
  text: string;
  created_at: string;
  read_at: string | null;
}

/**
 * In-app notifications, per person: a case's assignment, reminder, escalation, return and outcome;
 * an automation's alert about a record; an administrator's notice (a webhook disabled).
 */
@Injectable()
export class Notifications {
  constructor(@Inject(Database) private readonly database: Database) {}

  /** Writes one notification to each of `usernames` in the caller's transaction (`at`: stored time). */
  static async write(sql: SqlExecutor, usernames: readonly string[], notification: NewNotification, at: string): Promise<void> {
    const to = [...new Set(usernames)];
    if (to.length === 0) return;
    const { kind, text, caseId = null, taskId = null, record } = notification;
    await sql.execute(
      `INSERT INTO bf_notification (id, user_id, kind, instance_id, task_pk, entity_key, record_id, text, created_at, read_at) VALUES ${to.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)').join(', ')}`,
      to.flatMap((user) => [timeOrderedId(), user, kind, caseId, taskId, record?.entity ?? null, record?.id ?? null, JSON.stringify(text), at]),
    );
  }

  /** The usernames of active people holding a role with administration rights. */
  static async administrators(sql: SqlExecutor): Promise<string[]> {
    const roles = (await sql.rows<{ document: string }>('SELECT document FROM bf_role')).map((r) => JSON.parse(r.document) as { key: string; admin?: boolean });
    const admin = new Set(roles.filter((r) => r.admin === true).map((r) => r.key));
    const people = await sql.rows<{ username: string; roles: string }>('SELECT username, roles FROM bf_user WHERE active = ?', [true]);
    return people.filter((p) => (JSON.parse(p.roles) as string[]).some((role) => admin.has(role))).map((p) => p.username);
  }

  async list(actor: Actor, unreadOnly: boolean): Promise<NotificationPage> {
    return this.database.read(async (sql) => {
      const rows = await sql.rows<NotificationRow>(
        `SELECT id, kind, instance_id, task_pk, entity_key, record_id, text, created_at, read_at FROM bf_notification WHERE user_id = ?${unreadOnly ? ' AND read_at IS NULL' : ''} ORDER BY created_at DESC, id DESC LIMIT ${SHOWN}`,
        [actor.name],
      );
      const [count] = await sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_notification WHERE user_id = ? AND read_at IS NULL', [actor.name]);
      const items = rows.map((r): CaseNotification => {
        const readAt = instant(r.read_at);
        return {
          id: r.id,
          kind: r.kind,
          ...(r.instance_id ? { caseId: r.instance_id } : {}),
          ...(r.task_pk ? { taskId: r.task_pk } : {}),
          ...(r.entity_key && r.record_id ? { record: { entity: r.entity_key, id: r.record_id } } : {}),
          text: JSON.parse(r.text) as CaseText,
          createdAt: instant(r.created_at)!,
          ...(readAt ? { readAt } : {}),
        };
      });
      return { items, unread: Number(count?.n ?? 0) };
    });
  }

  /** Marks the reader's own notifications read (others' ids change nothing). */
  async markRead(actor: Actor, ids: readonly string[] | 'all'): Promise<{ unread: number }> {
    const now = stored(new Date().toISOString());
    return this.database.transaction(async (sql) => {
      if (ids === 'all') await sql.execute('UPDATE bf_notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL', [now, actor.name]);
      else if (ids.length > 0) await sql.execute(`UPDATE bf_notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`, [now, actor.name, ...ids]);
      const [count] = await sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_notification WHERE user_id = ? AND read_at IS NULL', [actor.name]);
      return { unread: Number(count?.n ?? 0) };
    });
  }
}
