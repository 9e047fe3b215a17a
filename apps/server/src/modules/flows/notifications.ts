import { Inject, Injectable } from '@nestjs/common';
import type { CaseNotification, CaseText, NotificationKind, NotificationPage } from '@bankforge/client';
import { Database } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import { instant, stored } from './flow-store.js';

const SHOWN = 50;

/** In-app notifications: assignment, reminder, escalation, return and outcome, per person. */
@Injectable()
export class Notifications {
  constructor(@Inject(Database) private readonly database: Database) {}

  async list(actor: Actor, unreadOnly: boolean): Promise<NotificationPage> {
    return this.database.read(async (sql) => {
      const rows = await sql.rows<{ id: string; kind: NotificationKind; instance_id: string; task_pk: string | null; text: string; created_at: string; read_at: string | null }>(
        `SELECT id, kind, instance_id, task_pk, text, created_at, read_at FROM bf_notification WHERE user_id = ?${unreadOnly ? ' AND read_at IS NULL' : ''} ORDER BY created_at DESC, id DESC LIMIT ${SHOWN}`,
        [actor.name],
      );
      const [count] = await sql.rows<{ n: number }>('SELECT COUNT(*) AS n FROM bf_notification WHERE user_id = ? AND read_at IS NULL', [actor.name]);
      const items = rows.map((r): CaseNotification => {
        const readAt = instant(r.read_at);
        return { id: r.id, kind: r.kind, caseId: r.instance_id, ...(r.task_pk ? { taskId: r.task_pk } : {}), text: JSON.parse(r.text) as CaseText, createdAt: instant(r.created_at)!, ...(readAt ? { readAt } : {}) };
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
